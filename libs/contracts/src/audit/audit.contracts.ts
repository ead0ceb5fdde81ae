import { z } from 'zod';
import { AuditReaderRoles } from '../auth/auth.contracts';
import type { Actor } from '../common/envelope';
import { IdSchema, IsoInstantSchema } from '../common/primitives';

// One changed field of an audited entity: its value before and after (absent on create or delete).
export const AuditChangeSchema = z.object({
  field: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditChange = z.infer<typeof AuditChangeSchema>;

/**
 * One line of the audit trail: who did what to which record, when, and what changed. Written by the
 * service that owns the record, in the same transaction as the change. Never holds a secret.
 */
export const AuditEntrySchema = z.object({
  id: IdSchema,
  occurredAt: IsoInstantSchema,
  /** Where it was recorded: a context (partners, agreements, results) or identity (the gateway). */
  source: z.string(),
  /** The acting user's id; null when nobody could be identified (a failed sign-in). */
  actorId: z.string().nullable(),
  actorRoles: z.array(z.string()),
  /** `<entity>.<past-tense verb>`, e.g. partner.updated, user.deactivated, access.refused. */
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.array(AuditChangeSchema),
  /** A short explanation where the changes do not say it all (why a request was refused). */
  note: z.string().nullable(),
  correlationId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

/** Filters of the audit trail, newest first, paged by cursor (the id of the last entry seen). */
export const AuditQuerySchema = z
  .object({
    actorId: optionalText(100),
    entityType: optionalText(60),
    entityId: optionalText(100),
    action: optionalText(80),
    from: z.iso.date({ message: 'must be a date such as 2026-01-31' }).optional(),
    to: z.iso.date({ message: 'must be a date such as 2026-01-31' }).optional(),
    cursor: IdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .superRefine((query, ctx) => {
    if (query.from && query.to && query.from > query.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'must not be before from',
        params: { rule: 'date_order' },
      });
    }
  });
export type AuditQuery = z.input<typeof AuditQuerySchema>;
export type ParsedAuditQuery = z.output<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  /** Pass as `cursor` for the next (older) entries; null when there are none. */
  nextCursor: IdSchema.nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** What the gateway answers: each entry with the acting user's name, resolved from identity. */
export const AuditEntryViewSchema = AuditEntrySchema.extend({ actorName: z.string().nullable() });
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;
export const AuditViewPageSchema = z.object({
  items: z.array(AuditEntryViewSchema),
  nextCursor: IdSchema.nullable(),
});
export type AuditViewPage = z.infer<typeof AuditViewPageSchema>;

/** History of one record (GET /<records>/:id/history): a cursor and a page size. */
export const HistoryQuerySchema = z.object({
  cursor: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type HistoryQuery = z.input<typeof HistoryQuerySchema>;

/**
 * Who may read which part of the trail: admins and auditors all of it; every other signed-in user
 * the history of one record (they can see the record itself). Checked by each service as well.
 */
export const canReadAudit = (
  actor: Pick<Actor, 'roles'> | undefined,
  query: Pick<AuditQuery, 'entityType' | 'entityId'>,
): boolean =>
  actor !== undefined &&
  (actor.roles.some((role) => (AuditReaderRoles as readonly string[]).includes(role)) ||
    (Boolean(query.entityType) && Boolean(query.entityId)));
