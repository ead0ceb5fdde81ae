import type { FindDuplicatesQuerySchema, ListPartnersQuerySchema } from '@pardev/contracts';
import type { z } from 'zod';
import { partnerKeyRoot } from '../../../lib/query-keys';

/** The list query after the contract's defaults: what the URL yields and the cache is keyed by. */
export type PartnersQuery = z.output<typeof ListPartnersQuerySchema>;

/** Possible duplicates of a partner about to be registered. */
export type DuplicatesQuery = z.input<typeof FindDuplicatesQuerySchema>;

export const partnerKeys = {
  all: partnerKeyRoot,
  lists: () => [...partnerKeys.all, 'list'] as const,
  list: (query: PartnersQuery) => [...partnerKeys.lists(), query] as const,
  duplicates: (query: DuplicatesQuery) => [...partnerKeys.all, 'duplicates', query] as const,
  details: () => [...partnerKeys.all, 'detail'] as const,
  detail: (id: string) => [...partnerKeys.details(), id] as const,
  timeline: (id: string) => [...partnerKeys.all, 'timeline', id] as const,
};
