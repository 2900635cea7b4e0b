/**
 * The default coordinator: the calls of one process, coordinated in memory.
 * @module
 */
import { NonceSource } from './auth.js';
import { abortable, now } from './clock.js';
import type { Coordinator, LaneLease } from './coordinator.js';
import { RateLimiter, type RateLimit, type RateSlot } from './rate-limiter.js';
import { Turns } from './turns.js';

/**
 * Coordinates the calls of one process: a signing lane that lets one signed request at a time
 * go, in the order asked, with nonces `max(Date.now(), last + 1)` in milliseconds,
 * and one sliding-window limiter per window (counted from completion). Each client makes its own unless given one; give one
 * instance to several clients of the same token in a process to make them share both.
 * @group Coordination
 */
export class LocalCoordinator implements Coordinator {
  readonly #nonces = new NonceSource();
  /** The lane's holders, in the order they asked. */
  readonly #lane = new Turns();
  /** One limiter per window (clients normally share one window; the key is `requests/intervalMs`). */
  readonly #limiters = new Map<string, RateLimiter>();

  /** Waits for the previous holders' releases, then hands out the next nonce. */
  async acquireLane(signal?: AbortSignal): Promise<LaneLease> {
    const release = await this.#lane.take(signal);
    // No await between the nonce and the caller's signature: nonce order is send order.
    return { nonce: this.#nonces.next(), release };
  }

  /**
   * A slot of the window `limit`, first come, first served. A caller that aborts while queued
   * behind others rejects at once; when its turn comes it takes no slot.
   */
  acquireSlot(limit: RateLimit, signal?: AbortSignal): Promise<RateSlot> {
    return abortable(this.#limiter(limit).acquire(signal), signal);
  }

  /** Milliseconds until the window `limit` would grant a slot (0 when one is free now). */
  delayBeforeNext(limit: RateLimit): number {
    return this.#limiter(limit).delayBeforeNext();
  }

  /** Pauses every window's limiter. */
  pause(ms: number): void {
    const until = now() + ms;
    for (const limiter of this.#limiters.values()) limiter.pauseUntil(until);
  }

  /** Nothing to free. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  #limiter(limit: RateLimit): RateLimiter {
    const key = `${limit.requests}/${limit.intervalMs}`;
    let limiter = this.#limiters.get(key);
    if (!limiter) this.#limiters.set(key, (limiter = new RateLimiter(limit)));
    return limiter;
  }
}
