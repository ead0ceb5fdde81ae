import { z } from 'zod';
import { IdSchema, PageQuerySchema, pageOf } from '../common/primitives';
import { PartnerCategorySchema } from '../partners/partner.contracts';

// results-service keeps its own partner directory for the portfolio read model.
export const DirectoryPartnerSchema = z.object({
  id: IdSchema,
  name: z.string(),
  acronym: z.string().nullable(),
  category: PartnerCategorySchema,
  country: z.string().nullable(),
});
export type DirectoryPartner = z.infer<typeof DirectoryPartnerSchema>;

export const ListDirectoryPartnersQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
});
export const DirectoryPartnerPageSchema = pageOf(DirectoryPartnerSchema);
