import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Contexts, eventContracts, requestContracts, type EventSubject } from './registry';

const fixturesDir = join(__dirname, '..', 'fixtures');
const fixtureFiles = readdirSync(fixturesDir).filter((f) => f.endsWith('.json'));

describe('subject registry', () => {
  it('names events <context>.<aggregate>.<event>.v<N> (four tokens: only these are stored in streams)', () => {
    for (const subject of Object.keys(eventContracts)) {
      expect(subject).toMatch(/^[a-z]+\.[a-z-]+\.[a-z-]+\.v[1-9][0-9]*$/);
      expect(Contexts).toContain(subject.split('.')[0]);
      expect(eventContracts[subject as EventSubject].context).toBe(subject.split('.')[0]);
    }
  });

  it('names queries and commands <context>.<aggregate>.<verb> (three tokens, never captured by a stream)', () => {
    for (const subject of Object.keys(requestContracts)) {
      expect(subject).toMatch(/^[a-z]+\.[a-z-]+\.[a-z-]+$/);
      expect(Contexts).toContain(subject.split('.')[0]);
    }
  });
});

describe('golden event fixtures', () => {
  it('has one fixture per event version, and no fixture for an unknown event', () => {
    expect(fixtureFiles.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(
      Object.keys(eventContracts).sort(),
    );
  });

  it.each(Object.keys(eventContracts) as EventSubject[])(
    '%s: the fixture still parses (v1 changes are additive only)',
    (subject) => {
      const fixture: unknown = JSON.parse(readFileSync(join(fixturesDir, `${subject}.json`), 'utf8'));
      const parsed = eventContracts[subject].payload.safeParse(fixture);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      // A required field added to v1 would break consumers still on old messages: every key of the
      // schema's output must be present in the golden fixture, which was written when v1 shipped.
      expect(Object.keys(parsed.data as object).sort()).toEqual(Object.keys(fixture as object).sort());
    },
  );
});
