import type { PartnerCategory } from '@pardev/contracts';

export const categoryLabelKey = (category: PartnerCategory) => `partners.category.${category}` as const;
