/**
 * Reconnection delays: exponential backoff with "equal jitter" (half fixed, half random), capped,
 * so a fleet of clients does not reconnect in lock-step after an outage. Pure: the random source
 * is injected for specs.
 * @module
 */

/**
 * Reconnection settings.
 * @group Realtime
 */
export interface BackoffOptions {
  /** Delay before the first reconnection attempt, ms. Default 1,000. */
  readonly initialDelayMs?: number | undefined;
  /** Upper bound of any delay, ms. Default 30,000. */
  readonly maxDelayMs?: number | undefined;
  /** A connection that stayed up this long resets the backoff, ms. Default 30,000. */
  readonly stableAfterMs?: number | undefined;
  /** Give up after this many consecutive failed attempts. Default: never give up. */
  readonly maxAttempts?: number | undefined;
}

/** Resolved reconnection settings. */
export interface BackoffPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly stableAfterMs: number;
  readonly maxAttempts: number;
}

/** Fills in the defaults. */
export function backoffPolicy(options: BackoffOptions = {}): BackoffPolicy {
  const initialDelayMs = options.initialDelayMs ?? 1000;
  return {
    initialDelayMs,
    maxDelayMs: Math.max(initialDelayMs, options.maxDelayMs ?? 30_000),
    stableAfterMs: options.stableAfterMs ?? 30_000,
    maxAttempts: options.maxAttempts ?? Number.POSITIVE_INFINITY,
  };
}

/**
 * The delay before reconnection attempt `attempt` (0 for the first): `min(max, initial·2^attempt)`,
 * of which the upper half is random. Always within `[cap/2, cap]`.
 */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(attempt, 30));
  return Math.round(cap / 2 + random() * (cap / 2));
}
