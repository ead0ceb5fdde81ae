import { PartnerSchema } from '@pardev/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { partnerKeys } from './partner-keys';

export const getPartner = (id: string, signal?: AbortSignal) =>
  apiRequest(`/api/v1/partners/${encodeURIComponent(id)}`, { schema: PartnerSchema, signal });

export const partnerQueryOptions = (id: string) =>
  queryOptions({
    queryKey: partnerKeys.detail(id),
    queryFn: ({ signal }) => getPartner(id, signal),
  });

export const usePartner = (id: string) => useQuery(partnerQueryOptions(id));
