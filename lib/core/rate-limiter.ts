/**
 * Client-side rate limiter: at most `requests` grants in any window of `intervalMs` (a sliding
 * window over the grant times), handed out first come, first served. Every attempt of every
 * call, retries included, passes through it, so the client waits instead of earning a 429.
 * @module
 */
import { now, sleep } from './clock.js';
import { QuoineRequestError } from './errors.js';

/** The limiter's budget: `requests` per `intervalMs`. */
export interface RateLimit {
  /** Requests allowed in one window. */
  readonly requests: number;
  /** Window length in milliseconds. */
  readonly intervalMs: number;
}

/** Sliding-window limiter shared by all calls of one client. */
export class RateLimiter {
  readonly #limit: RateLimit;
  /** Grant times inside the current window, oldest first (a ring would do; windows are small). */
  readonly #grants: number[] = [];
  #pausedUntil = 0;
  #tail: Promise<void> = Promise.resolve();

  /** @param limit the budget */
  constructor(limit: RateLimit) {
    if (!Number.isSafeInteger(limit.requests) || limit.requests < 1) {
      throw new QuoineRequestError(`rateLimit.requests must be a positive integer, got ${limit.requests}`, 'rateLimit.requests');
    }
    if (!Number.isFinite(limit.intervalMs) || limit.intervalMs <= 0) {
      throw new QuoineRequestError(`rateLimit.intervalMs must be a positive number, got ${limit.intervalMs}`, 'rateLimit.intervalMs');
    }
    this.#limit = limit;
  }

  /** The configured budget. */
  get limit(): RateLimit {
    return this.#limit;
  }

  /** Waits for a grant. Callers are served in the order they asked. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.#tail.then(() => this.#waitForRoom(signal));
    // The next caller waits for this one's grant, whether it succeeded or was aborted.
    this.#tail = turn.catch(() => undefined);
    return turn;
  }

  /** Holds every grant until `until` (ms since epoch), e.g. after a 429 with Retry-After. */
  pauseUntil(until: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
  }

  /** Milliseconds until the next grant would be possible (0 when one is free now). */
  delayBeforeNext(): number {
    const t = now();
    this.#expire(t);
    const pause = Math.max(0, this.#pausedUntil - t);
    const oldest = this.#grants[0];
    const full = this.#grants.length >= this.#limit.requests && oldest !== undefined;
    return Math.max(pause, full ? oldest + this.#limit.intervalMs - t : 0);
  }

  async #waitForRoom(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = this.delayBeforeNext();
      if (wait <= 0) break;
      await sleep(wait, signal);
    }
    if (signal?.aborted) await sleep(0, signal);
    this.#grants.push(now());
  }

  #expire(t: number): void {
    while (this.#grants.length > 0 && (this.#grants[0] as number) <= t - this.#limit.intervalMs) this.#grants.shift();
  }
}
