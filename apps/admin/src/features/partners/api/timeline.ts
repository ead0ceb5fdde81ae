import { PartnerTimelineSchema } from '@pardev/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { partnerKeys } from './partner-keys';

const PageSize = 30;

/** What happened with the partner's agreements, newest first, a page at a time (by cursor). */
export const usePartnerTimeline = (partnerId: string) =>
  useInfiniteQuery({
    queryKey: partnerKeys.timeline(partnerId),
    queryFn: ({ pageParam, signal }) =>
      apiRequest(`/api/v1/partners/${encodeURIComponent(partnerId)}/timeline`, {
        query: { cursor: pageParam, limit: PageSize },
        schema: PartnerTimelineSchema,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
