import { z } from 'zod';

// Header names of the message envelope; the same on NATS headers and in the embedded frame.
export const Header = {
  MessageId: 'x-message-id',
  CorrelationId: 'x-correlation-id',
  CausationId: 'x-causation-id',
  OccurredAt: 'x-occurred-at',
  Producer: 'x-producer',
  Actor: 'x-actor',
} as const;

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
