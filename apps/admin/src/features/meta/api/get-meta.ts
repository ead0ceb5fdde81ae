import { queryOptions, useQuery } from '@tanstack/react-query';
import { MetaSchema } from '@pardev/contracts';
import { apiRequest } from '../../../lib/api-client';

export const metaQueryKey = ['meta'] as const;

export const getMeta = (signal?: AbortSignal) => apiRequest('/api/v1/meta', { schema: MetaSchema, signal });

export const metaQueryOptions = () =>
  queryOptions({
    queryKey: metaQueryKey,
    queryFn: ({ signal }) => getMeta(signal),
    staleTime: Infinity,
    retry: false,
  });

export const useMeta = () => useQuery(metaQueryOptions());
