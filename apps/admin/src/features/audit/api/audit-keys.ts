import type { ParsedAuditQuery } from '@pardev/contracts';
import { auditKeyRoot } from '../../../lib/query-keys';

/** The audit trail's filters (everything of the query but its paging). */
export type AuditFilters = Omit<ParsedAuditQuery, 'cursor' | 'limit'>;

/** Kinds of record with a history of their own (GET /<records>/:id/history). */
export type RecordWithHistory = 'partner' | 'agreement';

export const auditKeys = {
  all: auditKeyRoot,
  trails: () => [...auditKeyRoot, 'trail'] as const,
  trail: (filters: AuditFilters) => [...auditKeys.trails(), filters] as const,
  histories: () => [...auditKeyRoot, 'history'] as const,
  history: (entityType: RecordWithHistory, entityId: string) =>
    [...auditKeys.histories(), entityType, entityId] as const,
};

/** Newer entries first; the next page starts after the last entry seen (its id is the cursor). */
export const nextCursorOf = (page: { nextCursor: string | null }): string | undefined =>
  page.nextCursor ?? undefined;
