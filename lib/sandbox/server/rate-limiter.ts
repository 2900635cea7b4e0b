/** The outcome of asking the limiter for one request. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * A sliding-window log: at most `limit` requests per `windowMs` per key (a token id, or the client
 * IP for public calls). A refused request does not count. `retryAfterSeconds` is the time until
 * the oldest counted request leaves the window, rounded up (the sandbox's `Retry-After` value).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): RateDecision {
    const now = this.now();
    const since = now - this.windowMs;
    const log = (this.hits.get(key) ?? []).filter((time) => time > since);
    if (log.length >= this.limit) {
      this.hits.set(key, log);
      const oldest = log[0] ?? now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    log.push(now);
    this.hits.set(key, log);
    return { allowed: true };
  }

  /** Forgets every counted request. */
  reset(): void {
    this.hits.clear();
  }
}
