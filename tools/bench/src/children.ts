import { spawn, type ChildProcess } from 'node:child_process';

// Helper processes of the bench (Fastify baseline, bus responders, MQTT broker): this same bundle
// started with `--role=<name>`. A child tells it is ready over IPC ({ type: 'ready', ... }) and exits
// on SIGTERM or as soon as the IPC channel closes, so it never outlives the bench.

export interface ReadyMessage {
  readonly type: 'ready';
  readonly [key: string]: unknown;
}

export interface RoleChild {
  readonly role: string;
  readonly pid: number;
  readonly ready: ReadyMessage;
  stop(): Promise<void>;
}

const exitOf = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

export const spawnRole = (
  role: string,
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 30_000,
): Promise<RoleChild> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, `--role=${role}`], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = exitOf(child);
    const stop = async (): Promise<void> => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    };
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the ${role} child did not get ready within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the ${role} child exited (${signal ?? code}) before it was ready`));
    });
    child.on('message', (message: ReadyMessage) => {
      if (message?.type !== 'ready') return;
      clearTimeout(timer);
      resolve({ role, pid: child.pid!, ready: message, stop });
    });
  });

/** Child side: report readiness, and run `close` then exit on SIGTERM/SIGINT or when the parent goes away. */
export const childReady = (message: Omit<ReadyMessage, 'type'>, close: () => Promise<void>): void => {
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    const force = setTimeout(() => process.exit(0), 3_000);
    force.unref();
    void close()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.on('disconnect', shutdown);
  process.send?.({ type: 'ready', ...message });
};
