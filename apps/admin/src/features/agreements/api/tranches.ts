import { TrancheScheduleSchema, type RecordReceiptBody, type TrancheBody } from '@pardev/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { auditKeyRoot } from '../../../lib/query-keys';
import { agreementKeys } from './agreement-keys';

const schedulePath = (agreementId: string) =>
  `/api/v1/agreements/${encodeURIComponent(agreementId)}/tranches`;
const tranchePath = (agreementId: string, trancheId: string) =>
  `${schedulePath(agreementId)}/${encodeURIComponent(trancheId)}`;

export const trancheScheduleQueryOptions = (agreementId: string) =>
  queryOptions({
    queryKey: agreementKeys.tranches(agreementId),
    queryFn: ({ signal }) => apiRequest(schedulePath(agreementId), { schema: TrancheScheduleSchema, signal }),
  });

export const useTrancheSchedule = (agreementId: string) => useQuery(trancheScheduleQueryOptions(agreementId));

export type TrancheCommand =
  | { kind: 'add'; body: TrancheBody }
  | { kind: 'edit'; trancheId: string; body: TrancheBody }
  | { kind: 'cancel'; trancheId: string; reason: string }
  | { kind: 'invoice'; trancheId: string; invoicedOn: string; invoiceReference: string | null }
  | { kind: 'receipt'; trancheId: string; body: RecordReceiptBody };

const send = (agreementId: string, command: TrancheCommand) => {
  switch (command.kind) {
    case 'add':
      return apiRequest(schedulePath(agreementId), {
        method: 'POST',
        body: command.body,
        schema: TrancheScheduleSchema,
      });
    case 'edit':
      return apiRequest(tranchePath(agreementId, command.trancheId), {
        method: 'PUT',
        body: command.body,
        schema: TrancheScheduleSchema,
      });
    case 'cancel':
      return apiRequest(`${tranchePath(agreementId, command.trancheId)}/cancel`, {
        method: 'POST',
        body: { reason: command.reason },
        schema: TrancheScheduleSchema,
      });
    case 'invoice':
      return apiRequest(`${tranchePath(agreementId, command.trancheId)}/invoice`, {
        method: 'POST',
        body: { invoicedOn: command.invoicedOn, invoiceReference: command.invoiceReference },
        schema: TrancheScheduleSchema,
      });
    case 'receipt':
      return apiRequest(`${tranchePath(agreementId, command.trancheId)}/receipt`, {
        method: 'POST',
        body: command.body,
        schema: TrancheScheduleSchema,
      });
  }
};

/** Every change to the plan or the money answers the whole schedule; the agreement's sums move too. */
export const useTrancheCommand = (agreementId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (command: TrancheCommand) => send(agreementId, command),
    onSuccess: (schedule) => {
      queryClient.setQueryData(agreementKeys.tranches(agreementId), schedule);
      void queryClient.invalidateQueries({ queryKey: agreementKeys.detail(agreementId) });
      void queryClient.invalidateQueries({ queryKey: agreementKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: auditKeyRoot });
    },
  });
};
