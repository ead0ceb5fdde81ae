import { z } from 'zod';
import type { Actor } from '../common/envelope';
import { IdSchema, IsoInstantSchema } from '../common/primitives';
import { PartnerCategorySchema, PartnerStatusSchema, type PartnerCategory } from './partner.contracts';

// --- Due-diligence checks -------------------------------------------------------------------------

export const CheckTypes = ['SANCTIONS', 'SEAH_PSEA', 'FINANCIAL', 'REPUTATIONAL', 'PRIVATE_SECTOR'] as const;
export const CheckTypeSchema = z.enum(CheckTypes, { message: `must be one of ${CheckTypes.join(', ')}` });
export type CheckType = z.infer<typeof CheckTypeSchema>;

// clear: nothing found; match: the partner matched a list (to be reviewed); flagged: a concern.
export const CheckResults = ['CLEAR', 'MATCH', 'FLAGGED'] as const;
export const CheckResultSchema = z.enum(CheckResults, {
  message: `must be one of ${CheckResults.join(', ')}`,
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

const IsoDateSchema = z.iso.date({ message: 'must be a date such as 2026-01-31' });

const checkFields = z.object({
  type: CheckTypeSchema,
  result: CheckResultSchema,
  checkedOn: IsoDateSchema,
  /** Null: the check does not expire. */
  expiresOn: IsoDateSchema.nullish().transform((v) => v ?? null),
  /** Where the evidence is: a reference, a file name, a link. */
  evidence: z.string().trim().min(1, { message: 'is required' }).max(2000),
  notes: z
    .string()
    .trim()
    .max(4000)
    .nullish()
    .transform((v) => v || null),
});

const checkDatesInOrder = (
  check: { checkedOn: string; expiresOn: string | null },
  ctx: z.RefinementCtx,
): void => {
  if (check.checkedOn > new Date().toISOString().slice(0, 10)) {
    ctx.addIssue({
      code: 'custom',
      path: ['checkedOn'],
      message: 'must not be in the future',
      params: { rule: 'not_future' },
    });
  }
  if (check.expiresOn && check.expiresOn <= check.checkedOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['expiresOn'],
      message: 'must be after the check date',
      params: { rule: 'date_order' },
    });
  }
};

/** HTTP body of POST /partners/:id/checks. */
export const RecordCheckBodySchema = checkFields.superRefine(checkDatesInOrder);
export type RecordCheckBody = z.input<typeof RecordCheckBodySchema>;
export const RecordCheckRequestSchema = checkFields
  .extend({ partnerId: IdSchema })
  .superRefine(checkDatesInOrder);

export const DueDiligenceCheckSchema = z.object({
  id: IdSchema,
  partnerId: IdSchema,
  type: CheckTypeSchema,
  result: CheckResultSchema,
  checkedOn: IsoDateSchema,
  expiresOn: IsoDateSchema.nullable(),
  evidence: z.string(),
  notes: z.string().nullable(),
  /** Who reviewed it (the user who recorded it). */
  reviewerId: z.string(),
  recordedAt: IsoInstantSchema,
});
export type DueDiligenceCheck = z.infer<typeof DueDiligenceCheckSchema>;

// --- Flags ----------------------------------------------------------------------------------------

export const FlagLevels = ['OBSERVATION', 'YELLOW', 'ESCALATED', 'RED'] as const;
export const FlagLevelSchema = z.enum(FlagLevels, { message: `must be one of ${FlagLevels.join(', ')}` });
export type FlagLevel = z.infer<typeof FlagLevelSchema>;

export const FlagCategories = [
  'REPUTATIONAL',
  'FINANCIAL',
  'OPERATIONAL',
  'COMPLIANCE',
  'SEXUAL_EXPLOITATION_AND_ABUSE',
  'SAFEGUARDING',
  'SANCTIONS_MATCH',
  'OTHER',
] as const;
export const FlagCategorySchema = z.enum(FlagCategories, {
  message: `must be one of ${FlagCategories.join(', ')}`,
});
export type FlagCategory = z.infer<typeof FlagCategorySchema>;

const comment = z.string().trim().min(1, { message: 'is required' }).max(4000);

/** HTTP body of POST /partners/:id/flags. */
export const RaiseFlagBodySchema = z.object({
  level: FlagLevelSchema,
  category: FlagCategorySchema,
  comment,
});
export type RaiseFlagBody = z.input<typeof RaiseFlagBodySchema>;
export const RaiseFlagRequestSchema = RaiseFlagBodySchema.extend({ partnerId: IdSchema });

/** HTTP body of POST /partners/:id/flags/:flagId/resolve. */
export const ResolveFlagBodySchema = z.object({ resolution: comment });
export type ResolveFlagBody = z.input<typeof ResolveFlagBodySchema>;
export const ResolveFlagRequestSchema = ResolveFlagBodySchema.extend({
  partnerId: IdSchema,
  flagId: IdSchema,
});

export const FlagSchema = z.object({
  id: IdSchema,
  partnerId: IdSchema,
  level: FlagLevelSchema,
  category: FlagCategorySchema,
  comment: z.string(),
  raisedAt: IsoInstantSchema,
  raisedBy: z.string(),
  resolvedAt: IsoInstantSchema.nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type Flag = z.infer<typeof FlagSchema>;

// --- What a partner's due diligence adds up to ------------------------------------------------------

export const BlockingRules = ['RED_FLAG', 'MANDATORY_CHECK_EXPIRED'] as const;
export type BlockingRule = (typeof BlockingRules)[number];
export const BlockingReasonSchema = z.object({
  rule: z.enum(BlockingRules),
  /** The red flag, or the type of the expired check. */
  flagId: IdSchema.optional(),
  checkType: CheckTypeSchema.optional(),
});
export type BlockingReason = z.infer<typeof BlockingReasonSchema>;

export const DueDiligenceSchema = z.object({
  partnerId: IdSchema,
  category: PartnerCategorySchema,
  /** The latest check of each type (older ones are in the history). */
  checks: z.array(DueDiligenceCheckSchema),
  /** Open flags first, then resolved ones, newest first. SEAH flags only for those who may see them. */
  flags: z.array(FlagSchema),
  blockedForNewAgreements: z.boolean(),
  reasons: z.array(BlockingReasonSchema),
  /** True when details were withheld from this reader (viewers: no checks, no SEAH flags). */
  restricted: z.boolean(),
  /** Mandatory checks (for this partner's category) never done: a warning, not a block. */
  missingChecks: z.array(CheckTypeSchema),
});
export type DueDiligence = z.infer<typeof DueDiligenceSchema>;

export const GetDueDiligenceRequestSchema = z.object({ partnerId: IdSchema });

/** Checks expiring within `days` (default 30) or already expired, for the "expiring soon" list. */
export const ExpiringChecksQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30),
});
export const ExpiringCheckSchema = DueDiligenceCheckSchema.extend({ partnerName: z.string() });
export const ExpiringChecksSchema = z.object({ items: z.array(ExpiringCheckSchema) });
export type ExpiringChecks = z.infer<typeof ExpiringChecksSchema>;

// --- Rules (pure; the service enforces them, the admin explains them) --------------------------------

/** A private-sector partner must keep these checks current; an expired one blocks new agreements. */
export const mandatoryChecksFor = (category: PartnerCategory): readonly CheckType[] =>
  category === 'PRIVATE_SECTOR' ? ['SANCTIONS', 'SEAH_PSEA', 'PRIVATE_SECTOR'] : [];

/** The newest check of each type (by check date, then by when it was recorded). */
export const latestChecks = <C extends Pick<DueDiligenceCheck, 'type' | 'checkedOn' | 'recordedAt'>>(
  checks: readonly C[],
): C[] => {
  const latest = new Map<CheckType, C>();
  for (const check of checks) {
    const current = latest.get(check.type);
    if (
      !current ||
      check.checkedOn > current.checkedOn ||
      (check.checkedOn === current.checkedOn && check.recordedAt > current.recordedAt)
    ) {
      latest.set(check.type, check);
    }
  }
  return [...latest.values()];
};

/**
 * Why a partner may not enter new agreements, as of `today` (an ISO date): any open red flag, or
 * (for a private-sector partner) a mandatory check whose latest result has expired.
 */
export const blockingReasons = (
  category: PartnerCategory,
  flags: readonly Pick<Flag, 'id' | 'level' | 'resolvedAt'>[],
  checks: readonly Pick<DueDiligenceCheck, 'type' | 'checkedOn' | 'recordedAt' | 'expiresOn'>[],
  today: string,
): BlockingReason[] => {
  const reasons: BlockingReason[] = flags
    .filter((flag) => flag.level === 'RED' && flag.resolvedAt === null)
    .map((flag) => ({ rule: 'RED_FLAG', flagId: flag.id }));
  const mandatory = mandatoryChecksFor(category);
  for (const check of latestChecks(checks)) {
    if (mandatory.includes(check.type) && check.expiresOn !== null && check.expiresOn < today) {
      reasons.push({ rule: 'MANDATORY_CHECK_EXPIRED', checkType: check.type });
    }
  }
  return reasons;
};

/** Mandatory checks this partner has never had. */
export const missingChecks = (
  category: PartnerCategory,
  checks: readonly Pick<DueDiligenceCheck, 'type'>[],
): CheckType[] => mandatoryChecksFor(category).filter((type) => !checks.some((check) => check.type === type));

// Viewers read everything except due-diligence details and SEAH flags.
const isOnlyViewer = (actor: Pick<Actor, 'roles'>): boolean =>
  actor.roles.length > 0 && actor.roles.every((role) => role === 'viewer');

/** May `actor` read due-diligence checks (results, evidence)? Everyone signed in but viewers. */
export const canSeeDueDiligence = (actor: Pick<Actor, 'roles'>): boolean => !isOnlyViewer(actor);

/** May `actor` see this flag? SEAH flags are hidden from viewers. */
export const canSeeFlag = (actor: Pick<Actor, 'roles'>, flag: Pick<Flag, 'category'>): boolean =>
  !isOnlyViewer(actor) || flag.category !== 'SEXUAL_EXPLOITATION_AND_ABUSE';

/** Levels an officer may resolve on their own partners; escalated and red flags need an admin. */
export const canResolveFlagLevel = (actor: Pick<Actor, 'roles'>, level: FlagLevel): boolean =>
  actor.roles.includes('admin') ||
  (actor.roles.includes('officer') && (level === 'OBSERVATION' || level === 'YELLOW'));

// --- Events -------------------------------------------------------------------------------------

// v1: whether the partner may enter new agreements changed (agreements-service enforces it).
export const PartnerStatusChangedV1Schema = z.object({
  partnerId: IdSchema,
  status: PartnerStatusSchema,
  previousStatus: PartnerStatusSchema,
  blockedForNewAgreements: z.boolean(),
  reasons: z.array(z.enum(BlockingRules)),
  version: z.number().int().min(1),
  changedAt: IsoInstantSchema,
});
export type PartnerStatusChangedV1 = z.infer<typeof PartnerStatusChangedV1Schema>;

export const PartnerFlagRaisedV1Schema = z.object({
  partnerId: IdSchema,
  flagId: IdSchema,
  level: FlagLevelSchema,
  category: FlagCategorySchema,
  raisedAt: IsoInstantSchema,
});
export type PartnerFlagRaisedV1 = z.infer<typeof PartnerFlagRaisedV1Schema>;

export const PartnerFlagResolvedV1Schema = z.object({
  partnerId: IdSchema,
  flagId: IdSchema,
  level: FlagLevelSchema,
  category: FlagCategorySchema,
  resolvedAt: IsoInstantSchema,
});
export type PartnerFlagResolvedV1 = z.infer<typeof PartnerFlagResolvedV1Schema>;
