import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ErrorCode, type Envelope, type FieldError } from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { PartnersService, asDuplicateRefusal } from '../partners/partners.service';
import { PartnerImportsRepository, type RowToApply } from './partner-imports.repository';

/** Rows written per transaction: progress moves in these steps, and a crash redoes at most one. */
export const APPLY_BATCH_ROWS = 100;
const RETRY_AFTER_MS = 2_000;
// A breath between batches, for the requests waiting on the database (PGlite has one connection).
const BETWEEN_BATCHES_MS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Why writing a row failed, as errors on the row (a refusal's own, or one that says what happened). */
const rowErrors = (error: unknown): FieldError[] => {
  if (error instanceof DomainError) {
    if (error.code === ErrorCode.VersionConflict) {
      return [
        {
          field: 'id',
          rule: 'changed_since_check',
          message: 'the partner was changed by someone else after the dry run; export it again and re-import',
        },
      ];
    }
    if (error.errors.length > 0) return error.errors;
    return [{ field: '(row)', rule: error.code.toLowerCase(), message: error.message }];
  }
  throw error;
};

/**
 * Writes an import's rows in the background, a batch per transaction: each row through the same
 * registration and update as the forms (rules, audit trail, events), each behind a savepoint so that
 * one refused row fails alone. The import is locked per batch, so replicas that both resume it take
 * turns; rows are marked in the batch's transaction, so a crash repeats nothing and loses nothing.
 * Imports still APPLYING at start (after a stop or a crash) are resumed.
 */
@Injectable()
export class PartnerImportApplier implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('PartnerImportApplier');
  private readonly draining = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: PartnerImportsRepository,
    private readonly partners: PartnersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const id of await this.imports.applying()) this.drain(id);
  }

  // First thing on close, while the database is still there: the batch under way commits, no other starts.
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.draining.values());
  }

  /** Starts writing the import's rows unless this process is already doing so. */
  drain(importId: string): void {
    if (this.draining.has(importId) || this.stopping) return;
    const run = this.drainLoop(importId).finally(() => this.draining.delete(importId));
    this.draining.set(importId, run);
  }

  /** Resolves when this process has nothing left to write for the import (tests wait on it). */
  async settled(importId: string): Promise<void> {
    await this.draining.get(importId);
  }

  private async drainLoop(importId: string): Promise<void> {
    while (!this.stopping) {
      try {
        if (!(await this.applyBatch(importId))) return;
        await sleep(BETWEEN_BATCHES_MS);
      } catch (error) {
        this.log.warn(`import ${importId}: batch failed, trying again: ${(error as Error).message}`);
        await sleep(RETRY_AFTER_MS);
      }
    }
  }

  /** Writes the next batch; false when the import is finished (or not being applied). */
  async applyBatch(importId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const stored = await this.imports.find(manager, importId, true);
      if (stored?.status !== 'APPLYING' || !stored.applyCause) return false;
      const rows = await this.imports.nextToApply(manager, importId, APPLY_BATCH_ROWS);
      if (rows.length === 0) {
        await this.imports.finish(manager, importId);
        this.log.log(
          `import ${importId} (${stored.fileName}) done: ${stored.progress.created} created, ${stored.progress.updated} updated, ${stored.progress.failed} failed`,
        );
        return false;
      }
      for (const row of rows) {
        const note = `imported from ${stored.fileName}, row ${row.rowNumber}`;
        await this.applyRow(manager, importId, row, stored.applyCause, note);
        // PGlite answers without I/O: without this, a batch would keep the event loop to itself and
        // requests (a progress poll) would wait for the whole import rather than for this batch.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return true;
    });
  }

  private async applyRow(
    manager: EntityManager,
    importId: string,
    row: RowToApply,
    cause: Envelope,
    note: string,
  ): Promise<void> {
    await manager.query('SAVEPOINT import_row');
    try {
      // The profile was read under the schema at the dry run; who is responsible is not the file's say.
      const { responsibleOfficerId: _unused, ...profile } = row.profile;
      if (row.outcome === 'CREATE') {
        const partner = await this.partners.registerWithin(
          manager,
          { ...profile, responsibleOfficerId: null },
          cause,
          note,
        );
        await manager.query('RELEASE SAVEPOINT import_row');
        await this.imports.markApplied(manager, importId, row.rowNumber, 'CREATED', partner.id);
      } else {
        await this.partners.updateWithin(
          manager,
          { ...profile, id: row.partnerId!, version: row.partnerVersion! },
          cause,
          note,
        );
        await manager.query('RELEASE SAVEPOINT import_row');
        await this.imports.markApplied(manager, importId, row.rowNumber, 'UPDATED', row.partnerId);
      }
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT import_row');
      const refusal = asDuplicateRefusal(error, row.profile);
      await this.imports.markApplied(manager, importId, row.rowNumber, 'FAILED', null, rowErrors(refusal));
    }
  }
}
