import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { percentile } from './stats';

// The agreements list over 100,000 agreements with filters: the gateway (HTTP → Nest → bus →
// agreements-service → SQL → back) beside the very same statements run directly on the agreements
// database, with the same parallelism, taking turns query by query.

export interface AgreementsBenchResult {
  readonly agreements: number;
  readonly queries: number;
  readonly gateway: { p50: number; p95: number; p99: number };
  readonly direct: { p50: number; p95: number; p99: number };
}

const COUNTRIES = ['KE', 'TZ', 'UG', 'ET', 'SN', 'BD', 'KH', 'PE', 'CO', 'JO', 'LB', 'TN', 'MA', 'VN', 'PH'];
const REGIONS: Record<string, string> = {
  KE: 'AFRICA',
  TZ: 'AFRICA',
  UG: 'AFRICA',
  ET: 'AFRICA',
  SN: 'AFRICA',
  TN: 'AFRICA',
  MA: 'AFRICA',
  BD: 'ASIA_PACIFIC',
  KH: 'ASIA_PACIFIC',
  VN: 'ASIA_PACIFIC',
  PH: 'ASIA_PACIFIC',
  PE: 'AMERICAS',
  CO: 'AMERICAS',
  JO: 'ARAB_STATES',
  LB: 'ARAB_STATES',
};
const STATUSES = [
  'DRAFT',
  'IN_REVIEW',
  'PENDING_SIGNATURE',
  'SIGNED',
  'ACTIVE',
  'ACTIVE',
  'ACTIVE',
  'ENDED',
  'CLOSED',
  'CANCELLED',
];
const SOURCES = ['XBDC', 'XBDC', 'XBDC', 'RBSA', 'RBTC', 'RB'];
const THEMES = [
  'Decent jobs for youth',
  'Social protection floors',
  'Skills for green jobs',
  'Labour migration',
  'Child labour',
  'Occupational safety',
];

/** Adds agreements (and partner options for them) straight into the database until there are `count`. */
const seed = async (db: Pool, count: number): Promise<string[]> => {
  await db.query(
    `INSERT INTO partner_option (id, name, acronym, category, country, source_version, blocked, status_version, updated_at)
     SELECT gen_random_uuid(), 'Bench partner ' || i, 'BP' || i, 'GOVERNMENT_OECD_DAC', 'NO', 1, false, 0, now()
     FROM generate_series(1, 1000 - (SELECT count(*) FROM partner_option WHERE name LIKE 'Bench partner %')) AS i`,
  );
  const partners = (
    await db.query<{ id: string }>(
      `SELECT id FROM partner_option WHERE name LIKE 'Bench partner %' ORDER BY id`,
    )
  ).rows.map((r) => r.id);
  const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM agreement`);
  const missing = count - Number(rows[0]!.n);
  if (missing > 0) {
    await db.query(
      `INSERT INTO agreement (id, reference, title, partner_ids, type, funding_source, earmarking_category, currency,
                             total_minor, psc_rate, start_on, end_on, status, responsible_officer_id, allocations,
                             recipient_countries, recipient_regions, pb_outcomes, total_usd_minor, usd_rate, usd_rate_month,
                             search_text, version, created_by, updated_by, updated_at)
       SELECT gen_random_uuid(), g.reference, g.title, ARRAY[($4::uuid[])[1 + i % 1000]], 'PROJECT_AGREEMENT', g.source, '3', 'EUR',
              g.total, 13, g.start_on, g.start_on + 730, ($3::text[])[1 + i % 10], NULL,
              jsonb_build_object('recipients', jsonb_build_array(jsonb_build_object('kind', 'COUNTRY', 'code', g.country, 'percent', 100)),
                                 'sectors', '[]'::jsonb, 'pbOutcomes', jsonb_build_array(g.outcome), 'sdgGoals', '[]'::jsonb,
                                 'sdgTargets', '[]'::jsonb, 'policyMarkers', '[]'::jsonb, 'dcStrategyArea', null),
              ARRAY[g.country], ARRAY[($6::jsonb ->> g.country)], ARRAY[g.outcome], round(g.total / 0.92), '0.92', '2026-01',
              lower(g.reference || ' ' || g.title), 1, 'bench', 'bench', now() - (i || ' minutes')::interval
       FROM (SELECT i, g1.source, 'BENCH-' || g1.source || '-' || i AS reference,
                    ($5::text[])[1 + i % 6] || ' ' || i AS title,
                    ($2::text[])[1 + i % 15] AS country, (1 + i % 8)::text AS outcome,
                    (100000 + (i * 7919) % 900000000)::bigint AS total,
                    date '2018-01-01' + (i % 3000) AS start_on
             FROM generate_series(1, $1) AS i,
                  LATERAL (SELECT ($7::text[])[1 + i % 6] AS source) g1) AS g`,
      [missing, COUNTRIES, STATUSES, partners, THEMES, JSON.stringify(REGIONS), SOURCES],
    );
    // A table that grew to 100,000 agreements over years has been vacuumed by autovacuum many times
    // (PostgreSQL 13+ vacuums after inserts too): its visibility map is set, so counts and sums can
    // read the indexes alone. Freshly bulk-inserted rows are not there yet; measure the steady state.
    await db.query('VACUUM ANALYZE agreement');
    await db.query('VACUUM ANALYZE agreement_list_entry');
    await db.query('VACUUM ANALYZE partner_option');
  }
  return partners;
};

// What AgreementsService.list runs for a page of 20 (listQueries in
// apps/agreements-service/src/agreements/agreements.repository.ts): the totals, from the narrow
// agreement_list_entry, and meanwhile the ids of the page, then the page's rows, then its partners
// and overdue tranches in parallel.
const SORTS: Record<string, string> = {
  '-updatedAt': 'a.updated_at DESC',
  '-totalUsd': 'a.total_usd_minor DESC NULLS LAST',
  reference: 'a.reference ASC',
};
type Filters = {
  status?: string;
  fundingSource?: string;
  country?: string;
  region?: string;
  pbOutcome?: string;
  q?: string;
  minUsd?: number;
  maxUsd?: number;
  from?: string;
  to?: string;
  partnerId?: string;
  sort: string;
};

const whereOf = (f: Filters): { where: string; params: unknown[] } => {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (f.q) clauses.push(`a.search_text LIKE ${p(`%${f.q.toLowerCase()}%`)}`);
  if (f.partnerId) clauses.push(`a.partner_ids @> ARRAY[${p(f.partnerId)}]::uuid[]`);
  if (f.fundingSource) clauses.push(`a.funding_source = ${p(f.fundingSource)}`);
  if (f.status) clauses.push(`a.status = ${p(f.status)}`);
  if (f.country) clauses.push(`a.recipient_countries @> ARRAY[${p(f.country)}]::text[]`);
  if (f.region) clauses.push(`a.recipient_regions @> ARRAY[${p(f.region)}]::text[]`);
  if (f.pbOutcome) clauses.push(`a.pb_outcomes @> ARRAY[${p(f.pbOutcome)}]::text[]`);
  if (f.to) clauses.push(`(a.start_on IS NULL OR a.start_on <= ${p(f.to)}::date)`);
  if (f.from) clauses.push(`(a.end_on IS NULL OR a.end_on >= ${p(f.from)}::date)`);
  if (f.minUsd !== undefined) clauses.push(`a.total_usd_minor >= ${p(f.minUsd * 100)}`);
  if (f.maxUsd !== undefined) clauses.push(`a.total_usd_minor <= ${p(f.maxUsd * 100)}`);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
};

const direct = async (db: Pool, f: Filters, today: string): Promise<void> => {
  const { where, params } = whereOf(f);
  const totals = db.query(
    `SELECT count(*)::int AS total, coalesce(sum(a.total_usd_minor), 0)::text AS usd,
            count(*) FILTER (WHERE a.total_usd_minor IS NULL)::int AS without_rate
     FROM agreement_list_entry a ${where}`,
    params,
  );
  const page = async () => {
    const ids = (
      await db.query<{ id: string }>(
        `SELECT a.id FROM agreement a ${where} ORDER BY ${SORTS[f.sort]}, a.id LIMIT 20 OFFSET 0`,
        params,
      )
    ).rows.map((r) => r.id);
    if (ids.length === 0) return;
    const rows = await db.query<{ partner_ids: string[] }>(
      `SELECT * FROM agreement WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    await Promise.all([
      db.query(`SELECT * FROM partner_option WHERE id = ANY($1::uuid[])`, [
        [...new Set(rows.rows.flatMap((r) => r.partner_ids))],
      ]),
      db.query(
        `SELECT agreement_id, count(*)::int AS overdue FROM tranche
         WHERE agreement_id = ANY($1::uuid[]) AND status IN ('PLANNED', 'INVOICED') AND planned_on < $2::date GROUP BY agreement_id`,
        [ids, today],
      ),
    ]);
  };
  await Promise.all([totals, page()]);
};

const queryString = (f: Filters) =>
  Object.entries(f)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');

const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};
const summary = (values: number[]) => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  p99: percentile(values, 99),
});

export const runAgreementsBench = async (options: {
  readonly baseUrl: string;
  readonly cookie: string;
  readonly agreementsDatabaseUrl: string;
  readonly agreements: number;
  readonly queries: number;
}): Promise<AgreementsBenchResult> => {
  const db = new Pool({ connectionString: options.agreementsDatabaseUrl, max: 10 });
  try {
    const partners = await seed(db, options.agreements);
    const mix: Filters[] = [
      { status: 'ACTIVE', sort: '-updatedAt' },
      { fundingSource: 'XBDC', country: 'KE', sort: '-updatedAt' },
      { region: 'AFRICA', pbOutcome: '3', sort: '-totalUsd' },
      { q: 'youth', sort: '-updatedAt' },
      { minUsd: 1_000_000, maxUsd: 5_000_000, sort: '-totalUsd' },
      { from: '2026-01-01', to: '2026-12-31', status: 'SIGNED', sort: 'reference' },
      { partnerId: partners[17]!, sort: '-updatedAt' },
      { sort: '-updatedAt' },
    ];
    const today = new Date().toISOString().slice(0, 10);
    const viaGateway = async (f: Filters) => {
      const response = await fetch(`${options.baseUrl}/api/v1/agreements?${queryString(f)}&pageSize=20`, {
        headers: { cookie: options.cookie },
      });
      if (!response.ok)
        throw new Error(`agreements list answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    };
    for (const f of mix) {
      await viaGateway(f);
      await direct(db, f, today);
    }
    const gateway: number[] = [];
    const sql: number[] = [];
    for (let i = 0; i < options.queries; i++) {
      const f = mix[i % mix.length]!;
      if (i % 2 === 0) {
        gateway.push(await timed(() => viaGateway(f)));
        sql.push(await timed(() => direct(db, f, today)));
      } else {
        sql.push(await timed(() => direct(db, f, today)));
        gateway.push(await timed(() => viaGateway(f)));
      }
    }
    return {
      agreements: options.agreements,
      queries: options.queries,
      gateway: summary(gateway),
      direct: summary(sql),
    };
  } finally {
    await db.end();
  }
};
