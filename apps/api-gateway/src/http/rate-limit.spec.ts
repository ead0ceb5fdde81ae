import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows the limit within a minute, then says how long to wait', () => {
    const limiter = new RateLimiter(3);
    expect([limiter.take('a', 0), limiter.take('a', 10), limiter.take('a', 20)]).toEqual([0, 0, 0]);
    expect(limiter.take('a', 30_000)).toBe(30_000);
  });

  it('counts each client on its own and starts afresh in the next minute', () => {
    const limiter = new RateLimiter(1);
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.take('b', 0)).toBe(0);
    expect(limiter.take('a', 1)).toBeGreaterThan(0);
    expect(limiter.take('a', 60_000)).toBe(0);
  });
});
