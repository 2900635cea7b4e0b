/**
 * Client-side rate limiter: at most `requests` requests in any window of `intervalMs`, handed
 * out first come, first served. Every attempt of every call, retries included, passes through
 * it, so the client waits instead of earning a 429.
 *
 * A request occupies its slot from the moment it is granted until `intervalMs` after it
 * completes (its response arrived or it failed). The exchange counts a request when it
 * arrives, which is after the grant and before the completion, so counting from completion
 * keeps the exchange's own window within budget whatever the network's delays: counting from
 * the grant alone earned 429s when a request travelled slower than the one `requests` later.
 * @module
 */
import { now, sleep } from './clock.js';
import { QuoineRequestError } from './errors.js';

/**
 * The limiter's budget: `requests` per `intervalMs`.
 * @group Client
 */
export interface RateLimit {
  /** Requests allowed in one window. */
  readonly requests: number;
  /** Window length in milliseconds. */
  readonly intervalMs: number;
}

/**
 * A granted rate-limit slot; `release()` when the request completes (idempotent).
 * @group Coordination
 */
export interface RateSlot {
  /** Marks the request complete: its slot frees `intervalMs` from now. */
  release(): void;
}

/** Sliding-window limiter shared by all calls of one client. */
export class RateLimiter {
  readonly #limit: RateLimit;
  /**
   * The slots in the current window: each holds the time it counts from (its grant, until its
   * request completes; then its completion). Windows are small (≤ 600), so a plain array.
   */
  readonly #slots: Array<{ at: number }> = [];
  #pausedUntil = 0;
  #tail: Promise<void> = Promise.resolve();

  /** @param limit the budget, checked by {@link checkRateLimit} */
  constructor(limit: RateLimit) {
    this.#limit = checkRateLimit(limit);
  }

  /** The configured budget. */
  get limit(): RateLimit {
    return this.#limit;
  }

  /** Waits for a grant. Callers are served in the order they asked. */
  acquire(signal?: AbortSignal): Promise<RateSlot> {
    const turn = this.#tail.then(() => this.#waitForRoom(signal));
    // The next caller waits for this one's grant, whether it succeeded or was aborted.
    this.#tail = turn.then(
      () => undefined,
      () => undefined,
    );
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
    if (this.#slots.length < this.#limit.requests) return pause;
    // The window is full: the next slot frees when the earliest-counting one leaves it.
    let earliest = Number.POSITIVE_INFINITY;
    for (const slot of this.#slots) earliest = Math.min(earliest, slot.at);
    return Math.max(pause, earliest + this.#limit.intervalMs - t);
  }

  async #waitForRoom(signal?: AbortSignal): Promise<RateSlot> {
    for (;;) {
      const wait = this.delayBeforeNext();
      if (wait <= 0) break;
      await sleep(wait, signal);
    }
    if (signal?.aborted) await sleep(0, signal);
    const slot = { at: now() };
    this.#slots.push(slot);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        slot.at = Math.max(slot.at, now());
      },
    };
  }

  #expire(t: number): void {
    for (let i = this.#slots.length - 1; i >= 0; i--) {
      if ((this.#slots[i] as { at: number }).at <= t - this.#limit.intervalMs) this.#slots.splice(i, 1);
    }
  }
}

/** `limit`, refused with a {@link QuoineRequestError} naming the field when it is not a budget. */
export function checkRateLimit(limit: RateLimit): RateLimit {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime check of options from plain-JS callers
  if (typeof limit !== 'object' || limit === null) {
    throw new QuoineRequestError('rateLimit must be { requests, intervalMs } or false', 'rateLimit');
  }
  if (!Number.isSafeInteger(limit.requests) || limit.requests < 1) {
    throw new QuoineRequestError(
      `rateLimit.requests must be a positive integer, got ${limit.requests}`,
      'rateLimit.requests',
    );
  }
  if (!Number.isFinite(limit.intervalMs) || limit.intervalMs <= 0) {
    throw new QuoineRequestError(
      `rateLimit.intervalMs must be a positive number, got ${limit.intervalMs}`,
      'rateLimit.intervalMs',
    );
  }
  return limit;
}
