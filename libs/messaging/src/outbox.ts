import { eventContracts, type Envelope, type EventOf, type EventSubject } from '@pardev/contracts';
import { OutboxEntity, newId } from '@pardev/persistence';
import type { EntityManager } from 'typeorm';
import { causedBy, toHeaders } from './envelope';
import { DomainError } from './errors';

export type Cause = Pick<Envelope, 'messageId' | 'correlationId' | 'actor'>;

/**
 * Publishing an event = writing an outbox row in the caller's transaction. The relay sends it once
 * the transaction commits; if the transaction rolls back, the event never existed.
 */
export class Outbox {
  constructor(private readonly producer: string) {}

  async publish<S extends EventSubject>(
    manager: EntityManager,
    subject: S,
    payload: EventOf<S>,
    cause?: Cause,
  ): Promise<string> {
    const parsed = eventContracts[subject].payload.safeParse(payload);
    if (!parsed.success) throw DomainError.invalid(parsed.error, `${subject} payload breaks its contract`);
    const id = newId();
    const envelope = causedBy(this.producer, cause, id);
    await manager.insert(OutboxEntity, {
      id,
      subject,
      payload: parsed.data,
      headers: toHeaders(envelope),
    });
    return id;
  }
}
