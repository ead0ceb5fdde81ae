import { Injectable } from '@nestjs/common';
import {
  reportingCalendar,
  type AgreementStatus,
  type ReportDue,
  type ReportDuePage,
  type ParsedRequestOf,
  type ReportingObligation,
} from '@pardev/contracts';
import { newId } from '@pardev/persistence';
import { DataSource, type EntityManager } from 'typeorm';

/** An agreement's state as its events carry it (obligations only in obligations-set.v1). */
export interface AgreementState {
  readonly agreementId: string;
  readonly reference: string;
  readonly title: string;
  readonly partnerIds: readonly string[];
  readonly status: AgreementStatus;
  readonly startOn: string | null;
  readonly endOn: string | null;
  readonly version: number;
  readonly obligations?: readonly ReportingObligation[];
  /** When a TERMINATED status took effect (reports due after it are cancelled). */
  readonly terminatedOn?: string | null;
}

// Reports are owed once the agreement is signed; a cancelled agreement owes none.
const OWING: readonly AgreementStatus[] = ['SIGNED', 'ACTIVE', 'SUSPENDED', 'ENDED', 'CLOSED', 'TERMINATED'];
const DUE_SOON_DAYS = 30;

type Row = Record<string, unknown>;
const isoDate = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString().slice(0, 10)
      : String(value).slice(0, 10);

/**
 * The reporting calendar: results-service's copy of each agreement (dates, status, obligations) from
 * agreements events, newest version wins, and the reports due worked out from it each time it changes.
 */
@Injectable()
export class ReportingCalendar {
  constructor(private readonly dataSource: DataSource) {}

  async apply(manager: EntityManager, state: AgreementState): Promise<void> {
    const rows: Row[] = await manager.query(
      `INSERT INTO reporting_agreement (agreement_id, reference, title, partner_ids, status, start_on, end_on,
                                        terminated_on, obligations, source_version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::jsonb, '[]'::jsonb), $10, now())
       ON CONFLICT (agreement_id) DO UPDATE SET reference = excluded.reference, title = excluded.title,
         partner_ids = excluded.partner_ids, status = excluded.status, start_on = excluded.start_on,
         end_on = excluded.end_on, terminated_on = coalesce(excluded.terminated_on, reporting_agreement.terminated_on),
         obligations = CASE WHEN $9::jsonb IS NULL THEN reporting_agreement.obligations ELSE excluded.obligations END,
         source_version = excluded.source_version, updated_at = now()
       WHERE reporting_agreement.source_version < excluded.source_version
       RETURNING obligations, status, start_on, end_on, terminated_on`,
      [
        state.agreementId,
        state.reference,
        state.title,
        state.partnerIds,
        state.status,
        state.startOn,
        state.endOn,
        state.terminatedOn ?? null,
        state.obligations ? JSON.stringify(state.obligations) : null,
        state.version,
      ],
    );
    // An older event than what is known: nothing changes.
    const current = rows[0];
    if (!current) return;
    await this.regenerate(manager, state.agreementId, {
      obligations: current.obligations as ReportingObligation[],
      status: current.status as AgreementStatus,
      startOn: isoDate(current.start_on),
      endOn: isoDate(current.end_on),
      terminatedOn: isoDate(current.terminated_on),
    });
  }

  private async regenerate(
    manager: EntityManager,
    agreementId: string,
    agreement: {
      obligations: ReportingObligation[];
      status: AgreementStatus;
      startOn: string | null;
      endOn: string | null;
      terminatedOn: string | null;
    },
  ): Promise<void> {
    await manager.query(`DELETE FROM report_due WHERE agreement_id = $1`, [agreementId]);
    if (!OWING.includes(agreement.status) || !agreement.startOn || !agreement.endOn) return;
    const entries = reportingCalendar(agreement.obligations, agreement.startOn, agreement.endOn);
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO report_due (id, agreement_id, obligation_id, type, period_start, period_end, due_on, cancelled)
       SELECT r.id, $1, r.obligation_id, r.type, r.period_start, r.period_end, r.due_on, r.cancelled
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, obligation_id uuid, type text, period_start date,
            period_end date, due_on date, cancelled boolean)
       ON CONFLICT (agreement_id, obligation_id, due_on) DO NOTHING`,
      [
        agreementId,
        JSON.stringify(
          entries.map((entry) => ({
            id: newId(),
            obligation_id: entry.obligationId,
            type: entry.type,
            period_start: entry.periodStart,
            period_end: entry.periodEnd,
            due_on: entry.dueOn,
            // Terminated early: periods that start after the termination are not owed.
            cancelled:
              agreement.status === 'TERMINATED' &&
              agreement.terminatedOn !== null &&
              (entry.periodStart ?? entry.dueOn) > agreement.terminatedOn,
          })),
        ),
      ],
    );
  }

  async list(
    { agreementId, partnerId, from, to, status, page, pageSize }: ParsedRequestOf<'results.report.list'>,
    today: string,
  ): Promise<ReportDuePage> {
    const soon = new Date(Date.parse(`${today}T00:00:00Z`) + DUE_SOON_DAYS * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const clauses: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (agreementId) clauses.push(`d.agreement_id = ${param(agreementId)}`);
    if (partnerId) clauses.push(`a.partner_ids @> ARRAY[${param(partnerId)}]::uuid[]`);
    if (from) clauses.push(`d.due_on >= ${param(from)}::date`);
    if (to) clauses.push(`d.due_on <= ${param(to)}::date`);
    const t = param(today);
    const s = param(soon);
    const statusSql = `CASE WHEN d.cancelled THEN 'CANCELLED' WHEN d.due_on < ${t}::date THEN 'OVERDUE'
                            WHEN d.due_on <= ${s}::date THEN 'DUE_SOON' ELSE 'UPCOMING' END`;
    if (status) clauses.push(`${statusSql} = ${param(status)}`);
    const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
    const from_ = `FROM report_due d JOIN reporting_agreement a ON a.agreement_id = d.agreement_id ${where}`;
    const [items, count]: [Row[], Row[]] = await Promise.all([
      this.dataSource.query(
        `SELECT d.*, a.reference, a.title, a.partner_ids, ${statusSql} AS status ${from_}
         ORDER BY d.due_on, d.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        params,
      ),
      // Over the same parameters as the page (the status expression uses today's dates).
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM (SELECT ${statusSql} AS status ${from_}) counted`,
        params,
      ),
    ]);
    return {
      items: items.map((row): ReportDue => ({
        id: row.id as string,
        agreementId: row.agreement_id as string,
        agreementReference: row.reference as string,
        agreementTitle: row.title as string,
        partnerIds: row.partner_ids as string[],
        obligationId: row.obligation_id as string,
        type: row.type as ReportDue['type'],
        periodStart: isoDate(row.period_start),
        periodEnd: isoDate(row.period_end),
        dueOn: isoDate(row.due_on)!,
        status: row.status as ReportDue['status'],
      })),
      total: count[0]!.total as number,
      page,
      pageSize,
    };
  }
}
