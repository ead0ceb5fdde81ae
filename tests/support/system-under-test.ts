import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MessageBus, createTransport, type Transport } from '@pardev/messaging';
import {
  createTestDatabase,
  testActorKeys,
  startTestBus,
  type BusKind,
  type TestBus,
  type TestDatabase,
} from '@pardev/testing';
import { apps, startSystem, type AppName, type RunningSystem } from '../../tools/launcher/src/system';

export const root = resolve(__dirname, '../..');
export const ADMIN = { email: 'admin@test.pardev.local', password: 'correct horse battery staple' };

export interface SystemUnderTest {
  readonly system: RunningSystem;
  readonly bus: MessageBus;
  readonly logs: string[];
  stop(): Promise<void>;
}

/**
 * The real processes (built apps) on a real bus: the embedded broker with PGlite, or NATS with
 * PostgreSQL when TEST_NATS_URL / TEST_DATABASE_URL are set.
 */
export const startSystemUnderTest = async (
  kind: BusKind,
  logLevel = 'warn',
  { seedDemoData = false }: { readonly seedDemoData?: boolean } = {},
): Promise<SystemUnderTest> => {
  const testBus: TestBus = await startTestBus(kind);
  const dataDir = mkdtempSync(join(tmpdir(), `pardev-${kind}-`));
  const databases: TestDatabase[] = [];
  const databaseUrls: Partial<Record<AppName, string>> = {};
  if (kind === 'nats' && process.env.TEST_DATABASE_URL) {
    for (const app of apps) {
      const database = await createTestDatabase(app.replace(/-/g, '_'));
      databases.push(database);
      databaseUrls[app] = database.url;
    }
  }
  const logs: string[] = [];
  const system = await startSystem({
    root,
    busUrl: testBus.url,
    databaseUrls,
    dataDir,
    port: 0,
    seedDemoData,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    logLevel,
    // The tests drive thousands of requests from one address; the per-client limit has its own tests.
    env: {
      RATE_LIMIT_PER_MINUTE: '100000000',
      // A known pair (the launcher would make one): the log test looks for the private half.
      ACTOR_SIGNING_KEY: testActorKeys.signingKey,
      ACTOR_VERIFY_KEY: testActorKeys.verifyKey,
      ...(testBus.namespace ? { BUS_NAMESPACE: testBus.namespace } : {}),
    },
    onLine: (app, line) => logs.push(`[${app}] ${line}`),
  });
  let transport: Transport | undefined;
  try {
    await system.waitUntilReady(60_000);
    transport = createTransport(testBus.url, `system-test-${process.pid}`, { namespace: testBus.namespace });
    await transport.connect();
  } catch (error) {
    await system.stop();
    throw new Error(`${(error as Error).message}\n${logs.slice(-40).join('\n')}`);
  }
  return {
    system,
    bus: new MessageBus(transport, 'system-test'),
    logs,
    async stop() {
      await transport?.close();
      await system.stop();
      await testBus.close();
      await Promise.all(databases.map((d) => d.drop()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** A signed-in HTTP client for the gateway. */
export const signIn = async (baseUrl: string, credentials = ADMIN) => {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    get: (path: string) => fetch(`${baseUrl}${path}`, { headers: { cookie } }),
    post: (path: string, body: unknown) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
};

export const eventually = async <T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`,
  );
};
