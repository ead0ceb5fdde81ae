import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'pardev_session';

/** 32 random bytes, base64url: the cookie value. Only its hash is stored. */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

/** The session's primary key: SHA-256 (hex) of the token. */
export const sessionIdOf = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

// A cookie that cannot be one of our tokens is rejected before it reaches the database.
export const looksLikeSessionToken = (value: string | undefined): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
