import { ObligationListSchema, type SetObligationsBody } from '@pardev/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { auditKeyRoot, reportKeyRoot } from '../../../lib/query-keys';
import { agreementKeys } from './agreement-keys';

const path = (agreementId: string) => `/api/v1/agreements/${encodeURIComponent(agreementId)}/obligations`;

export const obligationsQueryOptions = (agreementId: string) =>
  queryOptions({
    queryKey: agreementKeys.obligations(agreementId),
    queryFn: ({ signal }) => apiRequest(path(agreementId), { schema: ObligationListSchema, signal }),
  });

export const useObligations = (agreementId: string) => useQuery(obligationsQueryOptions(agreementId));

/** Sets the whole list; the agreement's version moves, and the reports due follow (results-service). */
export const useSetObligations = (agreementId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetObligationsBody) =>
      apiRequest(path(agreementId), { method: 'PUT', body, schema: ObligationListSchema }),
    onSuccess: (list) => {
      queryClient.setQueryData(agreementKeys.obligations(agreementId), list);
      void queryClient.invalidateQueries({ queryKey: agreementKeys.detail(agreementId) });
      void queryClient.invalidateQueries({ queryKey: reportKeyRoot });
      void queryClient.invalidateQueries({ queryKey: auditKeyRoot });
    },
  });
};
