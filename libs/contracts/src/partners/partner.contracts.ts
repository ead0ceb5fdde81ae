import { z } from 'zod';
import {
  CountryBoundPartnerCategories,
  IloPartnerCategories,
  OrganisationType,
  activeItems,
} from '@pardev/reference-data';
import { CountryCodeSchema, IdSchema, IsoInstantSchema, PageQuerySchema, pageOf } from '../common/primitives';

export const PartnerCategorySchema = z.enum(IloPartnerCategories, {
  message: `must be one of ${IloPartnerCategories.join(', ')}`,
});
export type PartnerCategory = z.infer<typeof PartnerCategorySchema>;

const organisationTypeCodes = activeItems(OrganisationType).map((item) => item.code);
// IATI OrganisationType code, e.g. "10" (government), "40" (multilateral).
export const OrganisationTypeSchema = z.enum(organisationTypeCodes as [string, ...string[]], {
  message: `must be an IATI OrganisationType code (${organisationTypeCodes.join(', ')})`,
});

const trimmed = (max: number) => z.string().trim().min(1, { message: 'is required' }).max(max);

const partnerFields = z.object({
  name: trimmed(200),
  acronym: trimmed(30)
    .nullish()
    .transform((v) => v ?? null),
  organisationType: OrganisationTypeSchema,
  category: PartnerCategorySchema,
  country: CountryCodeSchema.nullish().transform((v) => v ?? null),
});

// A State partner (government, domestic funding) always belongs to a country.
const countryRequiredForCategory = (
  partner: { category: PartnerCategory; country: string | null },
  ctx: z.RefinementCtx,
): void => {
  if (CountryBoundPartnerCategories.includes(partner.category) && !partner.country) {
    ctx.addIssue({
      code: 'custom',
      path: ['country'],
      message: `is required for category ${partner.category}`,
      params: { rule: 'required_for_category' },
    });
  }
};

const VersionSchema = z.number({ message: 'must be a number' }).int().min(1);

// At most ten colleagues, each named once, never the responsible officer again.
const DelegateIdsSchema = z
  .array(IdSchema)
  .max(10, { message: 'must name at most 10 delegates' })
  .refine((ids) => new Set(ids).size === ids.length, { message: 'must not name a delegate twice' });

export const RegisterPartnerRequestSchema = partnerFields
  .extend({
    // Who manages the relationship. An officer who registers a partner becomes it when this is empty.
    responsibleOfficerId: IdSchema.nullish().transform((v) => v ?? null),
  })
  .superRefine(countryRequiredForCategory);
export type RegisterPartnerRequest = z.input<typeof RegisterPartnerRequestSchema>;
export type RegisterPartnerCommand = z.output<typeof RegisterPartnerRequestSchema>;

/** HTTP body of PUT /partners/:id: the whole profile and the version it was read at. */
export const UpdatePartnerBodySchema = partnerFields
  .extend({ version: VersionSchema })
  .superRefine(countryRequiredForCategory);
export type UpdatePartnerBody = z.input<typeof UpdatePartnerBodySchema>;
export const UpdatePartnerRequestSchema = partnerFields
  .extend({ id: IdSchema, version: VersionSchema })
  .superRefine(countryRequiredForCategory);
export type UpdatePartnerCommand = z.output<typeof UpdatePartnerRequestSchema>;

const responsibilityFields = z.object({
  version: VersionSchema,
  responsibleOfficerId: IdSchema.nullable(),
  delegateIds: DelegateIdsSchema,
});
const officerIsNotADelegate = (
  value: { responsibleOfficerId: string | null; delegateIds: string[] },
  ctx: z.RefinementCtx,
): void => {
  if (value.responsibleOfficerId && value.delegateIds.includes(value.responsibleOfficerId)) {
    ctx.addIssue({
      code: 'custom',
      path: ['delegateIds'],
      message: 'must not include the responsible officer',
      params: { rule: 'not_the_responsible_officer' },
    });
  }
};
/** HTTP body of PUT /partners/:id/responsibility. */
export const AssignPartnerBodySchema = responsibilityFields.superRefine(officerIsNotADelegate);
export type AssignPartnerBody = z.input<typeof AssignPartnerBodySchema>;
export const AssignPartnerRequestSchema = responsibilityFields
  .extend({ id: IdSchema })
  .superRefine(officerIsNotADelegate);
export type AssignPartnerCommand = z.output<typeof AssignPartnerRequestSchema>;

// prospect, active, inactive: set by people; blocked: while the due-diligence rules say so
// (a red flag, an expired mandatory check), whatever the status underneath.
export const PartnerStatuses = ['PROSPECT', 'ACTIVE', 'INACTIVE', 'BLOCKED'] as const;
export const PartnerStatusSchema = z.enum(PartnerStatuses, {
  message: `must be one of ${PartnerStatuses.join(', ')}`,
});
export type PartnerStatus = z.infer<typeof PartnerStatusSchema>;

// A partner as it is stored, in replies and in the events that carry its state.
const partnerState = {
  name: z.string(),
  acronym: z.string().nullable(),
  organisationType: z.string(),
  category: PartnerCategorySchema,
  country: z.string().nullable(),
};
const partnerResponsibility = {
  responsibleOfficerId: IdSchema.nullable(),
  delegateIds: z.array(IdSchema),
};

export const PartnerSchema = z.object({
  id: IdSchema,
  ...partnerState,
  ...partnerResponsibility,
  status: PartnerStatusSchema,
  blockedForNewAgreements: z.boolean(),
  version: z.number().int().min(1),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
});
export type Partner = z.infer<typeof PartnerSchema>;

export const GetPartnerRequestSchema = z.object({ id: IdSchema });
export type GetPartnerRequest = z.infer<typeof GetPartnerRequestSchema>;

export const ListPartnersQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  // Partners this user manages or is a delegate for ("my partners").
  assignedTo: IdSchema.optional(),
});
export type ListPartnersQuery = z.input<typeof ListPartnersQuerySchema>;

export const PartnerPageSchema = pageOf(PartnerSchema);
export type PartnerPage = z.infer<typeof PartnerPageSchema>;

// Event v1: additive changes only; a breaking change becomes partners.partner.registered.v2.
export const PartnerRegisteredV1Schema = z.object({
  partnerId: IdSchema,
  ...partnerState,
  version: z.number().int().min(1),
  registeredAt: IsoInstantSchema,
});
export type PartnerRegisteredV1 = z.infer<typeof PartnerRegisteredV1Schema>;

// Event v1: the partner's profile or responsibility changed; carries the whole new state.
export const PartnerUpdatedV1Schema = z.object({
  partnerId: IdSchema,
  ...partnerState,
  ...partnerResponsibility,
  version: z.number().int().min(1),
  updatedAt: IsoInstantSchema,
});
export type PartnerUpdatedV1 = z.infer<typeof PartnerUpdatedV1Schema>;
