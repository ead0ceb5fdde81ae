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
export const RegisterPartnerRequestSchema = partnerFields.superRefine((partner, ctx) => {
  if (CountryBoundPartnerCategories.includes(partner.category) && !partner.country) {
    ctx.addIssue({
      code: 'custom',
      path: ['country'],
      message: `is required for category ${partner.category}`,
      params: { rule: 'required_for_category' },
    });
  }
});
export type RegisterPartnerRequest = z.input<typeof RegisterPartnerRequestSchema>;
export type RegisterPartnerCommand = z.output<typeof RegisterPartnerRequestSchema>;

export const PartnerSchema = z.object({
  id: IdSchema,
  name: z.string(),
  acronym: z.string().nullable(),
  organisationType: z.string(),
  category: PartnerCategorySchema,
  country: z.string().nullable(),
  version: z.number().int().min(1),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
});
export type Partner = z.infer<typeof PartnerSchema>;

export const GetPartnerRequestSchema = z.object({ id: IdSchema });
export type GetPartnerRequest = z.infer<typeof GetPartnerRequestSchema>;

export const ListPartnersQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
});
export type ListPartnersQuery = z.input<typeof ListPartnersQuerySchema>;

export const PartnerPageSchema = pageOf(PartnerSchema);
export type PartnerPage = z.infer<typeof PartnerPageSchema>;

// Event v1: additive changes only; a breaking change becomes partners.partner.registered.v2.
export const PartnerRegisteredV1Schema = z.object({
  partnerId: IdSchema,
  name: z.string(),
  acronym: z.string().nullable(),
  organisationType: z.string(),
  category: PartnerCategorySchema,
  country: z.string().nullable(),
  version: z.number().int().min(1),
  registeredAt: IsoInstantSchema,
});
export type PartnerRegisteredV1 = z.infer<typeof PartnerRegisteredV1Schema>;
