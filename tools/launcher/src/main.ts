import { resolve } from 'node:path';
import { Client } from 'pg';
import { z } from 'zod';
import { startSystem, services, type AppName, type RunningSystem } from './system';

// The launcher behind `npm start` (embedded broker + PGlite) and `npm run start:prod`
// (the same processes against PostgreSQL and NATS, configured by environment variables).
const root = resolve(__dirname, '../../..');
const production = process.argv.includes('--prod');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default(resolve(root, '.data')),
  BUS_URL: z.string().optional(),
  POSTGRES_URL: z.string().optional(),
  SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('warn'),
});
const env = EnvSchema.parse(process.env);

const databaseNames: Record<AppName, string> = {
  'partners-service': 'pardev_partners',
  'agreements-service': 'pardev_agreements',
  'results-service': 'pardev_results',
  'api-gateway': 'pardev_identity',
};

// start:prod on one PostgreSQL server: one database per app, created if missing.
const prepareDatabases = async (serverUrl: string): Promise<Partial<Record<AppName, string>>> => {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  const urls: Partial<Record<AppName, string>> = {};
  try {
    for (const [app, name] of Object.entries(databaseNames) as [AppName, string][]) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      urls[app] = url.toString();
    }
  } finally {
    await client.end();
  }
  return urls;
};

const tags: Record<AppName, string> = {
  'partners-service': 'partners  ',
  'agreements-service': 'agreements',
  'results-service': 'results   ',
  'api-gateway': 'gateway   ',
};

const main = async (): Promise<void> => {
  const started = Date.now();
  const busUrl = production ? (env.BUS_URL ?? 'nats://127.0.0.1:4222') : env.BUS_URL;
  const databaseUrls = production
    ? await prepareDatabases(env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres')
    : {};
  const seedDemoData = env.SEED_DEMO_DATA ? env.SEED_DEMO_DATA === 'true' : !production;
  const firstAdmin: string[] = [];

  const system: RunningSystem = await startSystem({
    root,
    busUrl,
    databaseUrls,
    dataDir: env.DATA_DIR,
    port: env.PORT,
    host: env.HOST,
    seedDemoData,
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    logLevel: env.LOG_LEVEL,
    onLine: (app, line) => {
      const text = line.trim();
      // The gateway's first-admin block is repeated once, below the ready line, where it is seen.
      if (/^(First admin created|Password \(shown once\))/.test(text)) firstAdmin.push(text);
      else if (text !== '' && !/^(=+|Keep it now:.*)$/.test(text))
        process.stdout.write(`[${tags[app]}] ${line}\n`);
    },
  });

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await system.stop();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // A crashed service is restarted (with a pause), as an orchestrator would.
  for (const app of [...services, 'api-gateway'] as AppName[]) {
    const managed = system.processes[app];
    managed.onUnexpectedExit = (code, signal) => {
      if (stopping) return;
      console.error(`[${tags[app]}] exited (${signal ?? code}); restarting in 1 s`);
      setTimeout(() => !stopping && managed.start(), 1_000).unref();
    };
  }

  await system.waitUntilReady(90_000);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const lines = [
    '',
    `  PARDEV Partnerships is ready at ${system.baseUrl}  (${seconds} s)`,
    `  Mode: ${production ? `production (${busUrl}, PostgreSQL)` : `embedded (broker ${system.busUrl}, PGlite in ${env.DATA_DIR})`}`,
  ];
  if (firstAdmin.length > 0) {
    lines.push(
      '',
      '  Sign in with the first admin account (this password is shown only once):',
      ...firstAdmin.map((l) => `    ${l}`),
    );
  } else if (env.ADMIN_EMAIL) {
    lines.push('', `  Sign in as ${env.ADMIN_EMAIL} with ADMIN_PASSWORD.`);
  } else {
    lines.push(
      '',
      '  Sign in as admin@pardev.local with the password printed on the first start.',
      `  (Lost it? Stop, delete ${resolve(env.DATA_DIR, 'api-gateway')} and start again to get a new one.)`,
    );
  }
  if (seedDemoData) lines.push('', '  Demo data: real partner names, illustrative figures.');
  lines.push('', '  Ctrl-C stops everything; data is kept.', '');
  console.log(lines.join('\n'));
};

main().catch((error: unknown) => {
  console.error('launcher failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
