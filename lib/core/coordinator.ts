/**
 * What the calls of one API token share, wherever they run: the **signing lane** (the right to
 * sign and send the next request, with its nonce) and the **rate-limit window**. The exchange
 * checks nonces per token in arrival order and counts requests per token, so every process that
 * uses a token must take both from the same coordinator.
 *
 * The default, {@link LocalCoordinator}, coordinates the calls of one process; `quoine/redis`
 * coordinates many processes and machines through a Redis server.
 * @module
 */
import type { RateLimit, RateSlot } from './rate-limiter.js';

/**
 * The signing lane held by one request: sign with {@link nonce}, send, and {@link release} when
 * the request has completed (its response arrived or it failed). Until then no other request of
 * the token is signed, so the exchange sees nonces in the order they were made.
 * @group Coordination
 */
export interface LaneLease {
  /** The nonce to sign with: greater than every nonce handed out before, by any holder. */
  readonly nonce: number;
  /** Lets the next request through. Idempotent; never throws. */
  release(): void;
}

/**
 * Coordinates the calls of one API token. The client calls it for every attempt of every call:
 * a signed attempt holds the lane from signing until its response; every attempt holds a
 * rate-limit slot, counted from its completion.
 *
 * Implementations: {@link LocalCoordinator} (one process, the default) and `redisCoordinator`
 * from `quoine/redis` (many processes). A coordinator that cannot coordinate (its store is
 * unreachable) rejects with a {@link QuoineCoordinationError}, so the call fails before anything
 * is sent; it never falls back to local nonces that would collide.
 * @group Coordination
 */
export interface Coordinator {
  /** Waits for the signing lane; rejects with `QuoineAbortError` when `signal` aborts first. */
  acquireLane(signal?: AbortSignal): Promise<LaneLease>;
  /**
   * Waits for a slot in the window `limit` (at most `limit.requests` requests in any
   * `limit.intervalMs`); callers are served in the order they asked, within a process.
   */
  acquireSlot(limit: RateLimit, signal?: AbortSignal): Promise<RateSlot>;
  /** Holds every slot, of every holder, for `ms` from now (the exchange said `Retry-After`). */
  pause(ms: number): void;
  /** Frees what the coordinator holds (connections, timers). Later calls reject. */
  close(): Promise<void>;
}
