import {
  AgreementPageSchema,
  AgreementSchema,
  type Agreement,
  type CreateAgreementRequest,
  type TransitionBody,
  type AssignAgreementBodySchema,
  type UpdateAgreementBody,
} from '@pardev/contracts';
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest, buildUrl, type QueryParams } from '../../../lib/api-client';
import { auditKeyRoot } from '../../../lib/query-keys';
import { agreementKeys, type AgreementsQuery } from './agreement-keys';

const base = '/api/v1/agreements';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const getAgreements = (query: AgreementsQuery, signal?: AbortSignal) =>
  apiRequest(base, { query: { ...query }, schema: AgreementPageSchema, signal });

export const agreementsQueryOptions = (query: AgreementsQuery) =>
  queryOptions({
    queryKey: agreementKeys.list(query),
    queryFn: ({ signal }) => getAgreements(query, signal),
    placeholderData: keepPreviousData,
  });

export const useAgreements = (query: AgreementsQuery) => useQuery(agreementsQueryOptions(query));

export type ExportFormat = 'csv' | 'xlsx';

/** The export of exactly what the list shows: its search, filters and order, every page. */
export const agreementsExportUrl = (query: QueryParams, format: ExportFormat): string =>
  buildUrl(`${base}/export`, { ...query, page: undefined, pageSize: undefined, format });

export const getAgreement = (id: string, signal?: AbortSignal) =>
  apiRequest(one(id), { schema: AgreementSchema, signal });

export const agreementQueryOptions = (id: string) =>
  queryOptions({ queryKey: agreementKeys.detail(id), queryFn: ({ signal }) => getAgreement(id, signal) });

export const useAgreement = (id: string) => useQuery(agreementQueryOptions(id));

/** After any change: the record as the server answered it, the lists and its history refreshed. */
export const agreementChanged = (queryClient: QueryClient, agreement: Agreement) => {
  queryClient.setQueryData(agreementKeys.detail(agreement.id), agreement);
  void queryClient.invalidateQueries({ queryKey: agreementKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: agreementKeys.tranches(agreement.id) });
  void queryClient.invalidateQueries({ queryKey: auditKeyRoot });
};

export const createAgreement = (body: CreateAgreementRequest) =>
  apiRequest(base, { method: 'POST', body, schema: AgreementSchema });

export const useCreateAgreement = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAgreement,
    onSuccess: (agreement) => agreementChanged(queryClient, agreement),
  });
};

export const updateAgreement = ({ id, body }: { id: string; body: UpdateAgreementBody }) =>
  apiRequest(one(id), { method: 'PUT', body, schema: AgreementSchema });

export const useUpdateAgreement = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAgreement,
    onSuccess: (agreement) => agreementChanged(queryClient, agreement),
  });
};

export const transitionAgreement = ({ id, body }: { id: string; body: TransitionBody }) =>
  apiRequest(`${one(id)}/transitions`, { method: 'POST', body, schema: AgreementSchema });

export const useTransitionAgreement = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionAgreement,
    onSuccess: (agreement) => agreementChanged(queryClient, agreement),
  });
};

export const assignAgreement = ({
  id,
  body,
}: {
  id: string;
  body: z.input<typeof AssignAgreementBodySchema>;
}) => apiRequest(`${one(id)}/responsibility`, { method: 'PUT', body, schema: AgreementSchema });

export const useAssignAgreement = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignAgreement,
    onSuccess: (agreement) => agreementChanged(queryClient, agreement),
  });
};

/** Fetches the latest version of an agreement (after a 409), for the form and every view of it. */
export const useReloadAgreement = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => queryClient.fetchQuery({ ...agreementQueryOptions(id), staleTime: 0 }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementKeys.lists() }),
  });
};
