import type { Principal } from './principal';

interface Entry {
  readonly principal: Principal;
  readonly sessionExpiresAt: number;
  readonly cachedUntil: number;
}

/**
 * Remembers recently checked sessions for a moment, so a burst of requests from one browser costs
 * one database lookup instead of one each (measured: the lookup was the gateway's bottleneck).
 * Logout on this replica takes effect at once; on another replica within `ttlMs` at most.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(sessionId: string, now: number): Principal | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (now >= entry.cachedUntil || now >= entry.sessionExpiresAt) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.principal;
  }

  set(sessionId: string, principal: Principal, sessionExpiresAt: number, now: number): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(sessionId);
    // Maps iterate in insertion order: the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(sessionId, { principal, sessionExpiresAt, cachedUntil: now + this.ttlMs });
  }

  delete(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  /** Forgets every session of a user (deactivated, roles changed, password reset). */
  deleteUser(userId: string): void {
    for (const [sessionId, entry] of this.entries) {
      if (entry.principal.user.id === userId) this.entries.delete(sessionId);
    }
  }
}
