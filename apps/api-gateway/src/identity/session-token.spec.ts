import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { looksLikeSessionToken, newSessionToken, sessionIdOf } from './session-token';

describe('session tokens', () => {
  it('are 32 random bytes in base64url', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newSessionToken()).not.toBe(token);
  });

  it('are stored only as their SHA-256 hex digest', () => {
    const token = newSessionToken();
    const id = sessionIdOf(token);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).toBe(createHash('sha256').update(token).digest('hex'));
    expect(id).not.toContain(token);
  });

  it('reject cookie values that cannot be a token before any lookup', () => {
    expect(looksLikeSessionToken(newSessionToken())).toBe(true);
    for (const value of [undefined, '', 'short', `${newSessionToken()}x`, "' OR 1=1 --".padEnd(43, 'a')]) {
      expect(looksLikeSessionToken(value)).toBe(false);
    }
  });
});
