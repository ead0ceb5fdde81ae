import { AuditViewPageSchema, type HistoryQuerySchema } from '@pardev/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { auditKeys, nextCursorOf, type RecordWithHistory } from './audit-keys';

export const HistoryPageSize = 25;

/** A page of history after the contract's defaults: a cursor and a page size. */
type HistoryPageQuery = z.output<typeof HistoryQuerySchema>;

const historyRoots: Readonly<Record<RecordWithHistory, string>> = {
  partner: '/api/v1/partners',
  agreement: '/api/v1/agreements',
};

export const getRecordHistory = (
  entityType: RecordWithHistory,
  entityId: string,
  query: HistoryPageQuery,
  signal?: AbortSignal,
) =>
  apiRequest(`${historyRoots[entityType]}/${encodeURIComponent(entityId)}/history`, {
    query: { ...query },
    schema: AuditViewPageSchema,
    signal,
  });

export const recordHistoryQueryOptions = (entityType: RecordWithHistory, entityId: string) =>
  infiniteQueryOptions({
    queryKey: auditKeys.history(entityType, entityId),
    queryFn: ({ pageParam, signal }) =>
      getRecordHistory(entityType, entityId, { cursor: pageParam, limit: HistoryPageSize }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
  });

/** One record's audit entries, newest first. */
export const useRecordHistory = (entityType: RecordWithHistory, entityId: string) =>
  useInfiniteQuery(recordHistoryQueryOptions(entityType, entityId));
