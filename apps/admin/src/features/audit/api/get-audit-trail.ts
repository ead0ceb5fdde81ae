import { AuditViewPageSchema, type ParsedAuditQuery } from '@pardev/contracts';
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { auditKeys, nextCursorOf, type AuditFilters } from './audit-keys';

export const AuditTrailPageSize = 50;

export const getAuditTrail = (query: ParsedAuditQuery, signal?: AbortSignal) =>
  apiRequest('/api/v1/audit', { query: { ...query }, schema: AuditViewPageSchema, signal });

export const auditTrailQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.trail(filters),
    queryFn: ({ pageParam, signal }) =>
      getAuditTrail({ ...filters, cursor: pageParam, limit: AuditTrailPageSize }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    // Changing a filter keeps the previous entries on screen instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });

/** The audit trail, newest first; `enabled` is false while the filters are not valid. */
export const useAuditTrail = (filters: AuditFilters, enabled: boolean) =>
  useInfiniteQuery({ ...auditTrailQueryOptions(filters), enabled });
