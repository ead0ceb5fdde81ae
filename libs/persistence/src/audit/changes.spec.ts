import { describe, expect, it } from 'vitest';
import { changesBetween } from './changes';

describe('changesBetween', () => {
  it('lists only the fields that changed, with both values', () => {
    expect(
      changesBetween(
        { name: 'Norad', acronym: null, delegateIds: ['a'], country: 'NO' },
        { name: 'Norad', acronym: 'NORAD', delegateIds: ['a', 'b'], country: 'NO' },
      ),
    ).toEqual([
      { field: 'acronym', before: null, after: 'NORAD' },
      { field: 'delegateIds', before: ['a'], after: ['a', 'b'] },
    ]);
  });

  it('records every field of a new record as "after" only, and of a removed one as "before" only', () => {
    expect(changesBetween(null, { name: 'ILO', country: null })).toEqual([
      { field: 'name', after: 'ILO' },
      { field: 'country', after: null },
    ]);
    expect(changesBetween({ name: 'ILO' }, null)).toEqual([{ field: 'name', before: 'ILO' }]);
  });

  it('leaves out bookkeeping (version, who/when) and writes dates as ISO instants', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    expect(
      changesBetween(
        { version: 1, updatedAt: at, updatedBy: 'a', endsOn: new Date('2026-01-01T00:00:00Z') },
        { version: 2, updatedAt: new Date(), updatedBy: 'b', endsOn: at },
      ),
    ).toEqual([{ field: 'endsOn', before: '2026-01-01T00:00:00.000Z', after: '2026-03-01T10:00:00.000Z' }]);
  });

  it('never writes a secret: hidden entirely, or recorded as changed without any value', () => {
    const changes = changesBetween(
      { passwordHash: '$argon2id$old', token: 't1', active: true },
      { passwordHash: '$argon2id$new', token: 't2', active: true },
      { secret: ['token'], recordWithoutValue: ['passwordHash'] },
    );
    expect(changes).toEqual([{ field: 'passwordHash' }]);
    expect(JSON.stringify(changes)).not.toMatch(/argon2|t1|t2/);
  });
});
