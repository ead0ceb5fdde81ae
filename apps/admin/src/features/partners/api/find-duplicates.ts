import { DuplicateCandidatesSchema } from '@pardev/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { partnerKeys, type DuplicatesQuery } from './partner-keys';

export const findDuplicates = (query: DuplicatesQuery, signal?: AbortSignal) =>
  apiRequest('/api/v1/partners/duplicates', {
    query: { ...query },
    schema: DuplicateCandidatesSchema,
    signal,
  });

/** Partners that may be the one being registered; nothing is asked until `query` is given. */
export const useDuplicates = (query: DuplicatesQuery | null) =>
  useQuery({
    ...queryOptions({
      queryKey: partnerKeys.duplicates(query ?? { name: '' }),
      queryFn: ({ signal }) => findDuplicates(query ?? { name: '' }, signal),
    }),
    enabled: query !== null,
    // The warning stays on screen while the next keystroke's answer comes.
    placeholderData: keepPreviousData,
  });
