/**
 * The coordinator of one API token across processes and machines, on a Redis server: the signing
 * lane as a lease with a fencing number, nonces from Redis, and a sliding-window rate limit, each
 * one Lua script (see `scripts.ts`).
 *
 * **When the lane is released, and why that keeps arrival order.** A holder signs with the nonce
 * it was granted, sends, and releases the lane only when the request has completed: its response
 * has arrived (so the exchange has seen it) or it failed. The next holder, in any process, signs a
 * larger nonce only after that, so it cannot reach the exchange first. A holder that crashes or
 * stalls stops renewing its lease and blocks the others at most `leaseMs`; if a stalled holder
 * sends late anyway, its nonce is smaller than every later holder's and the exchange refuses it
 * ("Nonce is too small", an authentication refusal: nothing executes). The nonce is the fence the
 * exchange checks; the fencing number keeps a late release or renewal from touching a later lease.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { abortable, sleep } from '../core/clock.js';
import type { Coordinator, LaneLease } from '../core/coordinator.js';
import { QuoineCoordinationError } from '../core/errors.js';
import type { RateLimit, RateSlot } from '../core/rate-limiter.js';
import { Turns } from '../core/turns.js';
import { LaneWakeups } from './lane-wakeups.js';
import { script, ScriptRunner } from './script-runner.js';
import { ACQUIRE_LANE, ACQUIRE_SLOT, LEAVE_QUEUE, PAUSE, RELEASE_LANE, RELEASE_SLOT, RENEW_LANE } from './scripts.js';

const SCRIPTS = {
  acquireLane: script('take the signing lane', ACQUIRE_LANE, 6),
  renewLane: script('renew the signing lane', RENEW_LANE, 1),
  releaseLane: script('release the signing lane', RELEASE_LANE, 1),
  leaveQueue: script('leave the lane queue', LEAVE_QUEUE, 2),
  acquireSlot: script('take a rate-limit slot', ACQUIRE_SLOT, 3),
  releaseSlot: script('release a rate-limit slot', RELEASE_SLOT, 1),
  pause: script('pause the rate limit', PAUSE, 1),
};

/** How often a waiter asks again when no release was heard (a missed message costs at most this). */
const POLL_MS = 100;
/** The longest a nonce may be ahead of Redis's clock and still be waited for (else a clock stepped back). */
const MAX_AHEAD_MS = 1000;

/** The settings of a {@link RedisCoordinator}, checked. */
export interface RedisCoordinatorSettings {
  /** Prefix of every key (one token, one prefix). */
  readonly key: string;
  /** The server as shown in errors: `host:port`, never a password. */
  readonly where: string;
  readonly leaseMs: number;
  readonly timeoutMs: number;
  /** Whether {@link RedisCoordinator.close} closes the connections (they were made for it). */
  readonly ownsClient: boolean;
}

/**
 * Coordinates one token's calls through Redis. Made by `redisCoordinator()`; pass it to every
 * client of the token (`new Quoine({ tokenId, secret, coordinator })`), in every process.
 * @group Coordination
 * @hideconstructor
 */
export class RedisCoordinator implements Coordinator {
  readonly #redis: Redis;
  readonly #runner: ScriptRunner;
  readonly #wakeups: LaneWakeups;
  readonly #settings: RedisCoordinatorSettings;
  readonly #keys: Readonly<
    Record<'lane' | 'fence' | 'nonce' | 'queue' | 'seen' | 'ticket' | 'slots' | 'pause' | 'slotId', string>
  >;
  /** This coordinator's name in the lane queue. */
  readonly #waiter = randomUUID();
  /** The largest nonce this coordinator was handed: its own nonces never go below it. */
  #floor = 0;
  /** Local queues: one waiter of this process at a time asks Redis, in the order they came. */
  readonly #laneTurns = new Turns();
  #slotTail: Promise<void> = Promise.resolve();
  #closed = false;

  /**
   * @param redis the connection the scripts run on
   * @param wakeups the subscription that hears lane releases
   * @param settings checked settings
   */
  constructor(redis: Redis, wakeups: LaneWakeups, settings: RedisCoordinatorSettings) {
    this.#redis = redis;
    this.#wakeups = wakeups;
    this.#settings = settings;
    this.#runner = new ScriptRunner(redis, settings.where, settings.timeoutMs);
    const k = settings.key;
    this.#keys = {
      lane: `${k}:lane`,
      fence: `${k}:fence`,
      nonce: `${k}:nonce`,
      queue: `${k}:queue`,
      seen: `${k}:seen`,
      ticket: `${k}:ticket`,
      slots: `${k}:slots`,
      pause: `${k}:pause`,
      slotId: `${k}:slot-id`,
    };
  }

  /** The channel on which releases are published. */
  static channel(key: string): string {
    return `${key}:lane-free`;
  }

  /** Waits for this process's turn, then for the lane in Redis (first come, first served across processes). */
  async acquireLane(signal?: AbortSignal): Promise<LaneLease> {
    this.#open();
    const passOn = await this.#laneTurns.take(signal);
    try {
      return await this.#takeLane(signal, passOn);
    } catch (error) {
      passOn(); // a waiter that gave up passes its turn on
      throw error;
    }
  }

  /**
   * A slot of the shared window `limit`; this process's callers in the order they asked. A caller
   * that aborts while queued behind others rejects at once; its turn then passes without asking.
   */
  async acquireSlot(limit: RateLimit, signal?: AbortSignal): Promise<RateSlot> {
    this.#open();
    const turn = this.#slotTail.then(() => this.#takeSlot(limit, signal));
    this.#slotTail = turn.then(
      () => undefined,
      () => undefined,
    );
    return abortable(turn, signal);
  }

  /** Holds every slot of every process for `ms` (best effort: a Redis failure here is not the call's). */
  pause(ms: number): void {
    if (this.#closed) return;
    this.#runner.run(SCRIPTS.pause, [this.#keys.pause], [Math.ceil(ms)]).catch(ignore);
  }

  /** Stops listening and, if the coordinator made its connections, closes them. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#wakeups.close();
    if (this.#settings.ownsClient) this.#redis.disconnect();
  }

  async #takeLane(signal: AbortSignal | undefined, passOn: () => void): Promise<LaneLease> {
    const { lane, fence, nonce, queue, seen, ticket } = this.#keys;
    const { leaseMs } = this.#settings;
    const staleMs = Math.max(2_000, 20 * POLL_MS);
    for (;;) {
      if (signal?.aborted) {
        this.#leaveQueue();
        await abortable(Promise.resolve(), signal);
      }
      const heard = this.#wakeups.count;
      let reply;
      try {
        reply = await this.#runner.run(
          SCRIPTS.acquireLane,
          [lane, fence, nonce, queue, seen, ticket],
          [this.#waiter, leaseMs, staleMs, this.#floor],
        );
      } catch (error) {
        this.#leaveQueue();
        throw error;
      }
      if (reply[0] === 1) {
        const [, fenceNumber, nonceText, nowText] = reply;
        const granted = Number(nonceText);
        this.#floor = Math.max(this.#floor, granted);
        return this.#lease(String(fenceNumber), granted, granted - Number(nowText), passOn);
      }
      if (this.#wakeups.count !== heard) continue;
      const wait = Math.min(Math.max(Number(reply[1]), 1), POLL_MS);
      try {
        await this.#wakeups.next(wait, signal);
      } catch (error) {
        this.#leaveQueue();
        throw error;
      }
    }
  }

  /** This process gave up waiting: it leaves the lane queue (best effort: stale waiters are dropped anyway). */
  #leaveQueue(): void {
    const { queue, seen } = this.#keys;
    this.#runner.run(SCRIPTS.leaveQueue, [queue, seen], [this.#waiter]).catch(ignore);
  }

  /** The granted lane: renewed while held, released once. Waits out a nonce ahead of the clock first. */
  async #lease(fenceNumber: string, nonce: number, aheadMs: number, passOn: () => void): Promise<LaneLease> {
    const { leaseMs } = this.#settings;
    const renewal = setInterval(() => {
      this.#runner.run(SCRIPTS.renewLane, [this.#keys.lane], [fenceNumber, leaseMs]).catch(ignore);
    }, leaseMs / 3);
    renewal.unref();
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      clearInterval(renewal);
      const channel = RedisCoordinator.channel(this.#settings.key);
      this.#runner.run(SCRIPTS.releaseLane, [this.#keys.lane], [fenceNumber, channel]).catch(ignore);
      passOn();
    };
    // Nonces never run ahead of Redis's clock, so one that restarts empty reseeds above them all.
    if (aheadMs > 0 && aheadMs <= MAX_AHEAD_MS) await atLeast(aheadMs);
    return { nonce, release };
  }

  async #takeSlot(limit: RateLimit, signal: AbortSignal | undefined): Promise<RateSlot> {
    const { slots, pause, slotId } = this.#keys;
    for (;;) {
      await abortable(Promise.resolve(), signal);
      const reply = await this.#runner.run(
        SCRIPTS.acquireSlot,
        [slots, pause, slotId],
        [limit.requests, limit.intervalMs],
      );
      if (reply[0] === 1) {
        const id = String(reply[1]);
        let released = false;
        const slot = {
          release: () => {
            if (released || this.#closed) return;
            released = true;
            this.#runner.run(SCRIPTS.releaseSlot, [slots], [id, limit.intervalMs]).catch(ignore);
          },
        };
        // Granted after its caller gave up: nobody will use it, so it counts from now.
        if (signal?.aborted === true) slot.release();
        return slot;
      }
      await this.#nap(Number(reply[1]), signal);
    }
  }

  /**
   * Sleeps `ms` (a window can be minutes long), or less when the connection drops: the next
   * command then fails at once, typed, instead of when the window would have had room.
   */
  async #nap(ms: number, signal: AbortSignal | undefined): Promise<void> {
    const lost = new AbortController();
    const wake = (): void => lost.abort();
    this.#redis.once('close', wake);
    try {
      await abortable(
        sleep(ms, lost.signal).catch(() => undefined),
        signal,
      );
    } finally {
      lost.abort(); // stops the timer when `signal` aborted first
      this.#redis.off('close', wake);
    }
  }

  #open(): void {
    if (this.#closed) {
      throw new QuoineCoordinationError(`the Redis coordinator at ${this.#settings.where} is closed; nothing was sent`);
    }
  }
}

/** A best-effort command failed: the lease or slot then expires by itself. */
function ignore(): void {
  // nothing to do
}

/**
 * Resolves once `ms` of real time have passed, measured on the monotonic clock. A timer alone
 * may fire early: Node schedules it from the event loop's cached time, taken when the loop turn
 * began, so `setTimeout(1)` set late in a turn can fire a fraction of a millisecond later. Waiting
 * out a nonce that is 1 ms ahead of Redis's clock that way once handed out a nonce still ahead of it.
 */
async function atLeast(ms: number): Promise<void> {
  const until = performance.now() + ms;
  for (let left = ms; left > 0; left = until - performance.now()) await sleep(Math.ceil(left));
}
