import { z } from 'zod';
import {
  AgreementTypes,
  AidType,
  CountryCodes,
  DcStrategyAreas,
  EarmarkingCategoryCodes,
  FinanceType,
  FlowTypeCodes,
  FundingSources,
  IloRegions,
  PbOutcomes,
  PolicyMarkerCodes,
  PolicySignificanceCodes,
  Region,
  Sector,
  SectorCategory,
  UNSDGGoalsCodes,
  UNSDGTargetsCodes,
  activeItems,
} from '@pardev/reference-data';
import { IdSchema, IsoInstantSchema, PageQuerySchema, pageOf } from '../common/primitives';
import {
  CurrencyCodeSchema,
  MinorAmountSchema,
  PercentSchema,
  RatePerUsdSchema,
  UsdEquivalentSchema,
  sumsTo100,
} from '../money/money';

export const IsoDateSchema = z.iso.date({ message: 'must be a date such as 2026-01-31' });
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { message: `must be ${what} (${values.join(', ')})` });
const codeIn = (codes: readonly string[], what: string) => {
  const known = new Set(codes);
  return z
    .string()
    .trim()
    .refine((code) => known.has(code), { message: `must be ${what}` });
};
const text = (max: number) => z.string().trim().min(1, { message: 'is required' }).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

export const AgreementTypeSchema = oneOf(
  AgreementTypes as unknown as [string, ...string[]],
  'an agreement type',
);
export const FundingSourceSchema = oneOf(
  FundingSources as unknown as [string, ...string[]],
  'a funding source',
);

export const AgreementStatuses = [
  'DRAFT',
  'IN_REVIEW',
  'PENDING_SIGNATURE',
  'SIGNED',
  'ACTIVE',
  'ENDED',
  'CLOSED',
  'SUSPENDED',
  'TERMINATED',
  'CANCELLED',
] as const;
export const AgreementStatusSchema = z.enum(AgreementStatuses);
export type AgreementStatus = z.infer<typeof AgreementStatusSchema>;

// --- Allocations ---------------------------------------------------------------------------------

const countryCodes = CountryCodes as readonly string[];
const regionCodes: readonly string[] = activeItems(Region).map((item) => item.code);
const sectorCodes: readonly string[] = activeItems(Sector).map((item) => item.code);
const sectorCategoryCodes: readonly string[] = activeItems(SectorCategory).map((item) => item.code);

/** A recipient country (ISO 3166-1) or region (IATI Region, vocabulary 1: OECD DAC) and its share. */
export const RecipientSchema = z
  .object({
    kind: z.enum(['COUNTRY', 'REGION'], { message: 'must be COUNTRY or REGION' }),
    code: z.string().trim().toUpperCase(),
    percent: PercentSchema,
  })
  .superRefine((recipient, ctx) => {
    const known = recipient.kind === 'COUNTRY' ? countryCodes : regionCodes;
    if (!known.includes(recipient.code)) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message:
          recipient.kind === 'COUNTRY'
            ? 'must be an ISO 3166-1 country code such as KE'
            : 'must be an IATI region code such as 298 (Africa, regional)',
        params: { rule: 'codelist' },
      });
    }
  });

/** A DAC sector: 5-digit purpose code (vocabulary 1) or 3-digit category (vocabulary 2), and its share. */
export const SectorShareSchema = z
  .object({
    vocabulary: z.enum(['1', '2'], { message: 'must be 1 (DAC 5-digit) or 2 (DAC 3-digit)' }),
    code: z.string().trim(),
    percent: PercentSchema,
  })
  .superRefine((sector, ctx) => {
    const known = sector.vocabulary === '1' ? sectorCodes : sectorCategoryCodes;
    if (!known.includes(sector.code)) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message:
          sector.vocabulary === '1'
            ? 'must be a DAC 5-digit purpose code such as 16020 (employment creation)'
            : 'must be a DAC 3-digit sector such as 160',
        params: { rule: 'codelist' },
      });
    }
  });

export const PolicyMarkerShareSchema = z.object({
  code: z.enum(PolicyMarkerCodes, { message: 'must be an IATI policy marker code (1–12)' }),
  significance: z.enum(PolicySignificanceCodes, { message: 'must be an IATI policy significance (0–4)' }),
});

const pbOutcomeCodes = PbOutcomes.map((o) => o.code) as [string, ...string[]];
const dcAreaCodes = DcStrategyAreas.map((a) => a.code) as [string, ...string[]];

const unique =
  <T>(key: (item: T) => string, message: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [index], message, params: { rule: 'unique' } });
      seen.add(k);
    });
  };

/** Where the money goes and what it is for; each list's shares sum to 100 once it is complete. */
export const AllocationsSchema = z.object({
  recipients: z
    .array(RecipientSchema)
    .max(300)
    .superRefine(unique((r) => `${r.kind}:${r.code}`, 'is listed twice'))
    .default([]),
  sectors: z
    .array(SectorShareSchema)
    .max(100)
    .superRefine(unique((s) => `${s.vocabulary}:${s.code}`, 'is listed twice'))
    .default([]),
  pbOutcomes: z
    .array(z.enum(pbOutcomeCodes, { message: 'must be a P&B outcome (1–8, A–C)' }))
    .max(11)
    .default([]),
  sdgGoals: z
    .array(z.enum(UNSDGGoalsCodes, { message: 'must be an SDG (1–17)' }))
    .max(17)
    .default([]),
  sdgTargets: z
    .array(z.enum(UNSDGTargetsCodes, { message: 'must be an SDG target such as 8.5' }))
    .max(169)
    .default([]),
  policyMarkers: z
    .array(PolicyMarkerShareSchema)
    .max(12)
    .superRefine(unique((m) => m.code, 'is listed twice'))
    .default([]),
  dcStrategyArea: z
    .enum(dcAreaCodes, { message: 'must be a DC Strategy area (1–4)' })
    .nullish()
    .transform((v) => v ?? null),
});
export type Allocations = z.output<typeof AllocationsSchema>;
export const emptyAllocations = (): Allocations => ({
  recipients: [],
  sectors: [],
  pbOutcomes: [],
  sdgGoals: [],
  sdgTargets: [],
  policyMarkers: [],
  dcStrategyArea: null,
});

/** What keeps allocations from being complete, as field errors (none: complete). */
export const allocationProblems = (
  allocations: Allocations,
): { field: string; rule: string; message: string }[] => {
  const problems: { field: string; rule: string; message: string }[] = [];
  if (allocations.recipients.length === 0) {
    problems.push({
      field: 'allocations.recipients',
      rule: 'required',
      message: 'needs at least one country or region',
    });
  } else if (!sumsTo100(allocations.recipients.map((r) => r.percent))) {
    problems.push({ field: 'allocations.recipients', rule: 'sum_100', message: 'shares must sum to 100 %' });
  }
  if (allocations.sectors.length === 0) {
    problems.push({
      field: 'allocations.sectors',
      rule: 'required',
      message: 'needs at least one DAC sector',
    });
  }
  for (const vocabulary of ['1', '2'] as const) {
    const shares = allocations.sectors.filter((s) => s.vocabulary === vocabulary);
    if (shares.length > 0 && !sumsTo100(shares.map((s) => s.percent))) {
      problems.push({
        field: 'allocations.sectors',
        rule: 'sum_100',
        message: `shares of vocabulary ${vocabulary} must sum to 100 %`,
      });
    }
  }
  if (allocations.pbOutcomes.length === 0) {
    problems.push({
      field: 'allocations.pbOutcomes',
      rule: 'required',
      message: 'needs at least one P&B outcome',
    });
  }
  return problems;
};

// --- The agreement ------------------------------------------------------------------------------

const dateOrder = (value: { startOn?: string | null; endOn?: string | null }, ctx: z.RefinementCtx) => {
  if (value.startOn && value.endOn && value.endOn <= value.startOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['endOn'],
      message: 'must be after the start date',
      params: { rule: 'date_order' },
    });
  }
};

const aidTypeCodes = activeItems(AidType).map((item) => item.code);
const financeTypeCodes = activeItems(FinanceType).map((item) => item.code);

/** What a person fills in (the form and PUT): the reference, status and money received are not theirs. */
const agreementFields = z.object({
  title: text(300),
  /** One or more funding partners, from agreements-service's partner directory. */
  partnerIds: z
    .array(IdSchema)
    .min(1, { message: 'needs at least one funding partner' })
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'must not name a partner twice' }),
  type: AgreementTypeSchema,
  fundingSource: FundingSourceSchema,
  earmarkingCategory: z.enum(EarmarkingCategoryCodes, {
    message: 'must be an IATI earmarking category (1–4)',
  }),
  aidType: codeIn(aidTypeCodes, 'an IATI aid type such as C01')
    .nullish()
    .transform((v) => v ?? null),
  flowType: z
    .enum(FlowTypeCodes, { message: 'must be an IATI flow type such as 10' })
    .nullish()
    .transform((v) => v ?? null),
  financeType: codeIn(financeTypeCodes, 'an IATI finance type such as 110')
    .nullish()
    .transform((v) => v ?? null),
  currency: CurrencyCodeSchema,
  /** The total agreed, in minor units of `currency`. */
  totalMinor: MinorAmountSchema,
  /** Programme support cost, in percent (13 is the ILO's standard rate). */
  pscRatePercent: z.number().min(0).max(100).multipleOf(0.01, { message: 'must have at most 2 decimals' }),
  signedOn: IsoDateSchema.nullish().transform((v) => v ?? null),
  startOn: IsoDateSchema.nullish().transform((v) => v ?? null),
  endOn: IsoDateSchema.nullish().transform((v) => v ?? null),
  description: optionalText(10_000),
  responsibleOfficerId: IdSchema.nullish().transform((v) => v ?? null),
  allocations: AllocationsSchema.default(emptyAllocations),
});

export const CreateAgreementRequestSchema = agreementFields.superRefine(dateOrder);
export type CreateAgreementRequest = z.input<typeof CreateAgreementRequestSchema>;
export type CreateAgreementCommand = z.output<typeof CreateAgreementRequestSchema>;

const VersionSchema = z.number({ message: 'must be a number' }).int().min(1);

/** HTTP body of PUT /agreements/:id: the whole agreement and the version it was read at. */
export const UpdateAgreementBodySchema = agreementFields
  .extend({ version: VersionSchema })
  .superRefine(dateOrder);
export type UpdateAgreementBody = z.input<typeof UpdateAgreementBodySchema>;
export const UpdateAgreementRequestSchema = agreementFields
  .extend({ id: IdSchema, version: VersionSchema })
  .superRefine(dateOrder);
export type UpdateAgreementCommand = z.output<typeof UpdateAgreementRequestSchema>;

export const AgreementPartnerSchema = z.object({
  id: IdSchema,
  name: z.string(),
  acronym: z.string().nullable(),
  blockedForNewAgreements: z.boolean(),
});

export const AgreementSchema = z.object({
  id: IdSchema,
  /** Generated, unique, human-readable: source, year, number (XBDC-2026-0042). */
  reference: z.string(),
  title: z.string(),
  partners: z.array(AgreementPartnerSchema),
  type: z.string(),
  fundingSource: z.string(),
  earmarkingCategory: z.string(),
  aidType: z.string().nullable(),
  flowType: z.string().nullable(),
  financeType: z.string().nullable(),
  currency: z.string(),
  totalMinor: MinorAmountSchema,
  /**
   * The total in USD at the UN rate of the month of signature (before it: of the start month, else of
   * the month it was drafted); null while finance has not set that rate.
   */
  totalUsd: UsdEquivalentSchema.nullable(),
  pscRatePercent: z.number(),
  signedOn: IsoDateSchema.nullable(),
  startOn: IsoDateSchema.nullable(),
  endOn: IsoDateSchema.nullable(),
  description: z.string().nullable(),
  status: AgreementStatusSchema,
  /** Why it was last suspended, terminated, cancelled or sent back. */
  statusReason: z.string().nullable(),
  responsibleOfficerId: IdSchema.nullable(),
  delegateIds: z.array(IdSchema),
  allocations: AllocationsSchema,
  /** Received so far (tranches received), in the agreement's currency and in USD as received. */
  receivedMinor: MinorAmountSchema,
  receivedUsdMinor: MinorAmountSchema,
  /** Tranches past their date and not received. */
  overdueTranches: z.number().int().min(0),
  version: z.number().int().min(1),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
});
export type Agreement = z.infer<typeof AgreementSchema>;

export const GetAgreementRequestSchema = z.object({ id: IdSchema });

export const AgreementSorts = [
  'reference',
  '-reference',
  'title',
  '-updatedAt',
  'startOn',
  '-startOn',
  '-totalUsd',
  'endOn',
] as const;

export const ListAgreementsQuerySchema = PageQuerySchema.extend({
  /** Reference or title (substring, any case). */
  q: z.string().trim().max(200).optional(),
  partnerId: IdSchema.optional(),
  fundingSource: FundingSourceSchema.optional(),
  status: AgreementStatusSchema.optional(),
  /** A recipient country of the allocations. */
  country: z.string().trim().toUpperCase().length(2).optional(),
  /** The ILO region of a recipient country. */
  region: z.enum(IloRegions).optional(),
  pbOutcome: z.enum(pbOutcomeCodes).optional(),
  /** Responsible officer or delegate. */
  officerId: IdSchema.optional(),
  /** Agreements running at some point in [from, to] (start ≤ to and end ≥ from). */
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  /** Total in USD, whole dollars. */
  minUsd: z.coerce.number().int().min(0).optional(),
  maxUsd: z.coerce.number().int().min(0).optional(),
  sort: z.enum(AgreementSorts).default('-updatedAt'),
});
export type ListAgreementsQuery = z.input<typeof ListAgreementsQuerySchema>;

/** The same filters and order as the list, without paging, and the file format. */
export const ExportAgreementsQuerySchema = ListAgreementsQuerySchema.omit({
  page: true,
  pageSize: true,
}).extend({
  format: z.enum(['csv', 'xlsx'], { message: 'must be csv or xlsx' }).default('csv'),
});

export const AgreementListItemSchema = AgreementSchema.pick({
  id: true,
  reference: true,
  title: true,
  partners: true,
  fundingSource: true,
  currency: true,
  totalMinor: true,
  totalUsd: true,
  receivedMinor: true,
  startOn: true,
  endOn: true,
  status: true,
  responsibleOfficerId: true,
  overdueTranches: true,
  version: true,
  updatedAt: true,
});
export type AgreementListItem = z.infer<typeof AgreementListItemSchema>;

export const AgreementPageSchema = pageOf(AgreementListItemSchema).extend({
  /** Over every agreement the filters match, not only this page. */
  totals: z.object({
    usdMinor: MinorAmountSchema,
    /** Agreements left out of the USD total for want of a rate. */
    withoutRate: z.number().int().min(0),
  }),
});
export type AgreementPage = z.infer<typeof AgreementPageSchema>;

// --- Lifecycle ----------------------------------------------------------------------------------

export const AgreementActions = [
  'submit',
  'return',
  'approve',
  'sign',
  'activate',
  'end',
  'close',
  'suspend',
  'resume',
  'terminate',
  'cancel',
] as const;
export const AgreementActionSchema = z.enum(AgreementActions, {
  message: `must be one of ${AgreementActions.join(', ')}`,
});
export type AgreementAction = z.infer<typeof AgreementActionSchema>;

/** HTTP body of POST /agreements/:id/transitions. */
export const TransitionBodySchema = z.object({
  action: AgreementActionSchema,
  version: VersionSchema,
  /** Required to send back, suspend, terminate or cancel. */
  reason: optionalText(2_000),
  /** The date of signature, when signing (if not on the agreement yet). */
  signedOn: IsoDateSchema.nullish().transform((v) => v ?? null),
});
export type TransitionBody = z.input<typeof TransitionBodySchema>;
export const TransitionRequestSchema = TransitionBodySchema.extend({ id: IdSchema });

export const AssignAgreementBodySchema = z.object({
  version: VersionSchema,
  responsibleOfficerId: IdSchema.nullable(),
  delegateIds: z
    .array(IdSchema)
    .max(10)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'must not name a delegate twice' }),
});
export const AssignAgreementRequestSchema = AssignAgreementBodySchema.extend({ id: IdSchema });

// --- Tranches -----------------------------------------------------------------------------------

export const TrancheStatuses = ['PLANNED', 'INVOICED', 'RECEIVED', 'CANCELLED'] as const;

/** HTTP body of POST /agreements/:id/tranches and PUT …/tranches/:trancheId (the plan; not the receipt). */
export const TrancheBodySchema = z.object({
  plannedOn: IsoDateSchema,
  /** In the agreement's currency, minor units. */
  amountMinor: MinorAmountSchema.refine((v) => v > 0, { message: 'must be more than 0' }),
  conditions: optionalText(2_000),
});
export type TrancheBody = z.input<typeof TrancheBodySchema>;
export const AddTrancheRequestSchema = TrancheBodySchema.extend({ agreementId: IdSchema });
export const UpdateTrancheRequestSchema = TrancheBodySchema.extend({
  agreementId: IdSchema,
  trancheId: IdSchema,
});

/** Finance: the invoice sent to the partner. */
export const RecordInvoiceBodySchema = z.object({
  invoicedOn: IsoDateSchema,
  invoiceReference: optionalText(100),
});
export const RecordInvoiceRequestSchema = RecordInvoiceBodySchema.extend({
  agreementId: IdSchema,
  trancheId: IdSchema,
});

/**
 * Finance: the money that arrived. The rate is the UN operational rate of the month received unless
 * the bank's actual rate is given.
 */
export const RecordReceiptBodySchema = z.object({
  receivedOn: IsoDateSchema,
  /** In the agreement's currency, minor units: what arrived (it may differ from the plan). */
  receivedMinor: MinorAmountSchema.refine((v) => v > 0, { message: 'must be more than 0' }),
  ratePerUsd: RatePerUsdSchema.nullish().transform((v) => v ?? null),
});
export type RecordReceiptBody = z.input<typeof RecordReceiptBodySchema>;
export const RecordReceiptRequestSchema = RecordReceiptBodySchema.extend({
  agreementId: IdSchema,
  trancheId: IdSchema,
});

export const CancelTrancheRequestSchema = z.object({
  agreementId: IdSchema,
  trancheId: IdSchema,
  reason: text(2_000),
});

export const TrancheSchema = z.object({
  id: IdSchema,
  agreementId: IdSchema,
  sequence: z.number().int().min(1),
  plannedOn: IsoDateSchema,
  amountMinor: MinorAmountSchema,
  conditions: z.string().nullable(),
  /** PLANNED, INVOICED, RECEIVED, CANCELLED; OVERDUE when past its date and not received. */
  status: z.enum([...TrancheStatuses, 'OVERDUE']),
  invoicedOn: IsoDateSchema.nullable(),
  invoiceReference: z.string().nullable(),
  receivedOn: IsoDateSchema.nullable(),
  receivedMinor: MinorAmountSchema.nullable(),
  receivedUsd: UsdEquivalentSchema.nullable(),
  cancelReason: z.string().nullable(),
});
export type Tranche = z.infer<typeof TrancheSchema>;

export const TrancheScheduleSchema = z.object({
  agreementId: IdSchema,
  currency: z.string(),
  totalMinor: MinorAmountSchema,
  plannedMinor: MinorAmountSchema,
  receivedMinor: MinorAmountSchema,
  receivedUsdMinor: MinorAmountSchema,
  items: z.array(TrancheSchema),
});
export type TrancheSchedule = z.infer<typeof TrancheScheduleSchema>;
export const GetScheduleRequestSchema = z.object({ agreementId: IdSchema });

// --- Currency rates -----------------------------------------------------------------------------

export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month such as 2026-01' });

export const CurrencyRateSchema = z.object({
  currency: CurrencyCodeSchema,
  month: MonthSchema,
  ratePerUsd: RatePerUsdSchema,
});
export type CurrencyRate = z.infer<typeof CurrencyRateSchema>;

/** Finance: set the rates of one or more currencies and months (a CSV import sends many). */
export const SetCurrencyRatesRequestSchema = z.object({
  rates: z
    .array(CurrencyRateSchema)
    .min(1)
    .max(5_000)
    .superRefine(unique((r) => `${r.currency}:${r.month}`, 'names the same currency and month twice')),
});
export const CurrencyRatesQuerySchema = z.object({
  month: MonthSchema.optional(),
  currency: CurrencyCodeSchema.optional(),
});
export const CurrencyRateListSchema = z.object({
  items: z.array(CurrencyRateSchema.extend({ updatedAt: IsoInstantSchema })),
});
export type CurrencyRateList = z.infer<typeof CurrencyRateListSchema>;

// --- Events -------------------------------------------------------------------------------------

const agreementState = {
  agreementId: IdSchema,
  reference: z.string(),
  title: z.string(),
  partnerIds: z.array(IdSchema),
  fundingSource: z.string(),
  currency: z.string(),
  totalMinor: MinorAmountSchema,
  startOn: IsoDateSchema.nullable(),
  endOn: IsoDateSchema.nullable(),
  status: AgreementStatusSchema,
  responsibleOfficerId: IdSchema.nullable(),
  version: z.number().int().min(1),
};

// Event v1: a new agreement (a draft).
export const AgreementRegisteredV1Schema = z.object({ ...agreementState, registeredAt: IsoInstantSchema });
export type AgreementRegisteredV1 = z.infer<typeof AgreementRegisteredV1Schema>;

// Event v1: the agreement's terms changed (not its status).
export const AgreementUpdatedV1Schema = z.object({ ...agreementState, updatedAt: IsoInstantSchema });
export type AgreementUpdatedV1 = z.infer<typeof AgreementUpdatedV1Schema>;

// Event v1: one step of the lifecycle.
export const AgreementStatusChangedV1Schema = z.object({
  ...agreementState,
  action: AgreementActionSchema,
  from: AgreementStatusSchema,
  reason: z.string().nullable(),
  changedAt: IsoInstantSchema,
});
export type AgreementStatusChangedV1 = z.infer<typeof AgreementStatusChangedV1Schema>;

// Event v1: money arrived for a tranche.
export const TrancheReceivedV1Schema = z.object({
  agreementId: IdSchema,
  reference: z.string(),
  partnerIds: z.array(IdSchema),
  trancheId: IdSchema,
  currency: z.string(),
  receivedMinor: MinorAmountSchema,
  receivedOn: IsoDateSchema,
  usdMinor: MinorAmountSchema.nullable(),
  ratePerUsd: z.string().nullable(),
});
export type TrancheReceivedV1 = z.infer<typeof TrancheReceivedV1Schema>;
