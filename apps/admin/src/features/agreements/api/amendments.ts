import {
  AgreementVersionListSchema,
  AmendmentListSchema,
  AmendmentSchema,
  VersionDiffSchema,
  type ProposeAmendmentBody,
} from '@pardev/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { auditKeyRoot } from '../../../lib/query-keys';
import { agreementKeys } from './agreement-keys';

const base = (agreementId: string) => `/api/v1/agreements/${encodeURIComponent(agreementId)}`;

export const amendmentsQueryOptions = (agreementId: string) =>
  queryOptions({
    queryKey: agreementKeys.amendments(agreementId),
    queryFn: ({ signal }) =>
      apiRequest(`${base(agreementId)}/amendments`, { schema: AmendmentListSchema, signal }),
  });

export const useAmendments = (agreementId: string) => useQuery(amendmentsQueryOptions(agreementId));

export const useAgreementVersions = (agreementId: string) =>
  useQuery({
    queryKey: agreementKeys.versions(agreementId),
    queryFn: ({ signal }) =>
      apiRequest(`${base(agreementId)}/versions`, { schema: AgreementVersionListSchema, signal }),
  });

/** The changes between two versions of the terms (none asked: nothing fetched). */
export const useVersionDiff = (agreementId: string, pair: { from: number; to: number } | null) =>
  useQuery({
    queryKey: [...agreementKeys.versions(agreementId), 'diff', pair] as const,
    queryFn: ({ signal }) =>
      apiRequest(`${base(agreementId)}/versions/diff`, {
        query: { from: pair?.from, to: pair?.to },
        schema: VersionDiffSchema,
        signal,
      }),
    enabled: pair !== null,
    placeholderData: keepPreviousData,
  });

/** After a proposal or a decision: the amendments, the versions, the agreement and its history. */
const useAmendmentChanged = (agreementId: string) => {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: agreementKeys.amendments(agreementId) });
    void queryClient.invalidateQueries({ queryKey: agreementKeys.versions(agreementId) });
    void queryClient.invalidateQueries({ queryKey: agreementKeys.detail(agreementId) });
    void queryClient.invalidateQueries({ queryKey: agreementKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: auditKeyRoot });
  };
};

export const useProposeAmendment = (agreementId: string) => {
  const changed = useAmendmentChanged(agreementId);
  return useMutation({
    mutationFn: (body: ProposeAmendmentBody) =>
      apiRequest(`${base(agreementId)}/amendments`, { method: 'POST', body, schema: AmendmentSchema }),
    onSuccess: changed,
  });
};

export type AmendmentDecision =
  | { decision: 'approve'; amendmentId: string; version: number; signedOn: string }
  | { decision: 'reject'; amendmentId: string; version: number; reason: string };

export const useDecideAmendment = (agreementId: string) => {
  const changed = useAmendmentChanged(agreementId);
  return useMutation({
    mutationFn: (input: AmendmentDecision) =>
      apiRequest(
        `${base(agreementId)}/amendments/${encodeURIComponent(input.amendmentId)}/${input.decision}`,
        {
          method: 'POST',
          body:
            input.decision === 'approve'
              ? { version: input.version, signedOn: input.signedOn }
              : { version: input.version, reason: input.reason },
          schema: AmendmentSchema,
        },
      ),
    onSuccess: changed,
  });
};
