import { z } from 'zod';
import { IdSchema, PageQuerySchema, pageOf } from '../common/primitives';
import { PartnerCategorySchema } from '../partners/partner.contracts';

// A partner as the agreement form offers it: agreements-service's local copy of partner events.
export const PartnerOptionSchema = z.object({
  id: IdSchema,
  name: z.string(),
  acronym: z.string().nullable(),
  category: PartnerCategorySchema,
  country: z.string().nullable(),
  /** A red flag or an expired mandatory check: not to be added to an agreement not yet signed. */
  blockedForNewAgreements: z.boolean(),
});
export type PartnerOption = z.infer<typeof PartnerOptionSchema>;

export const ListPartnerOptionsQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
});
export type ListPartnerOptionsQuery = z.input<typeof ListPartnerOptionsQuerySchema>;

export const PartnerOptionPageSchema = pageOf(PartnerOptionSchema);
export type PartnerOptionPage = z.infer<typeof PartnerOptionPageSchema>;
