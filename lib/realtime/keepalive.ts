/**
 * Keep-alive and liveness of one socket. Liquid Tap closes a connection after 120 s without a
 * client frame and never pings, so we send `pusher:ping` after `pingIntervalMs` without sending
 * anything. To notice a socket that stalls without closing, we also ping once after
 * `pingIntervalMs` without receiving anything, and declare the socket dead after
 * `livenessTimeoutMs` without any frame at all (pongs count).
 * @module
 */
import { now } from '../core/clock.js';

/** Keep-alive timings. */
export interface KeepaliveTimings {
  /** Ping after this long without sending (and once after this long without receiving), ms. */
  readonly pingIntervalMs: number;
  /** No frame for this long: the socket is dead, ms. */
  readonly livenessTimeoutMs: number;
}

/** What the keep-alive asks its owner to do. */
export interface KeepaliveActions {
  /** Send a `pusher:ping`. */
  ping(): void;
  /** The socket is dead: terminate it. */
  dead(): void;
}

/** One socket's keep-alive timer. Start it when the socket is created; stop it when it closes. */
export class Keepalive {
  readonly #timings: KeepaliveTimings;
  readonly #actions: KeepaliveActions;
  #timer: NodeJS.Timeout | undefined;
  #lastSent = 0;
  #lastReceived = 0;
  #probed = false;

  /**
   * @param timings intervals
   * @param actions what to do on ping and on death
   */
  constructor(timings: KeepaliveTimings, actions: KeepaliveActions) {
    this.#timings = timings;
    this.#actions = actions;
  }

  /** Starts the timer; the socket counts as fresh now. */
  start(): void {
    this.stop();
    this.#lastSent = this.#lastReceived = now();
    this.#probed = false;
    const tick = Math.max(5, Math.min(this.#timings.pingIntervalMs, this.#timings.livenessTimeoutMs) / 4);
    this.#timer = setInterval(() => this.#check(), tick);
  }

  /** Stops the timer. */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Records a frame sent. */
  sent(): void {
    this.#lastSent = now();
  }

  /** Records a frame received. */
  received(): void {
    this.#lastReceived = now();
    this.#probed = false;
  }

  #check(): void {
    const t = now();
    if (t - this.#lastReceived >= this.#timings.livenessTimeoutMs) {
      this.stop();
      this.#actions.dead();
      return;
    }
    const quietOut = t - this.#lastSent >= this.#timings.pingIntervalMs;
    const quietIn = t - this.#lastReceived >= this.#timings.pingIntervalMs && !this.#probed;
    if (quietOut || quietIn) {
      if (quietIn) this.#probed = true;
      this.#actions.ping();
    }
  }
}
