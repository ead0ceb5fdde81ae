import { z } from 'zod';

// Header names of the message envelope; the same on NATS headers and in the embedded frame.
export const Header = {
  MessageId: 'x-message-id',
  CorrelationId: 'x-correlation-id',
  CausationId: 'x-causation-id',
  OccurredAt: 'x-occurred-at',
  Producer: 'x-producer',
  Actor: 'x-actor',
  // Ed25519 signature by the gateway over the subject, message id, time, actor and body digest.
  ActorSignature: 'x-actor-signature',
} as const;

// The person a message acts for. On requests it is signed by the gateway; services verify it.
export const ActorSchema = z.object({
  userId: z.string(),
  roles: z.array(z.string()),
});
export type Actor = z.infer<typeof ActorSchema>;

export const EnvelopeSchema = z.object({
  messageId: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().optional(),
  occurredAt: z.iso.datetime({ offset: true }),
  producer: z.string().min(1),
  actor: ActorSchema.optional(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;
