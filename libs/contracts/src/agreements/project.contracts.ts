import { z } from 'zod';
import { ActivityStatusCodes } from '@pardev/reference-data';
import { IdSchema, IsoInstantSchema, PageQuerySchema, pageOf } from '../common/primitives';
import { CurrencyCodeSchema, MinorAmountSchema, UsdEquivalentSchema } from '../money/money';
import { IsoDateSchema, MonthSchema } from './agreement.contracts';

/*
 * Projects (IATI activities) carry out what agreements fund: one project may be funded by several
 * agreements, and an agreement may fund several projects.
 */

/** The ILO's IATI organisation identifier: every activity identifier starts with it. */
export const ILO_IATI_PREFIX = 'XM-DAC-41302';

export const EssfRiskLevels = ['LOW', 'MODERATE', 'SUBSTANTIAL', 'HIGH'] as const;

const dateOrder = (
  value: {
    plannedStart?: string | null;
    plannedEnd?: string | null;
    actualStart?: string | null;
    actualEnd?: string | null;
  },
  ctx: z.RefinementCtx,
) => {
  for (const [start, end] of [
    ['plannedStart', 'plannedEnd'],
    ['actualStart', 'actualEnd'],
  ] as const) {
    const from = value[start];
    const to = value[end];
    if (from && to && to < from) {
      ctx.addIssue({
        code: 'custom',
        path: [end],
        message: `must not be before ${start}`,
        params: { rule: 'date_order' },
      });
    }
  }
};

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

const projectFields = z.object({
  /** The ILO project code, e.g. KEN/26/01/NOR. */
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9/._-]{2,39}$/, { message: 'must be a project code such as KEN/26/01/NOR' }),
  title: z.string().trim().min(1, { message: 'is required' }).max(300),
  description: optionalText(20_000),
  /** IATI ActivityStatus: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended. */
  status: z.enum(ActivityStatusCodes, { message: 'must be an IATI activity status (1–6)' }),
  agreementIds: z
    .array(IdSchema)
    .min(1, { message: 'needs at least one funding agreement' })
    .max(20)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'must not name an agreement twice' }),
  plannedStart: IsoDateSchema.nullish().transform((v) => v ?? null),
  plannedEnd: IsoDateSchema.nullish().transform((v) => v ?? null),
  actualStart: IsoDateSchema.nullish().transform((v) => v ?? null),
  actualEnd: IsoDateSchema.nullish().transform((v) => v ?? null),
  currency: CurrencyCodeSchema,
  /** Budget by calendar year, in minor units of `currency`. */
  budgets: z
    .array(z.object({ year: z.number().int().min(2000).max(2100), amountMinor: MinorAmountSchema }))
    .max(30)
    .refine((b) => new Set(b.map((x) => x.year)).size === b.length, { message: 'must give each year once' })
    .default([]),
  /** Environmental and Social Sustainability Framework screening. */
  essf: z
    .object({
      riskLevel: z.enum(EssfRiskLevels, { message: 'must be LOW, MODERATE, SUBSTANTIAL or HIGH' }),
      screenedOn: IsoDateSchema,
      mitigation: optionalText(10_000),
    })
    .nullish()
    .transform((v) => v ?? null),
  /** The project's focal point for sexual exploitation, abuse and harassment. */
  seahFocalPoint: z
    .object({
      name: z.string().trim().min(1).max(200),
      email: z.email({ message: 'must be an email address' }).max(254),
    })
    .nullish()
    .transform((v) => v ?? null),
});

export const CreateProjectRequestSchema = projectFields.superRefine(dateOrder);
export type CreateProjectRequest = z.input<typeof CreateProjectRequestSchema>;
export const UpdateProjectBodySchema = projectFields
  .extend({ version: z.number().int().min(1) })
  .superRefine(dateOrder);
export const UpdateProjectRequestSchema = projectFields
  .extend({ id: IdSchema, version: z.number().int().min(1) })
  .superRefine(dateOrder);

/** Finance: expenditure by month, in the project's currency (USD worked out at the month's UN rate). */
export const SetExpendituresBodySchema = z.object({
  version: z.number().int().min(1),
  expenditures: z
    .array(z.object({ month: MonthSchema, amountMinor: MinorAmountSchema }))
    .max(240)
    .refine((e) => new Set(e.map((x) => x.month)).size === e.length, {
      message: 'must give each month once',
    }),
});
export const SetExpendituresRequestSchema = SetExpendituresBodySchema.extend({ id: IdSchema });

export const ProjectSchema = z.object({
  id: IdSchema,
  code: z.string(),
  /** XM-DAC-41302-<code>; frozen once published to IATI. */
  iatiIdentifier: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.string(),
  agreementIds: z.array(IdSchema),
  plannedStart: IsoDateSchema.nullable(),
  plannedEnd: IsoDateSchema.nullable(),
  actualStart: IsoDateSchema.nullable(),
  actualEnd: IsoDateSchema.nullable(),
  currency: z.string(),
  budgets: z.array(z.object({ year: z.number().int(), amountMinor: MinorAmountSchema })),
  expenditures: z.array(
    z.object({ month: z.string(), amountMinor: MinorAmountSchema, usd: UsdEquivalentSchema.nullable() }),
  ),
  essf: z
    .object({
      riskLevel: z.enum(EssfRiskLevels),
      screenedOn: IsoDateSchema,
      mitigation: z.string().nullable(),
    })
    .nullable(),
  seahFocalPoint: z.object({ name: z.string(), email: z.string() }).nullable(),
  version: z.number().int().min(1),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
});
export type Project = z.infer<typeof ProjectSchema>;
export const GetProjectRequestSchema = z.object({ id: IdSchema });
export const ListProjectsQuerySchema = PageQuerySchema.extend({
  agreementId: IdSchema.optional(),
  q: z.string().trim().max(200).optional(),
});
export const ProjectPageSchema = pageOf(ProjectSchema);
export type ProjectPage = z.infer<typeof ProjectPageSchema>;
