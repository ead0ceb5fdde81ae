import { resolve } from 'node:path';

export interface DatabaseConfig {
  /** The owning process, e.g. `partners-service`; names the PGlite data directory. */
  readonly service: string;
  /** PostgreSQL connection string; when absent the service runs on embedded PGlite. */
  readonly databaseUrl?: string | undefined;
  /** Base directory for PGlite data (`<dataDir>/<service>`); `memory://` keeps it in memory. */
  readonly dataDir?: string | undefined;
  /** Pool size on PostgreSQL (PGlite always uses a single connection). */
  readonly poolSize?: number | undefined;
}

export const pgliteDirectory = (config: DatabaseConfig): string => {
  const base = config.dataDir ?? resolve(process.cwd(), '.data');
  return base === 'memory://' ? base : resolve(base, config.service);
};
