import { eventContracts, isEventSubject, type Envelope, type EventSubject } from '@pardev/contracts';
import { DeadLetterEntity, newId } from '@pardev/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { fromHeaders } from './envelope';
import { describeError, isPermanent } from './errors';
import type { Delivery } from './transports/transport';

export interface EventContext {
  readonly envelope: Envelope;
  /** The inbox transaction: write the handler's effect with it so effect and inbox commit together. */
  readonly manager: EntityManager;
}

export type EventHandlerFn = (payload: unknown, context: EventContext) => Promise<unknown>;

export interface RetryPolicy {
  /** Attempts before a failing event goes to the dead letters. */
  readonly maxAttempts: number;
  readonly backoffMs: (attempt: number) => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  backoffMs: (attempt) => Math.min(200 * 3 ** (attempt - 1), 15_000),
};

export type EventOutcome = 'applied' | 'duplicate' | 'retry' | 'dead-lettered';

/**
 * At-least-once in, exactly-once effect: the message id goes into the inbox in the same transaction
 * as the handler's effect, so a redelivery finds it there and changes nothing.
 */
export class EventProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consumer: string,
    private readonly handlers: ReadonlyMap<string, EventHandlerFn>,
    private readonly retry: RetryPolicy = defaultRetryPolicy,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  async process(delivery: Delivery): Promise<EventOutcome> {
    const envelope = fromHeaders(delivery.headers);
    const handler = this.handlers.get(delivery.subject);
    if (!isEventSubject(delivery.subject) || !handler) {
      return this.deadLetter(
        delivery,
        envelope,
        `no handler for subject ${delivery.subject} in ${this.consumer}`,
      );
    }
    let payload: unknown;
    try {
      payload = JSON.parse(delivery.body);
    } catch {
      return this.deadLetter(delivery, envelope, 'body is not JSON');
    }
    const parsed = eventContracts[delivery.subject as EventSubject].payload.safeParse(payload);
    if (!parsed.success) {
      const fields = parsed.error.issues.map(
        (i) => `${i.path.join('.') || '(root)'}: ${i.code} (${i.message})`,
      );
      return this.deadLetter(delivery, envelope, `invalid payload: ${fields.join('; ')}`);
    }
    try {
      const applied = await this.dataSource.transaction(async (manager) => {
        const inserted: unknown[] = await manager.query(
          `INSERT INTO inbox (consumer, message_id, subject) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING message_id`,
          [this.consumer, envelope.messageId, delivery.subject],
        );
        if (inserted.length === 0) return false;
        await handler(parsed.data, { envelope, manager });
        return true;
      });
      await delivery.ack();
      return applied ? 'applied' : 'duplicate';
    } catch (error) {
      const reason = describeError(error);
      if (isPermanent(error) || delivery.attempt >= this.retry.maxAttempts) {
        return this.deadLetter(delivery, envelope, `after ${delivery.attempt} attempt(s): ${reason}`);
      }
      this.log(
        `${delivery.subject} ${envelope.messageId} failed (attempt ${delivery.attempt}), retrying: ${reason}`,
      );
      await delivery.nak(this.retry.backoffMs(delivery.attempt));
      return 'retry';
    }
  }

  private async deadLetter(delivery: Delivery, envelope: Envelope, reason: string): Promise<EventOutcome> {
    this.log(`dead letter ${delivery.subject} ${envelope.messageId}: ${reason}`);
    await this.dataSource.getRepository(DeadLetterEntity).insert({
      id: newId(),
      consumer: this.consumer,
      messageId: envelope.messageId,
      subject: delivery.subject,
      headers: delivery.headers,
      body: delivery.body,
      reason,
      attempts: delivery.attempt,
    });
    await delivery.deadLetter(reason);
    return 'dead-lettered';
  }
}
