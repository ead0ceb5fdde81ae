import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { percentile } from './stats';

// Partner search over 10,000 partners: the gateway (HTTP → Nest → bus → partners-service → SQL →
// back) beside the very same two SQL statements run directly on the partners database, taking
// turns query by query so both see the same moment of the machine.

export interface SearchBenchResult {
  readonly partners: number;
  readonly queries: number;
  readonly gateway: { p50: number; p95: number; p99: number };
  readonly direct: { p50: number; p95: number; p99: number };
}

const WORDS = [
  'Labour',
  'Development',
  'Foundation',
  'Ministry',
  'Trust',
  'Agency',
  'Fund',
  'Council',
  'Institute',
  'Cooperation',
];
const PLACES = [
  'Nordic',
  'Andean',
  'Sahel',
  'Pacific',
  'Balkan',
  'Caspian',
  'Mekong',
  'Alpine',
  'Atlantic',
  'Gulf',
];
const TERMS = ['labour', 'fund', 'sahel', 'trust', 'min', 'coop', 'gulf', 'institute 12', 'xyz', 'agency 4'];

// What PartnersRepository.search runs for `?q=…&pageSize=20` (TypeORM's getManyAndCount: a page and a count).
const WHERE = `p.search_text LIKE $1`;
const PAGE = `SELECT p.* FROM partner p WHERE ${WHERE} ORDER BY lower(p.name) ASC NULLS LAST, p.id ASC LIMIT 20`;
const COUNT = `SELECT count(DISTINCT p.id) AS n FROM partner p WHERE ${WHERE}`;

/** Adds partners (straight into the database) until there are `count`. */
const seed = async (db: Client, count: number): Promise<number> => {
  const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM partner`);
  const missing = count - Number(rows[0]!.n);
  if (missing > 0) {
    await db.query(
      `INSERT INTO partner (id, name, acronym, organisation_type, category, country, region, ownership, version,
                            created_by, updated_by, status, search_text)
       SELECT gen_random_uuid(), name, 'P' || i, '60', 'FOUNDATION', NULL, NULL, 'PRIVATE', 1, 'bench', 'bench',
              'ACTIVE', lower(name || ' P' || i)
       FROM (SELECT i, ($2::text[])[1 + i % 10] || ' ' || ($3::text[])[1 + (i / 10) % 10] || ' ' || i AS name
             FROM generate_series(1, $1) AS i) AS generated`,
      [missing, PLACES, WORDS],
    );
    await db.query('ANALYZE partner');
  }
  return count;
};

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

export const runSearchBench = async (options: {
  readonly baseUrl: string;
  readonly cookie: string;
  readonly partnersDatabaseUrl: string;
  readonly partners: number;
  readonly queries: number;
}): Promise<SearchBenchResult> => {
  const db = new Client({ connectionString: options.partnersDatabaseUrl });
  await db.connect();
  try {
    const partners = await seed(db, options.partners);
    const viaGateway = async (term: string) => {
      const response = await fetch(
        `${options.baseUrl}/api/v1/partners?q=${encodeURIComponent(term)}&pageSize=20`,
        {
          headers: { cookie: options.cookie },
        },
      );
      if (!response.ok) throw new Error(`search answered ${response.status}`);
      await response.arrayBuffer();
    };
    const direct = async (term: string) => {
      const pattern = `%${term.toLowerCase()}%`;
      await db.query(PAGE, [pattern]);
      await db.query(COUNT, [pattern]);
    };
    for (const term of TERMS) {
      await viaGateway(term);
      await direct(term);
    }
    const gateway: number[] = [];
    const sql: number[] = [];
    for (let i = 0; i < options.queries; i++) {
      const term = TERMS[i % TERMS.length]!;
      if (i % 2 === 0) {
        gateway.push(await timed(() => viaGateway(term)));
        sql.push(await timed(() => direct(term)));
      } else {
        sql.push(await timed(() => direct(term)));
        gateway.push(await timed(() => viaGateway(term)));
      }
    }
    return { partners, queries: options.queries, gateway: summary(gateway), direct: summary(sql) };
  } finally {
    await db.end();
  }
};
