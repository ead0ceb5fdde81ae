import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { generateActorKeys, holdEventsFor, startEmbeddedBroker } from '@pardev/messaging';
import { ManagedProcess } from './processes';

// The services, each of which consumes events (one durable consumer named after it).
export const services = ['partners-service', 'agreements-service', 'results-service'] as const;
export type AppName = (typeof services)[number] | 'api-gateway';
export const apps: readonly AppName[] = [...services, 'api-gateway'];

export interface SystemOptions {
  /** Repository root (holds dist/). */
  readonly root: string;
  /** `undefined` starts the embedded broker in this process; otherwise e.g. `nats://127.0.0.1:4222`. */
  readonly busUrl?: string | undefined;
  /** PostgreSQL URL per app; apps without one use PGlite under `dataDir`. */
  readonly databaseUrls?: Partial<Record<AppName, string>>;
  readonly dataDir: string;
  /** Gateway port; 0 picks a free one. */
  readonly port: number;
  readonly host?: string;
  readonly seedDemoData: boolean;
  readonly adminEmail?: string | undefined;
  readonly adminPassword?: string | undefined;
  readonly logLevel?: string;
  readonly onLine?: (app: AppName, line: string, stream: 'stdout' | 'stderr') => void;
  /** Extra environment for every app. */
  readonly env?: NodeJS.ProcessEnv;
}

export interface RunningSystem {
  readonly baseUrl: string;
  readonly busUrl: string;
  readonly processes: Readonly<Record<AppName, ManagedProcess>>;
  /** Resolves when GET /health answers 200 (every service ready). */
  waitUntilReady(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export const freePort = (host = '127.0.0.1'): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the whole system as separate processes, the way `npm start` and the system tests do. */
export const startSystem = async (options: SystemOptions): Promise<RunningSystem> => {
  const host = options.host ?? '127.0.0.1';
  const broker = options.busUrl
    ? undefined
    : await startEmbeddedBroker({ host: '127.0.0.1', port: 0, dataDir: options.dataDir });
  const busUrl = options.busUrl ?? `mqtt://127.0.0.1:${broker!.port}`;
  const port = options.port === 0 ? await freePort(host) : options.port;
  const baseUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;

  // The apps see the caller's environment (COOKIE_SECURE, CORS_ORIGINS …), except what the
  // launcher decides per app: one DATABASE_URL for all would break "a database per service".
  const { DATABASE_URL: _database, PORT: _port, HEALTH_PORT: _healthPort, ...inherited } = process.env;
  const common: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    BUS_URL: busUrl,
    DATA_DIR: options.dataDir,
    HOST: host,
    LOG_LEVEL: options.logLevel ?? 'log',
    ...options.env,
  };
  // On MQTT an event published before a consumer's first start would be dropped (JetStream keeps
  // it in its stream): the services start together, and one seeds while another still subscribes.
  if (busUrl.startsWith('mqtt')) {
    await holdEventsFor(busUrl, services, { namespace: common.BUS_NAMESPACE });
  }
  // The gateway signs who is acting on every request; the services verify it. Unless the caller
  // brings a pair, each run gets a fresh one (nothing signed outlives a run: signatures expire).
  const keys =
    common.ACTOR_SIGNING_KEY && common.ACTOR_VERIFY_KEY
      ? { signingKey: common.ACTOR_SIGNING_KEY, verifyKey: common.ACTOR_VERIFY_KEY }
      : generateActorKeys();
  const envFor = async (app: AppName): Promise<NodeJS.ProcessEnv> => {
    const env: NodeJS.ProcessEnv = { ...common };
    // Only the gateway holds the private half.
    delete env.ACTOR_SIGNING_KEY;
    env.ACTOR_VERIFY_KEY = keys.verifyKey;
    const databaseUrl = options.databaseUrls?.[app];
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    if (app === 'api-gateway') {
      env.ACTOR_SIGNING_KEY = keys.signingKey;
      env.PORT = String(port);
      env.DEMO_DATA = String(options.seedDemoData);
      env.ADMIN_STATIC_DIR = resolve(options.root, 'dist/apps/admin');
      if (options.adminEmail) env.ADMIN_EMAIL = options.adminEmail;
      if (options.adminPassword) env.ADMIN_PASSWORD = options.adminPassword;
    } else {
      env.HEALTH_PORT = String(await freePort(host));
      if (app === 'partners-service' || app === 'agreements-service')
        env.SEED_DEMO_DATA = String(options.seedDemoData);
    }
    return env;
  };

  const processes = {} as Record<AppName, ManagedProcess>;
  for (const app of apps) {
    processes[app] = new ManagedProcess({
      name: app,
      script: resolve(options.root, 'dist/apps', app, 'main.js'),
      cwd: options.root,
      env: await envFor(app),
      onLine: (line, stream) => options.onLine?.(app, line, stream),
    });
  }
  for (const app of apps) processes[app].start();

  return {
    baseUrl,
    busUrl,
    processes,
    async waitUntilReady(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let last = 'no answer yet';
      while (Date.now() < deadline) {
        const crashed = apps.find((app) => !processes[app].running);
        if (crashed) throw new Error(`${crashed} exited during start-up`);
        try {
          const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
          if (response.ok) return;
          last = `${response.status} ${await response.text()}`;
        } catch (error) {
          last = (error as Error).message;
        }
        await sleep(150);
      }
      throw new Error(`system not ready after ${timeoutMs} ms: ${last}`);
    },
    async stop() {
      // The gateway first, so no new work arrives. Then the services one by one, producers before
      // their consumers: each drains its outbox while the services after it are still listening,
      // because the embedded broker keeps undelivered messages in memory only.
      await processes['api-gateway'].stop();
      for (const service of services) await processes[service].stop();
      await broker?.close();
    },
  };
};
