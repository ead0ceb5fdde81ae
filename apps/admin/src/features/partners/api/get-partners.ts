import { PartnerPageSchema } from '@pardev/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { partnerKeys, type PartnersQuery } from './partner-keys';

export const getPartners = (query: PartnersQuery, signal?: AbortSignal) =>
  apiRequest('/api/v1/partners', { query: { ...query }, schema: PartnerPageSchema, signal });

export const partnersQueryOptions = (query: PartnersQuery) =>
  queryOptions({
    queryKey: partnerKeys.list(query),
    queryFn: ({ signal }) => getPartners(query, signal),
    // Paging and searching keep the previous page on screen instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });

export const usePartners = (query: PartnersQuery) => useQuery(partnersQueryOptions(query));
