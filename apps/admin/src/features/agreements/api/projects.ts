import { ProjectPageSchema, ProjectSchema } from '@pardev/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { auditKeyRoot } from '../../../lib/query-keys';

const base = '/api/v1/projects';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
export const projectKeys = {
  all: ['projects'] as const,
  byAgreement: (agreementId: string) => [...projectKeys.all, 'agreement', agreementId] as const,
};

export const agreementProjectsQueryOptions = (agreementId: string) =>
  queryOptions({
    queryKey: projectKeys.byAgreement(agreementId),
    queryFn: ({ signal }) =>
      apiRequest(base, { query: { agreementId, pageSize: 100 }, schema: ProjectPageSchema, signal }),
  });

export const useAgreementProjects = (agreementId: string) =>
  useQuery(agreementProjectsQueryOptions(agreementId));

export type ProjectCommand =
  | { kind: 'create'; body: unknown }
  | { kind: 'update'; id: string; body: unknown }
  | { kind: 'expenditures'; id: string; body: unknown };

const send = (command: ProjectCommand) => {
  switch (command.kind) {
    case 'create':
      return apiRequest(base, { method: 'POST', body: command.body, schema: ProjectSchema });
    case 'update':
      return apiRequest(one(command.id), { method: 'PUT', body: command.body, schema: ProjectSchema });
    case 'expenditures':
      return apiRequest(`${one(command.id)}/expenditures`, {
        method: 'PUT',
        body: command.body,
        schema: ProjectSchema,
      });
  }
};

export const useProjectCommand = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: projectKeys.all });
      void queryClient.invalidateQueries({ queryKey: auditKeyRoot });
    },
  });
};
