import { describe, expect, it } from 'vitest';
import {
  RecordCheckBodySchema,
  blockingReasons,
  canResolveFlagLevel,
  canSeeDueDiligence,
  canSeeFlag,
  latestChecks,
  missingChecks,
  type DueDiligenceCheck,
} from './due-diligence.contracts';

const check = (
  type: DueDiligenceCheck['type'],
  checkedOn: string,
  expiresOn: string | null,
  recordedAt = `${checkedOn}T10:00:00.000Z`,
) => ({
  type,
  checkedOn,
  expiresOn,
  recordedAt,
});
const flag = (id: string, level: 'RED' | 'YELLOW', resolvedAt: string | null = null) => ({
  id,
  level,
  resolvedAt,
});
const today = '2026-06-15';

describe('blocking a partner for new agreements', () => {
  it('blocks on every open red flag, not on a resolved one or a lower level', () => {
    expect(
      blockingReasons(
        'FOUNDATION',
        [flag('a', 'RED'), flag('b', 'RED', '2026-05-01T00:00:00Z'), flag('c', 'YELLOW')],
        [],
        today,
      ),
    ).toEqual([{ rule: 'RED_FLAG', flagId: 'a' }]);
  });

  it('blocks a private-sector partner whose latest mandatory check has expired, judged by its newest check', () => {
    const expired = check('SANCTIONS', '2025-01-10', '2026-01-10');
    expect(blockingReasons('PRIVATE_SECTOR', [], [expired], today)).toEqual([
      { rule: 'MANDATORY_CHECK_EXPIRED', checkType: 'SANCTIONS' },
    ]);
    const renewed = check('SANCTIONS', '2026-01-05', '2027-01-05');
    expect(blockingReasons('PRIVATE_SECTOR', [], [expired, renewed], today)).toEqual([]);
    // The day of expiry is still valid; the day after is not.
    expect(blockingReasons('PRIVATE_SECTOR', [], [check('SEAH_PSEA', '2025-06-15', today)], today)).toEqual(
      [],
    );
    expect(
      blockingReasons('PRIVATE_SECTOR', [], [check('SEAH_PSEA', '2025-06-15', '2026-06-14')], today),
    ).toHaveLength(1);
  });

  it('does not block other categories on expired checks, nor on checks that are not mandatory', () => {
    expect(
      blockingReasons('FOUNDATION', [], [check('SANCTIONS', '2024-01-01', '2025-01-01')], today),
    ).toEqual([]);
    expect(
      blockingReasons('PRIVATE_SECTOR', [], [check('FINANCIAL', '2024-01-01', '2025-01-01')], today),
    ).toEqual([]);
  });

  it('names the mandatory checks a private-sector partner never had', () => {
    expect(missingChecks('PRIVATE_SECTOR', [check('SANCTIONS', '2026-01-01', null)])).toEqual([
      'SEAH_PSEA',
      'PRIVATE_SECTOR',
    ]);
    expect(missingChecks('GOVERNMENT_OECD_DAC', [])).toEqual([]);
  });

  it('takes the newest check of a type, and the later-recorded one of the same day', () => {
    const morning = check('FINANCIAL', '2026-02-01', null, '2026-02-01T08:00:00.000Z');
    const evening = check('FINANCIAL', '2026-02-01', null, '2026-02-01T18:00:00.000Z');
    expect(latestChecks([evening, morning, check('FINANCIAL', '2025-12-01', null)])).toEqual([evening]);
  });
});

describe('who sees what', () => {
  it('hides check details and SEAH flags from viewers only', () => {
    const seah = { category: 'SEXUAL_EXPLOITATION_AND_ABUSE' as const };
    expect(canSeeDueDiligence({ roles: ['viewer'] })).toBe(false);
    expect(canSeeFlag({ roles: ['viewer'] }, seah)).toBe(false);
    expect(canSeeFlag({ roles: ['viewer'] }, { category: 'FINANCIAL' })).toBe(true);
    for (const role of ['admin', 'officer', 'finance', 'auditor']) {
      expect(canSeeDueDiligence({ roles: [role] })).toBe(true);
      expect(canSeeFlag({ roles: [role] }, seah)).toBe(true);
    }
    expect(canSeeFlag({ roles: ['viewer', 'officer'] }, seah)).toBe(true);
  });

  it('lets officers resolve observations and yellow flags; escalated and red ones need an admin', () => {
    expect(canResolveFlagLevel({ roles: ['officer'] }, 'YELLOW')).toBe(true);
    expect(canResolveFlagLevel({ roles: ['officer'] }, 'RED')).toBe(false);
    expect(canResolveFlagLevel({ roles: ['admin'] }, 'RED')).toBe(true);
  });
});

describe('RecordCheckBodySchema', () => {
  it('refuses a check in the future and an expiry that is not after the check, naming the field', () => {
    const body = { type: 'SANCTIONS', result: 'CLEAR', evidence: 'UN list 2026-01' };
    const problems = (value: object) =>
      RecordCheckBodySchema.safeParse({ ...body, ...value }).error?.issues.map(
        (i) => `${i.path.join('.')}: ${i.message}`,
      );
    expect(problems({ checkedOn: '2999-01-01' })).toEqual(['checkedOn: must not be in the future']);
    expect(problems({ checkedOn: '2026-01-10', expiresOn: '2026-01-10' })).toEqual([
      'expiresOn: must be after the check date',
    ]);
    expect(problems({ checkedOn: '2026-01-10', expiresOn: '2027-01-10' })).toBeUndefined();
  });
});
