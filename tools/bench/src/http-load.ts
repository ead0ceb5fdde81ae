import { spawn } from 'node:child_process';

// HTTP load with autocannon, run in a child process of its own: the bench process also hosts the
// system's embedded MQTT broker (startSystem starts it in-process), and the load generator must not
// share an event loop with it (nor with the server under test, which always runs in another process).
// Not a worker thread: autocannon treats a worker thread as one of its own workers and skips the
// aggregation of its results there.

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly headers?: Record<string, string>;
}

export interface LoadResult {
  /** Mean requests per second over the run (autocannon's per-second samples). */
  readonly rps: number;
  readonly latencyMeanMs: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly ok2xx: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodes: Record<string, number>;
}

export const AUTOCANNON_ROLE = 'autocannon';

/** The child side (`--role=autocannon`, see main.ts): one autocannon run, result sent back over IPC. */
export const autocannonRun = async (options: LoadOptions): Promise<LoadResult> => {
  const { default: autocannon } = await import('autocannon');
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    ...(options.headers ? { headers: options.headers } : {}),
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stats.count;
  return {
    rps: result.requests.average,
    latencyMeanMs: result.latency.average,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    ok2xx: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
};

/** Runs autocannon in a fresh child process of this bundle and resolves with its result. */
export const runLoad = (options: LoadOptions): Promise<LoadResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename, `--role=${AUTOCANNON_ROLE}`], {
      env: { ...process.env, BENCH_LOAD: JSON.stringify(options) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: { ok: true; result: LoadResult } | { ok: false; error: string } | undefined;
    const watchdog = setTimeout(() => child.kill('SIGKILL'), (options.durationSeconds + 60) * 1000);
    child.on('message', (message: typeof answer) => (answer = message));
    child.once('error', (error) => {
      clearTimeout(watchdog);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(watchdog);
      if (answer?.ok) resolve(answer.result);
      else
        reject(
          new Error(
            `autocannon failed: ${answer && !answer.ok ? answer.error : `exited with ${signal ?? code}`}`,
          ),
        );
    });
  });
