import { RoleSchema, type Role } from '@pardev/contracts';
import { MIN_PASSWORD_LENGTH } from './password';

// last_seen_at is for people reading the session list, not for expiry: a write per minute is plenty.
export const TOUCH_INTERVAL_MS = 60_000;

// Password guessing (OWASP ASVS 2.2.1): at most 10 failures per account and 50 per address in 15 minutes.
export const LOGIN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;

export const loginThrottled = ({ byAccount, byAddress }: { byAccount: number; byAddress: number }): boolean =>
  byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** Sessions expire a fixed time after sign-in, however active they are. */
export const sessionExpiresAt = (createdAt: Date, ttlHours: number): Date =>
  new Date(createdAt.getTime() + ttlHours * 3_600_000);

export const isExpired = (expiresAt: Date, now: Date): boolean => expiresAt.getTime() <= now.getTime();

// Idle timeout (OWASP ASVS 3.3.2): unused for longer than this, a session ends. Activity is
// recorded at most once a minute, so the timeout is exact to that minute.
export const isIdle = (lastSeenAt: Date, now: Date, idleMinutes: number): boolean =>
  now.getTime() - lastSeenAt.getTime() > idleMinutes * 60_000;

export const needsTouch = (lastSeenAt: Date, now: Date): boolean =>
  now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;

export const passwordProblem = (password: string): string | undefined =>
  password.length < MIN_PASSWORD_LENGTH ? `must be at least ${MIN_PASSWORD_LENGTH} characters` : undefined;

/** Roles as stored, minus anything the code no longer knows (the database also refuses unknown ones). */
export const knownRoles = (roles: readonly string[]): Role[] =>
  roles.flatMap((role) => {
    const parsed = RoleSchema.safeParse(role);
    return parsed.success ? [parsed.data] : [];
  });

/** True when the user holds at least one of `required`; no requirement means any signed-in user. */
export const hasAnyRole = (held: readonly Role[], required: readonly Role[]): boolean =>
  required.length === 0 || required.some((role) => held.includes(role));
