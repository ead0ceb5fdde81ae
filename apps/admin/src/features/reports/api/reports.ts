import { ReportDuePageSchema, type ReportDueStatuses } from '@pardev/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { reportKeyRoot } from '../../../lib/query-keys';

export interface ReportsQuery {
  agreementId?: string | undefined;
  partnerId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: (typeof ReportDueStatuses)[number] | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** The reports due (results-service's calendar), by agreement, partner, dates or status. */
export const useReportsDue = (query: ReportsQuery) =>
  useQuery({
    queryKey: [...reportKeyRoot, query] as const,
    queryFn: ({ signal }) =>
      apiRequest('/api/v1/reports', { query: { ...query }, schema: ReportDuePageSchema, signal }),
    placeholderData: keepPreviousData,
  });
