import type { AuditChange } from '@pardev/contracts';

type Snapshot = Readonly<Record<string, unknown>>;

// Bookkeeping every aggregate has; the entry itself says who and when.
const BOOKKEEPING = new Set(['version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy']);

// What goes into the trail: JSON values, dates as ISO instants, nothing that cannot be shown.
const plain = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  }
  return value === undefined ? null : value;
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export interface ChangeOptions {
  /** Fields that never enter the trail (secrets: password hashes, tokens). */
  readonly secret?: readonly string[];
  /** Secret fields whose change is still worth recording, without any value ("password: changed"). */
  readonly recordWithoutValue?: readonly string[];
}

/**
 * The fields that differ between two snapshots of a record, each with its value before and after.
 * `before` null: the record was created (every field, after only); `after` null: it was removed.
 */
export const changesBetween = (
  before: Snapshot | null,
  after: Snapshot | null,
  options: ChangeOptions = {},
): AuditChange[] => {
  const secret = new Set([...(options.secret ?? []), ...(options.recordWithoutValue ?? [])]);
  const withoutValue = new Set(options.recordWithoutValue ?? []);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: AuditChange[] = [];
  for (const field of fields) {
    if (BOOKKEEPING.has(field)) continue;
    const old = plain(before?.[field]);
    const now = plain(after?.[field]);
    if (before && after && same(old, now)) continue;
    if (secret.has(field)) {
      if (withoutValue.has(field) && !same(old, now)) changes.push({ field });
      continue;
    }
    const change: AuditChange = { field };
    if (before) change.before = old;
    if (after) change.after = now;
    changes.push(change);
  }
  return changes;
};
