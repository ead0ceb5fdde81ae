import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { connect as connectNats } from 'nats';
// The launcher's process model, reused as is. It lives in another tool project, which the module
// boundaries forbid importing; until startSystem moves into a lib (tests/support imports it the same way):
// eslint-disable-next-line @nx/enforce-module-boundaries -- startSystem is only exported by tools/launcher today
import { apps, freePort, startSystem, type AppName, type RunningSystem } from '../../launcher/src/system';

export { apps, type AppName };

export const benchAdmin = {
  email: 'bench@pardev.local',
  password: `bench-${randomBytes(12).toString('hex')}`,
};

export interface StartedSystem {
  readonly system: RunningSystem;
  /** startSystem() → waitUntilReady() resolved, in ms. */
  readonly readyMs: number;
}

export interface SystemStartOptions {
  readonly root: string;
  readonly dataDir: string;
  /** undefined: the embedded MQTT broker in this process (the `npm start` default). */
  readonly busUrl?: string | undefined;
  /** Apps without one use PGlite under dataDir. */
  readonly databaseUrls?: Partial<Record<AppName, string>>;
  readonly logs: string[];
}

export const startTimed = async (options: SystemStartOptions): Promise<StartedSystem> => {
  const started = performance.now();
  const system = await startSystem({
    root: options.root,
    busUrl: options.busUrl,
    databaseUrls: options.databaseUrls ?? {},
    dataDir: options.dataDir,
    port: 0,
    seedDemoData: false,
    adminEmail: benchAdmin.email,
    adminPassword: benchAdmin.password,
    logLevel: 'warn',
    // The load comes from one address by design: the per-client rate limit would measure itself.
    env: { RATE_LIMIT_PER_MINUTE: '100000000' },
    onLine: (app, line) => {
      options.logs.push(`[${app}] ${line}`);
      if (options.logs.length > 400) options.logs.splice(0, options.logs.length - 400);
    },
  });
  try {
    await system.waitUntilReady(120_000);
  } catch (error) {
    await system.stop().catch(() => undefined);
    throw new Error(
      `${(error as Error).message}\n--- last app output ---\n${options.logs.slice(-40).join('\n')}`,
    );
  }
  return { system, readyMs: performance.now() - started };
};

export interface Memory {
  readonly rssMb: number;
  readonly peakRssMb: number;
}

/** VmRSS / VmHWM of a process from /proc (Linux only); undefined elsewhere or when it is gone. */
export const memoryOf = (pid: number | undefined): Memory | undefined => {
  if (!pid) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
};

export const memoryOfApps = (system: RunningSystem): Record<AppName, Memory | undefined> => {
  const result = {} as Record<AppName, Memory | undefined>;
  for (const app of apps) result[app] = memoryOf(system.processes[app].pid);
  return result;
};

export interface Session {
  readonly cookie: string;
  readonly partnerId: string;
}

const expectStatus = async (response: Response, status: number, what: string): Promise<void> => {
  if (response.status !== status)
    throw new Error(`${what}: expected ${status}, got ${response.status} ${await response.text()}`);
};

/** Signs in as the bench admin, registers one partner and checks it can be read back. */
export const prepareSession = async (baseUrl: string): Promise<Session> => {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: benchAdmin.email, password: benchAdmin.password }),
  });
  await expectStatus(login, 200, 'POST /api/v1/auth/login');
  const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('pardev_session='));
  if (!setCookie) throw new Error('the login answered without a pardev_session cookie');
  const cookie = setCookie.split(';')[0]!;

  const created = await fetch(`${baseUrl}/api/v1/partners`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      name: `Bench Partner ${randomBytes(3).toString('hex')}`,
      acronym: 'BENCH',
      organisationType: '10',
      category: 'GOVERNMENT_OECD_DAC',
      country: 'NO',
    }),
  });
  await expectStatus(created, 201, 'POST /api/v1/partners');
  const { id } = (await created.json()) as { id: string };

  const read = await fetch(`${baseUrl}/api/v1/partners/${id}`, { headers: { cookie } });
  await expectStatus(read, 200, `GET /api/v1/partners/${id}`);
  const body = (await read.json()) as { id?: string };
  if (body.id !== id) throw new Error(`GET /api/v1/partners/${id} answered another partner`);
  return { cookie, partnerId: id };
};

export const natsReachable = async (url: string): Promise<boolean> => {
  try {
    const nc = await connectNats({ servers: url, timeout: 1_500, reconnect: false });
    await nc.close();
    return true;
  } catch {
    return false;
  }
};

export interface PrivateNats {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A NATS server of the bench's own (`--system-bus=nats`): the gateway does not read BUS_NAMESPACE,
 * so the system cannot share the team's NATS server without sharing its subjects and streams.
 */
export const startPrivateNats = async (storeDir: string): Promise<PrivateNats> => {
  const port = await freePort();
  const binary = process.env.NATS_SERVER_BIN ?? 'nats-server';
  const child = spawn(binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const failed = new Promise<never>((_, reject) =>
    child.once('error', (error) => reject(new Error(`cannot start ${binary}: ${error.message}`))),
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `nats://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const nc = await Promise.race([connectNats({ servers: url, timeout: 1_000 }), failed]);
      await nc.close();
      return { url, stop };
    } catch (error) {
      if (Date.now() > deadline || (error as Error).message.startsWith('cannot start')) {
        await stop();
        throw error;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
};
