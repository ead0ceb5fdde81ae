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
  // Counts revocations: a lookup that began before one must not cache what it read.
  private revocations = 0;

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

  /** Take before reading a session from the database; pass to `set`. */
  mark(): number {
    return this.revocations;
  }

  /**
   * Remembers a session read from the database, unless a revocation arrived while it was being
   * read (the read may predate the revoking commit; caching it would undo the revocation).
   */
  set(sessionId: string, principal: Principal, sessionExpiresAt: number, now: number, mark: number): void {
    if (this.ttlMs <= 0 || mark !== this.revocations) return;
    this.entries.delete(sessionId);
    // Maps iterate in insertion order: the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(sessionId, { principal, sessionExpiresAt, cachedUntil: now + this.ttlMs });
  }

  delete(sessionId: string): void {
    this.revocations++;
    this.entries.delete(sessionId);
  }

  /** Forgets every session of a user (deactivated, roles changed, password reset). */
  deleteUser(userId: string): void {
    this.revocations++;
    for (const [sessionId, entry] of this.entries) {
      if (entry.principal.user.id === userId) this.entries.delete(sessionId);
    }
  }
}
