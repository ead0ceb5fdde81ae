import type { AuditEntry, AuditPage } from '@pardev/contracts';
import { describe, expect, it } from 'vitest';
import { mergePages } from './merge-pages';

// Ids as UUIDv7 would make them: a larger number is a later entry.
const entry = (n: number, source: string): AuditEntry => ({
  id: `0192f7a4-0000-7000-8000-${String(n).padStart(12, '0')}`,
  occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  source,
  actorId: null,
  actorRoles: [],
  action: 'partner.updated',
  entityType: 'partner',
  entityId: 'p',
  changes: [],
  note: null,
  correlationId: null,
});

/** A source holding entries `numbers`, answering as AuditTrail.search does. */
const source =
  (name: string, numbers: number[]) =>
  (limit: number, cursor?: string): AuditPage => {
    const older = numbers
      .map((n) => entry(n, name))
      .filter((e) => !cursor || e.id < cursor)
      .sort((a, b) => (a.id < b.id ? 1 : -1));
    const items = older.slice(0, limit);
    return { items, nextCursor: older.length > limit ? items.at(-1)!.id : null };
  };

describe('mergePages', () => {
  it('pages through several sources newest first, without skipping or repeating an entry', () => {
    const sources = [
      source('identity', [1, 4, 9, 10]),
      source('partners', [2, 3, 5, 11, 12]),
      source('results', [6]),
    ];
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let round = 0; round < 10; round++) {
      const page = mergePages(
        sources.map((s) => s(3, cursor)),
        3,
      );
      seen.push(...page.items.map((e) => Number(e.id.slice(-12))));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([12, 11, 10, 9, 6, 5, 4, 3, 2, 1]);
  });

  it('has no next cursor when every source is exhausted', () => {
    expect(mergePages([source('a', [1])(5), source('b', [])(5)], 5)).toEqual({
      items: [entry(1, 'a')],
      nextCursor: null,
    });
  });
});
