import { z } from 'zod';
import { IdSchema, IsoInstantSchema } from '../common/primitives';
import { MinorAmountSchema } from '../money/money';
import { AllocationsSchema, IsoDateSchema, type Allocations } from './agreement.contracts';

/*
 * Amendments change a signed agreement. Each is typed; an approved one makes a new version of the
 * terms, and every version stays readable, with a diff between any two.
 */

export const AmendmentTypes = [
  'ADMINISTRATIVE_CORRECTION',
  'BUDGET_UP_TO_20',
  'BUDGET_OVER_20',
  'RESULTS_CHANGE',
  'NO_COST_EXTENSION',
  'OTHER',
] as const;
export const AmendmentTypeSchema = z.enum(AmendmentTypes, {
  message: `must be one of ${AmendmentTypes.join(', ')}`,
});
export type AmendmentType = z.infer<typeof AmendmentTypeSchema>;

/** The terms a version holds (what an amendment may change). */
export const AgreementTermsSchema = z.object({
  title: z.string(),
  description: z.string().nullable(),
  totalMinor: MinorAmountSchema,
  pscRatePercent: z.number(),
  startOn: IsoDateSchema.nullable(),
  endOn: IsoDateSchema.nullable(),
  allocations: AllocationsSchema,
});
export type AgreementTerms = z.infer<typeof AgreementTermsSchema>;

/** What an amendment changes: only the terms it names. */
export const TermChangesSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    description: z.string().trim().max(10_000).nullable(),
    totalMinor: MinorAmountSchema,
    pscRatePercent: z.number().min(0).max(100).multipleOf(0.01),
    startOn: IsoDateSchema,
    endOn: IsoDateSchema,
    allocations: AllocationsSchema,
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, { message: 'must change at least one term' });
export type TermChanges = z.output<typeof TermChangesSchema>;

/** HTTP body of POST /agreements/:id/amendments. */
export const ProposeAmendmentBodySchema = z.object({
  type: AmendmentTypeSchema,
  reason: z.string().trim().min(1, { message: 'is required' }).max(4_000),
  changes: TermChangesSchema,
});
export type ProposeAmendmentBody = z.input<typeof ProposeAmendmentBodySchema>;
export const ProposeAmendmentRequestSchema = ProposeAmendmentBodySchema.extend({ agreementId: IdSchema });

export const DecideAmendmentBodySchema = z.object({
  /** The agreement's version the decision was made on (a stale one is refused). */
  version: z.number().int().min(1),
  /** Approve: the date both parties signed the amendment. */
  signedOn: IsoDateSchema.nullish().transform((v) => v ?? null),
  /** Reject: why. */
  reason: z
    .string()
    .trim()
    .max(4_000)
    .nullish()
    .transform((v) => v || null),
});
export const DecideAmendmentRequestSchema = DecideAmendmentBodySchema.extend({
  agreementId: IdSchema,
  amendmentId: IdSchema,
  decision: z.enum(['approve', 'reject']),
});

export const AmendmentSchema = z.object({
  id: IdSchema,
  agreementId: IdSchema,
  sequence: z.number().int().min(1),
  type: AmendmentTypeSchema,
  reason: z.string(),
  /** Each term changed, before (as the agreement stood when proposed) and after. */
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  status: z.enum(['PROPOSED', 'APPROVED', 'REJECTED']),
  signedOn: IsoDateSchema.nullable(),
  decisionReason: z.string().nullable(),
  /** The version of the terms an approved amendment made. */
  makesVersion: z.number().int().nullable(),
  proposedAt: IsoInstantSchema,
  decidedAt: IsoInstantSchema.nullable(),
});
export type Amendment = z.infer<typeof AmendmentSchema>;
export const AmendmentListSchema = z.object({ items: z.array(AmendmentSchema) });
export type AmendmentList = z.infer<typeof AmendmentListSchema>;
export const ListAmendmentsRequestSchema = z.object({ agreementId: IdSchema });

export const AgreementVersionSchema = z.object({
  /** 0: as signed; then one per approved amendment. */
  number: z.number().int().min(0),
  amendmentId: IdSchema.nullable(),
  amendmentType: AmendmentTypeSchema.nullable(),
  createdAt: IsoInstantSchema,
  terms: AgreementTermsSchema,
});
export type AgreementVersion = z.infer<typeof AgreementVersionSchema>;
export const AgreementVersionListSchema = z.object({ items: z.array(AgreementVersionSchema) });
export type AgreementVersionList = z.infer<typeof AgreementVersionListSchema>;

/** Two versions to compare: by default, as signed (0) against the latest. */
export const VersionDiffQuerySchema = z.object({
  from: z.coerce.number().int().min(0).default(0),
  to: z.coerce.number().int().min(0).optional(),
});
export const VersionDiffRequestSchema = VersionDiffQuerySchema.extend({ agreementId: IdSchema });
export const TermDiffSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type TermDiff = z.infer<typeof TermDiffSchema>;
export const VersionDiffSchema = z.object({
  agreementId: IdSchema,
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(TermDiffSchema),
});
export type VersionDiff = z.infer<typeof VersionDiffSchema>;

// --- Pure rules ---------------------------------------------------------------------------------

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The differences between two versions of the terms, field by field; allocations by list
 * (`allocations.recipients`, `allocations.sectors` …) so that a reader sees what moved.
 */
export const diffTerms = (before: AgreementTerms, after: AgreementTerms): TermDiff[] => {
  const changes: TermDiff[] = [];
  for (const field of ['title', 'description', 'totalMinor', 'pscRatePercent', 'startOn', 'endOn'] as const) {
    if (!sameJson(before[field], after[field]))
      changes.push({ field, before: before[field], after: after[field] });
  }
  for (const list of Object.keys(after.allocations) as (keyof Allocations)[]) {
    if (!sameJson(before.allocations[list], after.allocations[list])) {
      changes.push({
        field: `allocations.${list}`,
        before: before.allocations[list],
        after: after.allocations[list],
      });
    }
  }
  return changes;
};

/**
 * Whether the changes fit the amendment's type, as refusals (none: they fit). Budget amendments are
 * told apart by how far the total moves (20 % of the total as it stands); a no-cost extension moves
 * the end date later and leaves the money alone.
 */
export const amendmentTypeProblems = (
  type: AmendmentType,
  current: AgreementTerms,
  changes: TermChanges,
): { field: string; rule: string; message: string }[] => {
  const problems: { field: string; rule: string; message: string }[] = [];
  const total = changes.totalMinor ?? current.totalMinor;
  const moved = Math.abs(total - current.totalMinor);
  // moved ≤ 20 % of the total, in integers: 5 × moved ≤ total.
  const withinTwenty = 5 * moved <= current.totalMinor;
  if (type === 'BUDGET_UP_TO_20' && (moved === 0 || !withinTwenty)) {
    problems.push({
      field: 'changes.totalMinor',
      rule: 'budget_up_to_20',
      message: 'a budget amendment of up to 20 % must change the total by more than 0 and at most 20 %',
    });
  }
  if (type === 'BUDGET_OVER_20' && withinTwenty) {
    problems.push({
      field: 'changes.totalMinor',
      rule: 'budget_over_20',
      message: 'a budget amendment over 20 % must change the total by more than 20 %',
    });
  }
  if (type === 'NO_COST_EXTENSION') {
    if (moved !== 0) {
      problems.push({
        field: 'changes.totalMinor',
        rule: 'no_cost',
        message: 'a no-cost extension leaves the total as it is',
      });
    }
    if (!changes.endOn || !current.endOn || changes.endOn <= current.endOn) {
      problems.push({
        field: 'changes.endOn',
        rule: 'extends',
        message: 'a no-cost extension moves the end date later',
      });
    }
  }
  if (
    type === 'ADMINISTRATIVE_CORRECTION' &&
    (moved !== 0 || (changes.endOn && changes.endOn !== current.endOn))
  ) {
    problems.push({
      field: 'changes',
      rule: 'administrative_only',
      message: 'an administrative correction changes neither the total nor the end date',
    });
  }
  const startOn = changes.startOn ?? current.startOn;
  const endOn = changes.endOn ?? current.endOn;
  if (startOn && endOn && endOn <= startOn) {
    problems.push({
      field: 'changes.endOn',
      rule: 'date_order',
      message: 'the end date must be after the start date',
    });
  }
  return problems;
};
