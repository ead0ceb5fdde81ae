import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

const adminUrl = (serverUrl: string, database = 'postgres'): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

/**
 * Creates a fresh database on the TEST_DATABASE_URL server. Refuses any name without `test` in it,
 * so a mistyped URL can never point a test at real data.
 */
export const createTestDatabase = async (
  prefix: string,
  serverUrl = process.env.TEST_DATABASE_URL,
): Promise<TestDatabase> => {
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${prefix}_test_${randomBytes(4).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  if (!name.includes('test'))
    throw new Error(`refusing to use database ${name}: its name must contain "test"`);
  const admin = new Client({ connectionString: adminUrl(serverUrl) });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: adminUrl(serverUrl, name),
    async drop() {
      const client = new Client({ connectionString: adminUrl(serverUrl) });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
};

export type DatabaseKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (as in CI). */
export const databaseKinds = (): DatabaseKind[] =>
  process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
