import { DueDiligenceSchema } from '@pardev/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { dueDiligenceKeys, partnerApiPath } from './due-diligence-keys';

export const getDueDiligence = (partnerId: string, signal?: AbortSignal) =>
  apiRequest(`${partnerApiPath(partnerId)}/due-diligence`, { schema: DueDiligenceSchema, signal });

export const dueDiligenceQueryOptions = (partnerId: string) =>
  queryOptions({
    queryKey: dueDiligenceKeys.partner(partnerId),
    queryFn: ({ signal }) => getDueDiligence(partnerId, signal),
  });

/** A partner's latest checks, its flags and whether it is blocked, as far as the reader may see them. */
export const useDueDiligence = (partnerId: string) => useQuery(dueDiligenceQueryOptions(partnerId));
