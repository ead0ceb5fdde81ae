import type { Database, Unlisten } from '@pardev/persistence';
import type { Transport } from './transports/transport';

interface PendingRow {
  id: string;
  subject: string;
  payload: unknown;
  headers: Record<string, string>;
}

export interface RelayOptions {
  /** Safety-net poll interval; LISTEN/NOTIFY wakes the relay at once in normal operation. */
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Publishes committed outbox rows to the bus and marks them sent. Rows are locked with
 * SKIP LOCKED so replicas share the work; a crash between publish and mark re-publishes,
 * which the bus (message-id dedup) and the consumers' inbox absorb.
 */
export class OutboxRelay {
  private unlisten: Unlisten | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly database: Database,
    private readonly transport: Transport,
    private readonly options: RelayOptions = {},
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.database.listen('outbox', () => this.wake());
    this.schedule(0);
  }

  /** Runs a drain now (or right after the one in progress). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drainLoop().finally(() => {
      this.running = undefined;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.unlisten?.();
    await this.running;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => this.wake(), delayMs);
    this.timer.unref();
  }

  private async drainLoop(): Promise<void> {
    try {
      do {
        this.again = false;
        while (!this.stopped && (await this.relayBatch()) > 0) {
          // keep going while there is a backlog
        }
      } while (this.again && !this.stopped);
      this.failures = 0;
      this.schedule(this.options.pollIntervalMs ?? 1_000);
    } catch (error) {
      this.failures++;
      this.options.onError?.(error);
      this.schedule(Math.min(250 * 2 ** this.failures, 10_000));
    }
  }

  /** Publishes one batch; returns how many rows it marked as sent. */
  private async relayBatch(): Promise<number> {
    const limit = this.options.batchSize ?? 200;
    // The marks are committed even when part of the batch failed; the failure is raised after.
    const outcome = await this.database.dataSource.transaction(async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT id, subject, payload, headers FROM outbox
         WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return { sent: 0, error: undefined };
      // Sent in id order on one connection, so the bus keeps the order they were written in.
      const results = await Promise.allSettled(
        rows.map((row) => this.transport.publish(row.subject, JSON.stringify(row.payload), row.headers)),
      );
      const sent: string[] = [];
      let firstError: unknown;
      for (const [index, result] of results.entries()) {
        if (result.status === 'fulfilled') sent.push(rows[index]!.id);
        else firstError ??= result.reason;
      }
      if (sent.length > 0) {
        await manager.query(`UPDATE outbox SET published_at = now() WHERE id = ANY($1::uuid[])`, [sent]);
      }
      if (firstError !== undefined) {
        const failed = rows.filter((row) => !sent.includes(row.id)).map((row) => row.id);
        await manager.query(
          `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`,
          [failed, String((firstError as Error)?.message ?? firstError)],
        );
      }
      return { sent: sent.length, error: firstError };
    });
    if (outcome.error !== undefined) throw outcome.error;
    return outcome.sent;
  }
}
