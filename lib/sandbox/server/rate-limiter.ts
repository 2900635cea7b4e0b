/** The outcome of asking the limiter for one request. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Most keys the limiter keeps at once (beyond, the least recently active key is forgotten). */
export const MAX_RATE_KEYS = 10_000;

/**
 * A sliding-window log: at most `limit` requests per `windowMs` per key (a verified token id, or
 * the client IP for public calls). A refused request does not count. `retryAfterSeconds` is the
 * time until the oldest counted request leaves the window, rounded up (the sandbox's `Retry-After`
 * value).
 *
 * Memory is bounded: a key whose requests have all left the window is forgotten (swept at most once
 * per window, so the cost is amortized), and at most `maxKeys` keys are kept, the least recently
 * active one being forgotten first. Each key holds at most `limit` timestamps.
 */
export class SlidingWindowLimiter {
  /** Timestamps per key, oldest first; the map's order is least recently active first. */
  private readonly hits = new Map<string, number[]>();
  private lastSweep: number;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys: number = MAX_RATE_KEYS,
  ) {
    this.lastSweep = now();
  }

  take(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    const since = now - this.windowMs;
    const log = this.hits.get(key) ?? [];
    let expired = 0;
    while (expired < log.length && (log[expired] as number) <= since) expired += 1;
    if (expired > 0) log.splice(0, expired);
    // Re-inserted on every request, so the map's first key is the least recently active one.
    this.hits.delete(key);
    this.hits.set(key, log);
    if (log.length >= this.limit) {
      const oldest = log[0] ?? now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    log.push(now);
    while (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value as string);
    return { allowed: true };
  }

  /** How many keys are held (for memory checks). */
  get size(): number {
    return this.hits.size;
  }

  /** Forgets every counted request. */
  reset(): void {
    this.hits.clear();
  }

  /** Forgets the keys whose every request has left the window; runs at most once per window. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    const since = now - this.windowMs;
    for (const [key, log] of this.hits) {
      const newest = log[log.length - 1];
      if (newest === undefined || newest <= since) this.hits.delete(key);
    }
  }
}
