import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Client } from 'pg';
import { DataSource, type EntitySchema, type MigrationInterface } from 'typeorm';
import { pgliteDirectory, type DatabaseConfig } from './config';
import { acquireDirectoryLock } from './lock-file';
import { messagingEntities } from './messaging/messaging.entities';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { sharedMigrations } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own entity type
type EntityTarget = Function | EntitySchema;
type MigrationClass = new () => MigrationInterface;

export interface DatabaseOptions extends DatabaseConfig {
  readonly entities: readonly EntityTarget[];
  /** The service's own migrations, in order; the shared ones (outbox, inbox, audit) are added. */
  readonly migrations: readonly MigrationClass[];
}

export type Unlisten = () => Promise<void>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly dataSource: DataSource;
  /** Calls `onNotify` for every NOTIFY on `channel` (delivered after the notifying transaction commits). */
  listen(channel: string, onNotify: (payload: string) => void): Promise<Unlisten>;
  /** Runs the migrations not yet applied; returns their names. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

const allMigrations = (own: readonly MigrationClass[]): MigrationClass[] => [...sharedMigrations, ...own];

const dataSourceOptions = (options: DatabaseOptions) => ({
  type: 'postgres' as const,
  entities: [...messagingEntities, AuditEntryEntity, ...options.entities],
  migrations: allMigrations(options.migrations),
  migrationsRun: false,
  // Schema changes only ever come from the migration files.
  synchronize: false,
  logging: ['error' as const],
});

const openPglite = async (options: DatabaseOptions): Promise<Database> => {
  const directory = pgliteDirectory(options);
  const release = directory === 'memory://' ? () => undefined : acquireDirectoryLock(directory);
  try {
    const pglite = await PGlite.create({
      dataDir: directory,
      extensions: { pg_trgm },
      // PGlite's 128 MB of shared buffers live in WASM memory, which never shrinks: one service's
      // data fits in 16 MB (measured: ~330 → ~165 MB resident on reopen), and the OS caches the files.
      postgresqlconf: ['shared_buffers=16MB'],
    });
    const pgConfig = createPgConfig(pglite);
    // One connection: PGlite is a single session, and a pool would interleave transactions.
    const dataSource = new DataSource({
      ...dataSourceOptions(options),
      poolSize: 1,
      extra: { ...pgConfig, max: 1, idleTimeoutMillis: 0 },
    });
    await dataSource.initialize();
    let closed = false;
    return {
      kind: 'pglite',
      dataSource,
      listen: async (channel, onNotify) => pglite.listen(channel, onNotify),
      migrate: async () => (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name),
      close: async () => {
        if (closed) return;
        closed = true;
        await dataSource.destroy();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
};

const openPostgres = async (options: DatabaseOptions & { databaseUrl: string }): Promise<Database> => {
  const dataSource = new DataSource({
    ...dataSourceOptions(options),
    url: options.databaseUrl,
    poolSize: options.poolSize ?? 10,
  });
  await dataSource.initialize();
  const listeners: Client[] = [];
  let closed = false;
  return {
    kind: 'postgres',
    dataSource,
    // LISTEN needs a dedicated connection: a pooled one would be handed to other queries.
    listen: async (channel, onNotify) => {
      const client = new Client({ connectionString: options.databaseUrl });
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      // A broken listener connection must not crash the process: the relay also polls.
      client.on('error', () => undefined);
      await client.query(`LISTEN "${channel.replace(/"/g, '')}"`);
      listeners.push(client);
      return async () => {
        listeners.splice(listeners.indexOf(client), 1);
        await client.end().catch(() => undefined);
      };
    },
    migrate: async () => (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name),
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all(listeners.map((client) => client.end().catch(() => undefined)));
      await dataSource.destroy();
    },
  };
};

/** Opens the service's database (PGlite without a URL, PostgreSQL with one) and runs its migrations. */
export const openDatabase = async (options: DatabaseOptions): Promise<Database> => {
  const database = options.databaseUrl
    ? await openPostgres({ ...options, databaseUrl: options.databaseUrl })
    : await openPglite(options);
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
};
