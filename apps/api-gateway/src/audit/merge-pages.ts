import type { AuditPage } from '@pardev/contracts';

/**
 * Merges the newest-first pages of several sources into one page of `limit` entries. Ids are
 * UUIDv7 (time-ordered), so one order holds across sources and the last id is the next cursor:
 * asking every source again for entries older than it never skips or repeats one.
 */
export const mergePages = (pages: readonly AuditPage[], limit: number): AuditPage => {
  const all = pages.flatMap((page) => page.items).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const items = all.slice(0, limit);
  const more = all.length > limit || pages.some((page) => page.nextCursor !== null);
  return { items, nextCursor: more && items.length > 0 ? items[items.length - 1]!.id : null };
};
