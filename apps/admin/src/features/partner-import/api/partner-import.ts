import { PartnerImportRowPageSchema, PartnerImportSchema, type PartnerImport } from '@pardev/contracts';
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { apiRequest } from '../../../lib/api-client';
import { auditKeyRoot, partnerKeyRoot, partnerOptionsKeyRoot } from '../../../lib/query-keys';
import { importKeys, type ImportRowsQuery } from './import-keys';

const importsPath = '/api/v1/partners/imports';
const importPath = (id: string) => `${importsPath}/${encodeURIComponent(id)}`;

/** How often a running import is asked how far it got. */
export const IMPORT_POLL_MS = 500;

export interface UploadImportInput {
  file: Blob;
  fileName: string;
  contentType: string;
}

/** Sends the file; the answer is the dry run (status READY), or a problem with the file itself. */
export const uploadImport = ({ file, fileName, contentType }: UploadImportInput) =>
  apiRequest(importsPath, {
    method: 'POST',
    query: { fileName },
    raw: { content: file, contentType },
    schema: PartnerImportSchema,
  });

export const useUploadImport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadImport,
    onSuccess: (partnerImport) =>
      queryClient.setQueryData(importKeys.detail(partnerImport.id), partnerImport),
  });
};

export const importQueryOptions = (id: string, pollMs = IMPORT_POLL_MS) =>
  queryOptions({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(importPath(id), { schema: PartnerImportSchema, signal }),
    // While the rows are written, the import is asked again and again: its progress grows.
    refetchInterval: (query) => (query.state.data?.status === 'APPLYING' ? pollMs : false),
    // Polling must not pause when the person looks at another tab for a moment.
    refetchIntervalInBackground: true,
  });

/** Once the rows are written, the lists and the audit trail hold new partners and changes. */
const importFinished = async (queryClient: QueryClient, id: string) => {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: partnerKeyRoot }),
    queryClient.invalidateQueries({ queryKey: partnerOptionsKeyRoot }),
    queryClient.invalidateQueries({ queryKey: auditKeyRoot }),
    queryClient.invalidateQueries({ queryKey: importKeys.rowsOf(id) }),
  ]);
};

/** An import, polled while it is being applied; lists are refreshed once it is done. */
export const useImport = (id: string, pollMs = IMPORT_POLL_MS) => {
  const queryClient = useQueryClient();
  const result = useQuery(importQueryOptions(id, pollMs));
  const status = result.data?.status;
  const previous = useRef(status);
  useEffect(() => {
    if (status === 'DONE' && previous.current === 'APPLYING') void importFinished(queryClient, id);
    previous.current = status;
  }, [status, queryClient, id]);
  return result;
};

export const importRowsQueryOptions = (id: string, query: ImportRowsQuery) =>
  queryOptions({
    queryKey: importKeys.rows(id, query),
    queryFn: ({ signal }) =>
      apiRequest(`${importPath(id)}/rows`, {
        query: { outcome: query.outcome, page: query.page, pageSize: query.pageSize },
        schema: PartnerImportRowPageSchema,
        signal,
      }),
    // Paging keeps the previous rows on screen instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });

export const useImportRows = (id: string, query: ImportRowsQuery, enabled = true) =>
  useQuery({ ...importRowsQueryOptions(id, query), enabled });

/** Writes the rows that can be written; the answer says APPLYING and the polling takes over. */
export const useApplyImport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`${importPath(id)}/apply`, { method: 'POST', schema: PartnerImportSchema }),
    onSuccess: async (partnerImport: PartnerImport) => {
      queryClient.setQueryData(importKeys.detail(partnerImport.id), partnerImport);
      // A small file may be written before the answer comes back.
      if (partnerImport.status === 'DONE') await importFinished(queryClient, partnerImport.id);
    },
  });
};
