import { ActorSchema, Header, type Actor, type Envelope } from '@pardev/contracts';
import { newId } from '@pardev/persistence';
import type { Headers } from './transports/transport';

export const toHeaders = (envelope: Envelope): Headers => {
  const headers: Headers = {
    [Header.MessageId]: envelope.messageId,
    [Header.CorrelationId]: envelope.correlationId,
    [Header.OccurredAt]: envelope.occurredAt,
    [Header.Producer]: envelope.producer,
  };
  if (envelope.causationId) headers[Header.CausationId] = envelope.causationId;
  if (envelope.actor) headers[Header.Actor] = JSON.stringify(envelope.actor);
  return headers;
};

const parseActor = (raw: string | undefined): Actor | undefined => {
  if (!raw) return undefined;
  try {
    const parsed = ActorSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

// Tolerant on the way in: a message without an id or correlation id still gets one, so it can be traced.
export const fromHeaders = (headers: Headers): Envelope => {
  const messageId = headers[Header.MessageId] ?? newId();
  const envelope: Envelope = {
    messageId,
    correlationId: headers[Header.CorrelationId] ?? messageId,
    occurredAt: headers[Header.OccurredAt] ?? new Date().toISOString(),
    producer: headers[Header.Producer] ?? 'unknown',
  };
  const causationId = headers[Header.CausationId];
  if (causationId) envelope.causationId = causationId;
  const actor = parseActor(headers[Header.Actor]);
  if (actor) envelope.actor = actor;
  return envelope;
};

/** The envelope of a new message caused by `cause` (same correlation, causation = cause's id). */
export const causedBy = (
  producer: string,
  cause?: Pick<Envelope, 'messageId' | 'correlationId' | 'actor'>,
  messageId = newId(),
): Envelope => {
  const envelope: Envelope = {
    messageId,
    correlationId: cause?.correlationId ?? messageId,
    occurredAt: new Date().toISOString(),
    producer,
  };
  if (cause) envelope.causationId = cause.messageId;
  if (cause?.actor) envelope.actor = cause.actor;
  return envelope;
};
