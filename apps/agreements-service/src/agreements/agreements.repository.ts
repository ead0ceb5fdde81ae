import { Injectable } from '@nestjs/common';
import type { ParsedRequestOf } from '@pardev/contracts';
import { containing } from '@pardev/persistence';
import { DataSource, In, type EntityManager } from 'typeorm';
import { PartnerOptionEntity } from '../partner-options/partner-option.entity';
import { AgreementEntity, TrancheEntity } from './agreement.entities';

export type AgreementSearch = ParsedRequestOf<'agreements.agreement.list'>;

// Sort keys → columns; ties broken by id so that pages are stable.
const SORTS: Record<AgreementSearch['sort'], string> = {
  reference: 'a.reference ASC',
  '-reference': 'a.reference DESC',
  title: 'lower(a.title) ASC',
  '-updatedAt': 'a.updated_at DESC',
  startOn: 'a.start_on ASC NULLS LAST',
  '-startOn': 'a.start_on DESC NULLS LAST',
  '-totalUsd': 'a.total_usd_minor DESC NULLS LAST',
  endOn: 'a.end_on ASC NULLS LAST',
};

/** The WHERE clause of the list for these filters, with its parameters ($1 …). */
export const listFilter = (filters: AgreementSearch): { where: string; params: unknown[] } => {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.q) clauses.push(`a.search_text LIKE ${param(containing(filters.q.toLowerCase()))}`);
  if (filters.partnerId) clauses.push(`a.partner_ids @> ARRAY[${param(filters.partnerId)}]::uuid[]`);
  if (filters.fundingSource) clauses.push(`a.funding_source = ${param(filters.fundingSource)}`);
  if (filters.status) clauses.push(`a.status = ${param(filters.status)}`);
  if (filters.country) clauses.push(`a.recipient_countries @> ARRAY[${param(filters.country)}]::text[]`);
  if (filters.region) clauses.push(`a.recipient_regions @> ARRAY[${param(filters.region)}]::text[]`);
  if (filters.pbOutcome) clauses.push(`a.pb_outcomes @> ARRAY[${param(filters.pbOutcome)}]::text[]`);
  if (filters.officerId) {
    const officer = param(filters.officerId);
    clauses.push(
      `(a.responsible_officer_id = ${officer}::uuid OR a.delegate_ids @> ARRAY[${officer}]::uuid[])`,
    );
  }
  if (filters.to) clauses.push(`(a.start_on IS NULL OR a.start_on <= ${param(filters.to)}::date)`);
  if (filters.from) clauses.push(`(a.end_on IS NULL OR a.end_on >= ${param(filters.from)}::date)`);
  if (filters.minUsd !== undefined) clauses.push(`a.total_usd_minor >= ${param(filters.minUsd * 100)}`);
  if (filters.maxUsd !== undefined) clauses.push(`a.total_usd_minor <= ${param(filters.maxUsd * 100)}`);
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
};

/**
 * The page's SQL and the totals' SQL, exactly as the list runs them (tools/bench/src/agreements.ts runs
 * a copy of them beside the gateway: tools may not import apps).
 * The totals read agreement_list_entry, the narrow copy of the filtered columns (same names, kept by a
 * trigger): counting and summing thousands of matches touches 2.5× fewer pages there.
 */
export const listQueries = (filters: AgreementSearch) => {
  const { where, params } = listFilter(filters);
  const offset = (filters.page - 1) * filters.pageSize;
  return {
    page: {
      sql: `SELECT a.id FROM agreement a ${where} ORDER BY ${SORTS[filters.sort]}, a.id
            LIMIT ${filters.pageSize} OFFSET ${offset}`,
      params,
    },
    totals: {
      sql: `SELECT count(*)::int AS total, coalesce(sum(a.total_usd_minor), 0)::text AS usd,
                   count(*) FILTER (WHERE a.total_usd_minor IS NULL)::int AS without_rate
            FROM agreement_list_entry a ${where}`,
      params,
    },
  };
};

@Injectable()
export class AgreementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<AgreementEntity | null> {
    return this.dataSource.getRepository(AgreementEntity).findOneBy({ id });
  }

  /** The agreement, locked until the transaction ends (two changes of it queue instead of racing). */
  lockById(manager: EntityManager, id: string): Promise<AgreementEntity | null> {
    return manager
      .getRepository(AgreementEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, agreement: AgreementEntity): Promise<AgreementEntity> {
    return manager.save(AgreementEntity, agreement);
  }

  /** The next reference for this prefix and year (XBDC-2026-0042), taken in the caller's transaction. */
  async nextReference(manager: EntityManager, prefix: string, year: number): Promise<string> {
    const rows: { last: number }[] = await manager.query(
      `INSERT INTO agreement_reference_counter (prefix, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (prefix, year) DO UPDATE SET last = agreement_reference_counter.last + 1
       RETURNING last`,
      [prefix, year],
    );
    return `${prefix}-${year}-${String(rows[0]!.last).padStart(4, '0')}`;
  }

  /** The partners of the directory with these ids (names, and whether they are blocked). */
  async partners(
    manager: EntityManager | DataSource,
    ids: readonly string[],
  ): Promise<Map<string, PartnerOptionEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.getRepository(PartnerOptionEntity).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.filter((row) => row.sourceVersion > 0).map((row) => [row.id, row]));
  }

  async refreshSearchText(manager: EntityManager, agreementId: string): Promise<void> {
    await manager.query(
      `UPDATE agreement a SET search_text = lower(concat_ws(' ', a.reference, a.title,
         (SELECT string_agg(concat_ws(' ', o.name, o.acronym), ' ') FROM partner_option o WHERE o.id = ANY(a.partner_ids))))
       WHERE a.id = $1`,
      [agreementId],
    );
  }

  /** After a partner was renamed: what the search finds its agreements by. */
  async refreshSearchTextOfPartner(manager: EntityManager, partnerId: string): Promise<void> {
    await manager.query(
      `UPDATE agreement a SET search_text = lower(concat_ws(' ', a.reference, a.title,
         (SELECT string_agg(concat_ws(' ', o.name, o.acronym), ' ') FROM partner_option o WHERE o.id = ANY(a.partner_ids))))
       WHERE a.partner_ids @> ARRAY[$1]::uuid[]`,
      [partnerId],
    );
  }

  /** The agreements of the requested page, in the requested order. */
  async page(filters: AgreementSearch): Promise<AgreementEntity[]> {
    const { sql, params } = listQueries(filters).page;
    const ids: { id: string }[] = await this.dataSource.query(sql, params);
    if (ids.length === 0) return [];
    const found = await this.dataSource
      .getRepository(AgreementEntity)
      .findBy({ id: In(ids.map((row) => row.id)) });
    const byId = new Map(found.map((agreement) => [agreement.id, agreement]));
    return ids.map((row) => byId.get(row.id)).filter((agreement) => agreement !== undefined);
  }

  /** How many agreements match, their USD total, and how many of them have no USD value yet. */
  async totals(filters: AgreementSearch): Promise<{ total: number; usdMinor: number; withoutRate: number }> {
    const { sql, params } = listQueries(filters).totals;
    const [row]: { total: number; usd: string; without_rate: number }[] = await this.dataSource.query(
      sql,
      params,
    );
    return { total: row!.total, usdMinor: Number(row!.usd), withoutRate: row!.without_rate };
  }

  /** Tranches past their date and not received, per agreement. */
  async overdueCounts(ids: readonly string[], today: string): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows: { agreement_id: string; overdue: number }[] = await this.dataSource.query(
      `SELECT agreement_id, count(*)::int AS overdue FROM tranche
       WHERE agreement_id = ANY($1::uuid[]) AND status IN ('PLANNED', 'INVOICED') AND planned_on < $2::date
       GROUP BY agreement_id`,
      [ids, today],
    );
    return new Map(rows.map((row) => [row.agreement_id, row.overdue]));
  }

  tranches(manager: EntityManager | DataSource, agreementId: string): Promise<TrancheEntity[]> {
    return manager.getRepository(TrancheEntity).find({ where: { agreementId }, order: { sequence: 'ASC' } });
  }
}
