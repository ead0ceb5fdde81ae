import { describe, expect, it } from 'vitest';
import {
  hasAnyRole,
  isExpired,
  isIdle,
  knownRoles,
  loginThrottled,
  needsTouch,
  normaliseEmail,
  passwordProblem,
  sessionExpiresAt,
} from './identity.rules';

const at = (iso: string) => new Date(iso);

describe('identity rules', () => {
  it('expires a session a fixed number of hours after sign-in', () => {
    const expiresAt = sessionExpiresAt(at('2026-03-01T08:00:00Z'), 12);
    expect(expiresAt.toISOString()).toBe('2026-03-01T20:00:00.000Z');
    expect(isExpired(expiresAt, at('2026-03-01T19:59:59Z'))).toBe(false);
    expect(isExpired(expiresAt, at('2026-03-01T20:00:00Z'))).toBe(true);
  });

  it('records activity at most once a minute', () => {
    const lastSeen = at('2026-03-01T08:00:00Z');
    expect(needsTouch(lastSeen, at('2026-03-01T08:00:59Z'))).toBe(false);
    expect(needsTouch(lastSeen, at('2026-03-01T08:01:00Z'))).toBe(true);
  });

  it('lets a route without @Roles through for any role, and a @Roles route only for those roles', () => {
    expect(hasAnyRole(['viewer'], [])).toBe(true);
    expect(hasAnyRole(['officer'], ['admin', 'officer'])).toBe(true);
    expect(hasAnyRole(['viewer'], ['admin', 'officer'])).toBe(false);
    expect(hasAnyRole([], ['viewer'])).toBe(false);
  });

  it('drops stored roles the code does not know', () => {
    expect(knownRoles(['admin', 'superuser', 'viewer'])).toEqual(['admin', 'viewer']);
  });

  it('compares e-mails case-insensitively and without surrounding spaces', () => {
    expect(normaliseEmail('  Jane.Doe@ILO.org ')).toBe('jane.doe@ilo.org');
  });

  it('requires passwords of at least 12 characters', () => {
    expect(passwordProblem('elevenchars')).toMatch(/at least 12/);
    expect(passwordProblem('twelve chars')).toBeUndefined();
  });
});

describe('loginThrottled', () => {
  it('stops an account at its tenth failure and an address at its fiftieth', () => {
    expect(loginThrottled({ byAccount: 9, byAddress: 49 })).toBe(false);
    expect(loginThrottled({ byAccount: 10, byAddress: 0 })).toBe(true);
    expect(loginThrottled({ byAccount: 0, byAddress: 50 })).toBe(true);
  });
});

describe('isIdle', () => {
  it('ends a session unused for longer than the idle timeout', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(isIdle(new Date('2026-11-27T11:31:00Z'), now, 30)).toBe(false);
    expect(isIdle(new Date('2026-11-27T11:29:59Z'), now, 30)).toBe(true);
  });
});
