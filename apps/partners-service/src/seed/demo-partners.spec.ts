import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegisterPartnerRequestSchema } from '@pardev/contracts';
import { IloPartnerCategories } from '@pardev/reference-data';
import { describe, expect, it } from 'vitest';

// Demo seed data: real organisation names, illustrative use only.
const partners: unknown[] = JSON.parse(
  readFileSync(join(__dirname, 'demo-partners.json'), 'utf8'),
) as unknown[];

const EXPECTED_KEYS = ['acronym', 'category', 'country', 'name', 'organisationType'];

const asRecord = (value: unknown): Record<string, unknown> => value as Record<string, unknown>;

describe('demo partners seed', () => {
  it('is an array of 140 to 170 partners', () => {
    expect(Array.isArray(partners)).toBe(true);
    expect(partners.length).toBeGreaterThanOrEqual(140);
    expect(partners.length).toBeLessThanOrEqual(170);
  });

  it('has exactly the fields name, acronym, organisationType, category and country on every entry', () => {
    const wrong = partners
      .map((entry, index) => ({
        index,
        keys: Object.keys(asRecord(entry)).sort(),
      }))
      .filter(({ keys }) => keys.join(',') !== EXPECTED_KEYS.join(','))
      .map(({ index, keys }) => `#${index}: ${keys.join(', ')}`);
    expect(wrong).toEqual([]);
  });

  it('parses every entry with RegisterPartnerRequestSchema', () => {
    const failures = partners.flatMap((entry, index) => {
      const result = RegisterPartnerRequestSchema.safeParse(entry);
      if (result.success) return [];
      const name = String(asRecord(entry)['name'] ?? '?');
      return result.error.issues.map(
        (issue) => `#${index} (${name}) ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      );
    });
    expect(failures).toEqual([]);
  });

  it('covers every ILO partner category', () => {
    const seen = new Set(partners.map((entry) => asRecord(entry)['category']));
    const missing = IloPartnerCategories.filter((category) => !seen.has(category));
    expect(missing).toEqual([]);
  });

  it('has unique names (case-insensitive, trimmed)', () => {
    const firstIndex = new Map<string, number>();
    const duplicates: string[] = [];
    partners.forEach((entry, index) => {
      const key = String(asRecord(entry)['name']).trim().toLowerCase();
      const previous = firstIndex.get(key);
      if (previous === undefined) firstIndex.set(key, index);
      else duplicates.push(`#${index} duplicates #${previous}: ${key}`);
    });
    expect(duplicates).toEqual([]);
  });
});
