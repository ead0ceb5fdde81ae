import { describe, expect, it } from 'vitest';
import type { Principal } from './principal';
import { SessionCache } from './session-cache';

const principal = (id: string): Principal => ({
  sessionId: id,
  user: { id: `user-${id}`, email: `${id}@ilo.org`, displayName: id, roles: ['officer'] },
});

describe('SessionCache', () => {
  it('answers from memory until its time to live runs out', () => {
    const cache = new SessionCache(2_000);
    cache.set('a', principal('a'), 1_000_000, 0, cache.mark());
    expect(cache.get('a', 1_999)).toEqual(principal('a'));
    expect(cache.get('a', 2_000)).toBeUndefined();
  });

  it('never answers for a session past its own expiry', () => {
    const cache = new SessionCache(2_000);
    cache.set('a', principal('a'), 500, 0, cache.mark());
    expect(cache.get('a', 500)).toBeUndefined();
  });

  it('forgets a session at once when it is deleted (logout)', () => {
    const cache = new SessionCache(2_000);
    cache.set('a', principal('a'), 1_000_000, 0, cache.mark());
    cache.delete('a');
    expect(cache.get('a', 1)).toBeUndefined();
  });

  it('evicts the oldest entry when full', () => {
    const cache = new SessionCache(2_000, 2);
    cache.set('a', principal('a'), 1_000_000, 0, cache.mark());
    cache.set('b', principal('b'), 1_000_000, 0, cache.mark());
    cache.set('c', principal('c'), 1_000_000, 0, cache.mark());
    expect(cache.get('a', 1)).toBeUndefined();
    expect(cache.get('c', 1)).toEqual(principal('c'));
  });

  it('caches nothing when disabled', () => {
    const cache = new SessionCache(0);
    cache.set('a', principal('a'), 1_000_000, 0, cache.mark());
    expect(cache.get('a', 1)).toBeUndefined();
  });

  it('does not cache a session read before a revocation that arrived meanwhile', () => {
    const cache = new SessionCache(2_000);
    const mark = cache.mark();
    // … the database read is in flight when another replica's revocation notice arrives …
    cache.deleteUser('user-a');
    cache.set('a', principal('a'), 1_000_000, 0, mark);
    expect(cache.get('a', 1)).toBeUndefined();
    cache.set('a', principal('a'), 1_000_000, 0, cache.mark());
    expect(cache.get('a', 1)).toEqual(principal('a'));
  });
});
