import { z } from 'zod';
import { IdSchema, IsoInstantSchema, PageQuerySchema, pageOf } from '../common/primitives';
import { AgreementStatusSchema, IsoDateSchema } from './agreement.contracts';

/*
 * What the ILO promised the partner to report, on each agreement (agreements-service), and the
 * reporting calendar worked out from it (results-service): one report due per period.
 */

export const ReportTypes = [
  'NARRATIVE_PROGRESS',
  'FINAL_NARRATIVE',
  'FINANCIAL_STATEMENT',
  'CERTIFIED_FINANCIAL',
  'EVALUATION',
  'SPECIAL',
] as const;
export const ReportTypeSchema = z.enum(ReportTypes, { message: `must be one of ${ReportTypes.join(', ')}` });
export type ReportType = z.infer<typeof ReportTypeSchema>;

/** Every 12, 6 or 3 months from the start; once after the end (FINAL); or on the dates given (CUSTOM). */
export const ReportFrequencies = ['ANNUAL', 'SEMI_ANNUAL', 'QUARTERLY', 'FINAL', 'CUSTOM'] as const;
export const ReportFrequencySchema = z.enum(ReportFrequencies, {
  message: `must be one of ${ReportFrequencies.join(', ')}`,
});
export type ReportFrequency = z.infer<typeof ReportFrequencySchema>;

export const ReportingObligationInputSchema = z
  .object({
    /** Kept across edits so that reports already submitted stay attached; new ones get one. */
    id: IdSchema.optional(),
    type: ReportTypeSchema,
    frequency: ReportFrequencySchema,
    /** Days after the end of each period that the report is due (e.g. 90 for a financial statement). */
    daysAfterPeriodEnd: z.number().int().min(0).max(365).default(0),
    /** Due dates, for CUSTOM. */
    customDates: z.array(IsoDateSchema).max(60).default([]),
    notes: z
      .string()
      .trim()
      .max(2_000)
      .nullish()
      .transform((v) => v || null),
  })
  .superRefine((obligation, ctx) => {
    if (obligation.frequency === 'CUSTOM' && obligation.customDates.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['customDates'],
        message: 'needs at least one date for a custom frequency',
        params: { rule: 'required_for_custom' },
      });
    }
    if (obligation.frequency !== 'CUSTOM' && obligation.customDates.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['customDates'],
        message: 'dates are only for a custom frequency',
        params: { rule: 'only_for_custom' },
      });
    }
  });
export type ReportingObligationInput = z.input<typeof ReportingObligationInputSchema>;

export const ReportingObligationSchema = z.object({
  id: IdSchema,
  type: ReportTypeSchema,
  frequency: ReportFrequencySchema,
  daysAfterPeriodEnd: z.number().int(),
  customDates: z.array(IsoDateSchema),
  notes: z.string().nullable(),
});
export type ReportingObligation = z.infer<typeof ReportingObligationSchema>;

/** HTTP body of PUT /agreements/:id/obligations: the whole list, and the agreement's version. */
export const SetObligationsBodySchema = z.object({
  version: z.number().int().min(1),
  obligations: z.array(ReportingObligationInputSchema).max(30),
});
export type SetObligationsBody = z.input<typeof SetObligationsBodySchema>;
export const SetObligationsRequestSchema = SetObligationsBodySchema.extend({ agreementId: IdSchema });
export const ObligationListSchema = z.object({
  agreementId: IdSchema,
  version: z.number().int().min(1),
  items: z.array(ReportingObligationSchema),
});
export type ObligationList = z.infer<typeof ObligationListSchema>;
export const GetObligationsRequestSchema = z.object({ agreementId: IdSchema });

// Event v1: the agreement's reporting obligations, as a whole, with the dates they run on.
export const ObligationsSetV1Schema = z.object({
  agreementId: IdSchema,
  reference: z.string(),
  title: z.string(),
  partnerIds: z.array(IdSchema),
  status: AgreementStatusSchema,
  startOn: IsoDateSchema.nullable(),
  endOn: IsoDateSchema.nullable(),
  obligations: z.array(ReportingObligationSchema),
  version: z.number().int().min(1),
  setAt: IsoInstantSchema,
});
export type ObligationsSetV1 = z.infer<typeof ObligationsSetV1Schema>;

// --- The calendar -------------------------------------------------------------------------------

export interface CalendarEntry {
  readonly obligationId: string;
  readonly type: ReportType;
  /** The period the report covers (null for a custom date). */
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly dueOn: string;
}

const MONTHS: Partial<Record<ReportFrequency, number>> = { ANNUAL: 12, SEMI_ANNUAL: 6, QUARTERLY: 3 };

const parse = (date: string) => new Date(`${date}T00:00:00Z`);
const format = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: string, days: number) => format(new Date(parse(date).getTime() + days * 86_400_000));
/** The same day `months` later (the last day of the month when it has no such day: 31 Jan + 1 = 28/29 Feb). */
export const addMonths = (date: string, months: number): string => {
  const d = parse(date);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return format(target);
};

/**
 * The reports an agreement's obligations call for between `startOn` and `endOn`: periods of 12, 6 or
 * 3 months from the start (the last one cut at the end), one final period for FINAL, the dates given
 * for CUSTOM; each due `daysAfterPeriodEnd` after its period. Ordered by due date.
 */
export const reportingCalendar = (
  obligations: readonly ReportingObligation[],
  startOn: string,
  endOn: string,
): CalendarEntry[] => {
  if (endOn < startOn) return [];
  const entries: CalendarEntry[] = [];
  for (const obligation of obligations) {
    const base = { obligationId: obligation.id, type: obligation.type };
    const months = MONTHS[obligation.frequency];
    if (months) {
      for (let periodStart = startOn, i = 1; periodStart <= endOn; i++) {
        const next = addMonths(startOn, months * i);
        const periodEnd = next > endOn ? endOn : addDays(next, -1);
        entries.push({
          ...base,
          periodStart,
          periodEnd,
          dueOn: addDays(periodEnd, obligation.daysAfterPeriodEnd),
        });
        periodStart = addDays(periodEnd, 1);
      }
    } else if (obligation.frequency === 'FINAL') {
      entries.push({
        ...base,
        periodStart: startOn,
        periodEnd: endOn,
        dueOn: addDays(endOn, obligation.daysAfterPeriodEnd),
      });
    } else {
      for (const dueOn of [...new Set(obligation.customDates)].sort()) {
        entries.push({ ...base, periodStart: null, periodEnd: null, dueOn });
      }
    }
  }
  return entries.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.type.localeCompare(b.type));
};

// --- The calendar as results-service serves it --------------------------------------------------

export const ReportDueStatuses = ['UPCOMING', 'DUE_SOON', 'OVERDUE', 'CANCELLED'] as const;

export const ReportDueSchema = z.object({
  id: IdSchema,
  agreementId: IdSchema,
  agreementReference: z.string(),
  agreementTitle: z.string(),
  partnerIds: z.array(IdSchema),
  obligationId: IdSchema,
  type: ReportTypeSchema,
  periodStart: IsoDateSchema.nullable(),
  periodEnd: IsoDateSchema.nullable(),
  dueOn: IsoDateSchema,
  /** UPCOMING; DUE_SOON within 30 days; OVERDUE past its date; CANCELLED when the agreement ended early. */
  status: z.enum(ReportDueStatuses),
});
export type ReportDue = z.infer<typeof ReportDueSchema>;

export const ListReportsQuerySchema = PageQuerySchema.extend({
  agreementId: IdSchema.optional(),
  partnerId: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  status: z.enum(ReportDueStatuses).optional(),
});
export type ListReportsQuery = z.input<typeof ListReportsQuerySchema>;
export const ReportDuePageSchema = pageOf(ReportDueSchema);
export type ReportDuePage = z.infer<typeof ReportDuePageSchema>;
