import { ExpiringChecksSchema } from '@pardev/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { dueDiligenceKeys } from './due-diligence-keys';

export const getExpiringChecks = (days: number, signal?: AbortSignal) =>
  apiRequest('/api/v1/due-diligence/expiring', { query: { days }, schema: ExpiringChecksSchema, signal });

export const expiringChecksQueryOptions = (days: number) =>
  queryOptions({
    queryKey: dueDiligenceKeys.expiring(days),
    queryFn: ({ signal }) => getExpiringChecks(days, signal),
    // Another period keeps the current list on screen instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });

/** Checks that have expired or expire within `days`, with their partner's name. */
export const useExpiringChecks = (days: number) => useQuery(expiringChecksQueryOptions(days));
