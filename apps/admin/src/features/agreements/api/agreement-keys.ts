import type { ListAgreementsQuerySchema } from '@pardev/contracts';
import type { z } from 'zod';
import { partnerOptionsKeyRoot } from '../../../lib/query-keys';

/** The list query after the contract's defaults: what the URL yields and the cache is keyed by. */
export type AgreementsQuery = z.output<typeof ListAgreementsQuerySchema>;

const root = ['agreements'] as const;

export const agreementKeys = {
  all: root,
  lists: () => [...root, 'list'] as const,
  list: (query: AgreementsQuery) => [...agreementKeys.lists(), query] as const,
  details: () => [...root, 'detail'] as const,
  detail: (id: string) => [...agreementKeys.details(), id] as const,
  tranches: (id: string) => [...root, 'tranches', id] as const,
  amendments: (id: string) => [...root, 'amendments', id] as const,
  versions: (id: string) => [...root, 'versions', id] as const,
  obligations: (id: string) => [...root, 'obligations', id] as const,
  partnerOptions: partnerOptionsKeyRoot,
};

export const currencyRateKeys = {
  all: ['currency-rates'] as const,
  list: (query: { month?: string | undefined; currency?: string | undefined }) =>
    [...currencyRateKeys.all, query] as const,
};
