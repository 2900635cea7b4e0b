/**
 * Hears the lane's releases (Redis pub/sub on a connection of its own), so a waiting process asks
 * again at once instead of on its next poll. Without the subscription (it failed, or is
 * reconnecting) waiters still poll: a missed message costs at most one poll interval.
 * @module
 */
import type { Redis } from 'ioredis';
import { abortable, sleep } from '../core/clock.js';

/** Release messages heard on one channel. */
export class LaneWakeups {
  readonly #subscriber: Redis;
  readonly #waiting = new Set<() => void>();
  #count = 0;

  /**
   * @param subscriber a connection in subscriber mode, already subscribed to the channel
   */
  constructor(subscriber: Redis) {
    this.#subscriber = subscriber;
    subscriber.on('message', () => {
      this.#count++;
      for (const wake of this.#waiting) wake();
      this.#waiting.clear();
    });
  }

  /** How many releases were heard so far: a waiter compares it before and after asking. */
  get count(): number {
    return this.#count;
  }

  /** Resolves at the next release heard, or after `ms`; rejects with QuoineAbortError on `signal`. */
  async next(ms: number, signal: AbortSignal | undefined): Promise<void> {
    let wake!: () => void;
    const heard = new Promise<void>((resolve) => (wake = resolve));
    this.#waiting.add(wake);
    const timeout = new AbortController();
    try {
      await abortable(Promise.race([heard, sleep(ms, timeout.signal).catch(() => undefined)]), signal);
    } finally {
      timeout.abort();
      this.#waiting.delete(wake);
    }
  }

  /** Unsubscribes and closes the subscriber connection. */
  async close(): Promise<void> {
    for (const wake of this.#waiting) wake();
    this.#waiting.clear();
    this.#subscriber.disconnect();
    await Promise.resolve();
  }
}
