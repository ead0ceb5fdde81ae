// What both adapters share about running a handler on one delivery and settling it.
import type { Delivery, Headers, Reply } from './transport';

export const RETRY_AFTER_THROW_MS = 1_000;

export type Outcome =
  | { kind: 'ack' }
  | { kind: 'nak'; delayMs: number; reason: string }
  | { kind: 'dead-letter'; reason: string };

// The failure reply when a request handler throws: shaped like the messaging layer's reply frame
// so the caller sees an INTERNAL error at once instead of waiting for its timeout.
export const HANDLER_FAILED_REPLY: Reply = {
  headers: { 'x-transport-error': 'handler-failed' },
  body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'the responder failed' } }),
};

export const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

export const sleep = (ms: number, abort: Promise<void>): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void abort.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Resolves with `true` when `promise` settles within `ms`, `false` otherwise. */
export const settlesWithin = (promise: Promise<unknown>, ms: number): Promise<boolean> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    void promise.then(done, done);
  });

export interface HandlerRun {
  readonly subject: string;
  readonly headers: Headers;
  readonly body: string;
  readonly attempt: number;
  readonly maxDeliver: number;
  /** Applies the first outcome chosen; later calls return the same promise. */
  settle(outcome: Outcome): Promise<void>;
  isSettled(): boolean;
  isStopped(): boolean;
  report(error: unknown, context: string): void;
}

/**
 * Hands one delivery to the handler and makes sure it ends settled: a throw counts as a failed
 * attempt, and a delivery left unsettled on its last allowed attempt is parked rather than lost.
 */
export const runHandler = async (
  handler: (delivery: Delivery) => Promise<void>,
  run: HandlerRun,
): Promise<void> => {
  const delivery: Delivery = {
    subject: run.subject,
    headers: run.headers,
    body: run.body,
    attempt: run.attempt,
    ack: () => run.settle({ kind: 'ack' }),
    nak: (delayMs) => run.settle({ kind: 'nak', delayMs, reason: 'the handler asked for a retry' }),
    deadLetter: (reason) => run.settle({ kind: 'dead-letter', reason }),
  };
  try {
    await handler(delivery);
  } catch (error) {
    if (run.isSettled()) run.report(error, `handler for ${run.subject} threw after settling`);
    else
      await run
        .settle({
          kind: 'nak',
          delayMs: RETRY_AFTER_THROW_MS,
          reason: `the handler failed: ${describeError(error)}`,
        })
        .catch(() => undefined);
  }
  if (!run.isSettled() && !run.isStopped() && run.attempt >= run.maxDeliver) {
    await run
      .settle({
        kind: 'dead-letter',
        reason: `not acknowledged after ${run.attempt} deliveries (max ${run.maxDeliver})`,
      })
      .catch(() => undefined);
  }
};
