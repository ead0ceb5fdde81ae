import { Injectable } from '@nestjs/common';
import type {
  Envelope,
  FieldError,
  ImportedProfile,
  PartnerImport,
  PartnerImportField,
  PartnerImportOutcome,
  PartnerImportRow,
  PartnerImportRowInput,
  StartPartnerImportRequest,
} from '@pardev/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { KnownPartner, PlannedRow } from './import-plan';

/** An import as stored, with what the API shows of it. */
export interface StoredImport extends PartnerImport {
  readonly applyCause: Envelope | null;
}

/** A row the applier is about to write. */
export interface RowToApply {
  readonly rowNumber: number;
  readonly outcome: 'CREATE' | 'UPDATE';
  readonly partnerId: string | null;
  readonly partnerVersion: number | null;
  readonly profile: ImportedProfile;
}

type Row = Record<string, unknown>;
const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);

// Rows per statement when writing plans: one JSON parameter each, a few hundred kB at most.
const WRITE_CHUNK = 2_000;

/** partner_import and partner_import_row, in SQL: staging and planning move thousands of rows at once. */
@Injectable()
export class PartnerImportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    manager: EntityManager,
    id: string,
    request: StartPartnerImportRequest,
    createdBy: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO partner_import (id, file_name, format, columns, ignored_columns, row_count, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        request.fileName,
        request.format,
        request.columns,
        request.ignoredColumns,
        request.rowCount,
        createdBy,
      ],
    );
  }

  /** The import; `lock` holds it until the transaction ends (staging, checking and applying queue). */
  async find(manager: EntityManager | DataSource, id: string, lock = false): Promise<StoredImport | null> {
    const rows: Row[] = await manager.query(
      `SELECT * FROM partner_import WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (rows.length === 0) return null;
    const progress: Row[] = await manager.query(
      `SELECT count(*) FILTER (WHERE outcome IN ('CREATED', 'UPDATED', 'FAILED'))::int AS done,
              count(*) FILTER (WHERE outcome IN ('CREATE', 'UPDATE', 'CREATED', 'UPDATED', 'FAILED'))::int AS total,
              count(*) FILTER (WHERE outcome = 'CREATED')::int AS created,
              count(*) FILTER (WHERE outcome = 'UPDATED')::int AS updated,
              count(*) FILTER (WHERE outcome = 'FAILED')::int AS failed
       FROM partner_import_row WHERE import_id = $1`,
      [id],
    );
    return toImport(rows[0]!, progress[0]!);
  }

  /** Adds rows; a chunk sent twice (a retried request) adds nothing the second time. */
  async stage(
    manager: EntityManager,
    importId: string,
    rows: readonly PartnerImportRowInput[],
  ): Promise<number> {
    await manager.query(
      `INSERT INTO partner_import_row (import_id, row_number, cells)
       SELECT $1, r.row_number, r.cells FROM jsonb_to_recordset($2::jsonb) AS r(row_number int, cells jsonb)
       ON CONFLICT (import_id, row_number) DO NOTHING`,
      [importId, JSON.stringify(rows.map((row) => ({ row_number: row.rowNumber, cells: row.values })))],
    );
    const count: Row[] = await manager.query(
      `SELECT count(*)::int AS staged FROM partner_import_row WHERE import_id = $1`,
      [importId],
    );
    return count[0]!.staged as number;
  }

  async stagedRows(manager: EntityManager, importId: string): Promise<PartnerImportRowInput[]> {
    const rows: Row[] = await manager.query(
      `SELECT row_number, cells FROM partner_import_row WHERE import_id = $1 ORDER BY row_number`,
      [importId],
    );
    return rows.map((row) => ({
      rowNumber: row.row_number as number,
      values: row.cells as PartnerImportRowInput['values'],
    }));
  }

  /** Every partner, with what the plan compares and looks up. */
  async knownPartners(manager: EntityManager): Promise<KnownPartner[]> {
    const rows: Row[] = await manager.query(
      `SELECT id, version, name, acronym, legal_name, iati_identifier, organisation_type, category, ownership,
              country, status, blocked, tags, notes, responsible_officer_id, delegate_ids
       FROM partner`,
    );
    return rows.map((row) => ({
      id: row.id as string,
      version: row.version as number,
      name: row.name as string,
      acronym: row.acronym as string | null,
      legalName: row.legal_name as string | null,
      iatiIdentifier: row.iati_identifier as string | null,
      organisationType: row.organisation_type as string,
      category: row.category as string,
      ownership: row.ownership as string,
      country: row.country as string | null,
      status: row.status as string,
      blocked: row.blocked as boolean,
      tags: row.tags as string[],
      notes: row.notes as string | null,
      responsibleOfficerId: row.responsible_officer_id as string | null,
      delegateIds: row.delegate_ids as string[],
    }));
  }

  /** Stores the dry run's decision for every row, and the counts. */
  async savePlan(manager: EntityManager, importId: string, plan: readonly PlannedRow[]): Promise<void> {
    for (let start = 0; start < plan.length; start += WRITE_CHUNK) {
      const chunk = plan.slice(start, start + WRITE_CHUNK).map((row) => ({
        row_number: row.rowNumber,
        outcome: row.outcome,
        partner_id: 'partnerId' in row ? row.partnerId : null,
        partner_version: 'partnerVersion' in row ? row.partnerVersion : null,
        profile: 'profile' in row ? row.profile : null,
        changed_fields: 'changedFields' in row ? row.changedFields : [],
        errors: row.errors,
      }));
      await manager.query(
        `UPDATE partner_import_row t
         SET outcome = r.outcome, partner_id = r.partner_id, partner_version = r.partner_version,
             profile = r.profile, changed_fields = r.changed_fields, errors = r.errors
         FROM jsonb_to_recordset($2::jsonb) AS r(row_number int, outcome text, partner_id uuid,
              partner_version int, profile jsonb, changed_fields text[], errors jsonb)
         WHERE t.import_id = $1 AND t.row_number = r.row_number`,
        [importId, JSON.stringify(chunk)],
      );
    }
    const count = (outcome: PlannedRow['outcome']) => plan.filter((row) => row.outcome === outcome).length;
    await manager.query(
      `UPDATE partner_import SET status = 'READY', checked_at = now(), planned = $2 WHERE id = $1`,
      [
        importId,
        { create: count('CREATE'), update: count('UPDATE'), skip: count('SKIP'), error: count('ERROR') },
      ],
    );
  }

  async startApplying(manager: EntityManager, importId: string, cause: Envelope): Promise<void> {
    await manager.query(
      `UPDATE partner_import SET status = 'APPLYING', applied_at = now(), apply_cause = $2 WHERE id = $1`,
      [importId, cause],
    );
  }

  async finish(manager: EntityManager, importId: string): Promise<void> {
    await manager.query(`UPDATE partner_import SET status = 'DONE', finished_at = now() WHERE id = $1`, [
      importId,
    ]);
  }

  /** Imports left half-applied by a stop or a crash. */
  async applying(): Promise<string[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT id FROM partner_import WHERE status = 'APPLYING' ORDER BY applied_at`,
    );
    return rows.map((row) => row.id as string);
  }

  /** The next rows to write, in file order. */
  async nextToApply(manager: EntityManager, importId: string, limit: number): Promise<RowToApply[]> {
    const rows: Row[] = await manager.query(
      `SELECT row_number, outcome, partner_id, partner_version, profile FROM partner_import_row
       WHERE import_id = $1 AND outcome IN ('CREATE', 'UPDATE')
       ORDER BY row_number LIMIT $2`,
      [importId, limit],
    );
    return rows.map((row) => ({
      rowNumber: row.row_number as number,
      outcome: row.outcome as 'CREATE' | 'UPDATE',
      partnerId: row.partner_id as string | null,
      partnerVersion: row.partner_version as number | null,
      profile: row.profile as ImportedProfile,
    }));
  }

  async markApplied(
    manager: EntityManager,
    importId: string,
    rowNumber: number,
    outcome: 'CREATED' | 'UPDATED' | 'FAILED',
    partnerId: string | null,
    errors: readonly FieldError[] = [],
  ): Promise<void> {
    await manager.query(
      `UPDATE partner_import_row SET outcome = $3, partner_id = coalesce($4, partner_id), errors = $5
       WHERE import_id = $1 AND row_number = $2`,
      [importId, rowNumber, outcome, partnerId, JSON.stringify(errors)],
    );
  }

  async rows(
    importId: string,
    outcome: PartnerImportOutcome | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ items: PartnerImportRow[]; total: number }> {
    const filter = outcome ? 'AND outcome = $2' : 'AND $2::text IS NULL';
    const [items, count]: [Row[], Row[]] = await Promise.all([
      this.dataSource.query(
        `SELECT row_number, outcome, cells, partner_id, changed_fields, errors FROM partner_import_row
         WHERE import_id = $1 ${filter} ORDER BY row_number LIMIT $3 OFFSET $4`,
        [importId, outcome ?? null, pageSize, (page - 1) * pageSize],
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM partner_import_row WHERE import_id = $1 ${filter}`,
        [importId, outcome ?? null],
      ),
    ]);
    return {
      items: items.map((row) => ({
        rowNumber: row.row_number as number,
        outcome: row.outcome as PartnerImportOutcome | null,
        values: row.cells as PartnerImportRow['values'],
        partnerId: row.partner_id as string | null,
        changedFields: row.changed_fields as PartnerImportField[],
        errors: row.errors as FieldError[],
      })),
      total: count[0]!.total as number,
    };
  }

  /** Imports that were never applied, after a while: their staged files are of no further use. */
  async purgeAbandoned(manager: EntityManager, olderThanDays: number): Promise<void> {
    await manager.query(
      `DELETE FROM partner_import WHERE status IN ('STAGED', 'READY')
         AND created_at < now() - make_interval(days => $1)`,
      [olderThanDays],
    );
  }
}

const toImport = (row: Row, progress: Row): StoredImport => ({
  id: row.id as string,
  fileName: row.file_name as string,
  format: row.format as PartnerImport['format'],
  status: row.status as PartnerImport['status'],
  columns: row.columns as PartnerImportField[],
  ignoredColumns: row.ignored_columns as string[],
  rowCount: row.row_count as number,
  planned: row.planned as PartnerImport['planned'],
  progress: {
    done: progress.done as number,
    total: progress.total as number,
    created: progress.created as number,
    updated: progress.updated as number,
    failed: progress.failed as number,
  },
  createdBy: row.created_by as string,
  createdAt: iso(row.created_at)!,
  checkedAt: iso(row.checked_at),
  appliedAt: iso(row.applied_at),
  finishedAt: iso(row.finished_at),
  applyCause: (row.apply_cause as Envelope | null) ?? null,
});
