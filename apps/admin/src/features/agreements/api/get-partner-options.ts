import { PartnerOptionPageSchema, type ListPartnerOptionsQuerySchema } from '@pardev/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { partnerOptionsKeyRoot } from '../../../lib/query-keys';

export type PartnerOptionsQuery = z.output<typeof ListPartnerOptionsQuerySchema>;

export const partnerOptionKeys = {
  all: partnerOptionsKeyRoot,
  list: (query: PartnerOptionsQuery) => [...partnerOptionKeys.all, query] as const,
};

export const getPartnerOptions = (query: PartnerOptionsQuery, signal?: AbortSignal) =>
  apiRequest('/api/v1/agreements/partner-options', {
    query: { ...query },
    schema: PartnerOptionPageSchema,
    signal,
  });

export const partnerOptionsQueryOptions = (query: PartnerOptionsQuery) =>
  queryOptions({
    queryKey: partnerOptionKeys.list(query),
    queryFn: ({ signal }) => getPartnerOptions(query, signal),
    placeholderData: keepPreviousData,
  });

export const usePartnerOptions = (query: PartnerOptionsQuery) => useQuery(partnerOptionsQueryOptions(query));
