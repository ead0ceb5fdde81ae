import { PartnerSchema } from '@pardev/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** Fetches the latest version of a partner (after a 409), for the form and every view of it. */
export const useReloadPartner = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => queryClient.fetchQuery({ ...partnerQueryOptions(id), staleTime: 0 }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.lists() }),
  });
};
