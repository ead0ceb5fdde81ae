/**
 * Fixed one-minute windows per client address. In memory, per gateway replica: enough to stop one
 * client from flooding a replica; a shared limit across replicas would need a shared store.
 */
export class RateLimiter {
  private windows = new Map<string, { readonly start: number; count: number }>();
  private sweptAt = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one request; returns 0 when allowed, else the milliseconds until the client may retry. */
  take(client: string, now: number): number {
    this.sweep(now);
    const window = this.windows.get(client);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(client, { start: now, count: 1 });
      return 0;
    }
    window.count++;
    return window.count > this.limit ? window.start + this.windowMs - now : 0;
  }

  // Forget finished windows once per window, so the map only holds recent clients.
  private sweep(now: number): void {
    if (now - this.sweptAt < this.windowMs) return;
    this.sweptAt = now;
    for (const [client, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(client);
    }
  }
}
