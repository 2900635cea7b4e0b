/**
 * The realtime client's options and events, and their checks: what a caller may set, and the
 * settings the client's parts run on once checked.
 * @module
 */
import type { Coordinator } from '../core/coordinator.js';
import { QuoineRequestError } from '../core/errors.js';
import { backoffPolicy, type BackoffOptions, type BackoffPolicy } from './backoff.js';
import type { QuoineRealtimeError } from './errors.js';
import type { BufferLimits } from './subscription.js';

/**
 * Liquid's Tap endpoint.
 * @group Realtime
 */
export const LIQUID_TAP_URL = 'wss://tap.liquid.com/app/LiquidTapClient';

/**
 * Where the connection stands.
 * @group Realtime
 */
export type RealtimeState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/**
 * Options of {@link QuoineRealtime}.
 * @group Realtime
 */
export interface QuoineRealtimeOptions {
  /**
   * Websocket URL. Default {@link LIQUID_TAP_URL}; the sandbox gives its own `tapUrl`. Plain `ws:`
   * is refused unless the host is loopback (`localhost`, 127.0.0.0/8, `[::1]`), as REST refuses plain `http:`.
   */
  readonly url?: string | undefined;
  /** API token id: needed only for `user_*` channels. */
  readonly tokenId?: string | number | undefined;
  /** API token secret: needed only for `user_*` channels. */
  readonly secret?: string | undefined;
  /**
   * The token's signing lane, from which the auth request takes its nonce (a `Quoine` client
   * passes its own, so REST and realtime nonces of the token form one sequence). Default: a
   * `LocalCoordinator` of this client's own.
   */
  readonly coordinator?: Coordinator | undefined;
  /** Send `pusher:ping` after this long without sending (the server closes after 120 s), ms. Default 60,000. */
  readonly pingIntervalMs?: number | undefined;
  /** No frame at all for this long: the socket is dead and is replaced, ms. Default 90,000. */
  readonly livenessTimeoutMs?: number | undefined;
  /** No answer to `quoine:auth_request` within this long counts as an auth failure, ms. Default 10,000. */
  readonly authTimeoutMs?: number | undefined;
  /** Reconnection backoff, or `false` not to reconnect. */
  readonly reconnect?: BackoffOptions | false | undefined;
  /** Messages an iterating consumer may fall behind by before its overflow error. Default 1,000. */
  readonly bufferSize?: number | undefined;
  /**
   * Bytes an iterating consumer may fall behind by before its overflow error, counted as the size
   * of the frames that carried the waiting messages (the decoded messages take a small multiple of
   * that). Default 8 MiB (8,388,608). Each subscription has its own buffer.
   */
  readonly bufferBytes?: number | undefined;
  /**
   * The largest frame the client reads, in bytes. A larger frame is refused from its header,
   * before any of it is held in memory: the connection is cut, every subscription ends with a
   * {@link RealtimeLimitError} (`limit: 'maxFrameBytes'`) and the client does not reconnect.
   * Default 1 MiB (1,048,576); Tap's frames are a few kilobytes.
   */
  readonly maxFrameBytes?: number | undefined;
  /** How long `close()` waits for the server's closing handshake before cutting the socket, ms. Default 1,000. */
  readonly closeTimeoutMs?: number | undefined;
}

/**
 * Options of one subscription.
 * @group Realtime
 */
export interface SubscribeOptions {
  /** This subscription's buffer bound in messages (default: the client's `bufferSize`). */
  readonly bufferSize?: number | undefined;
  /** This subscription's buffer bound in bytes (default: the client's `bufferBytes`). */
  readonly bufferBytes?: number | undefined;
}

/**
 * Events of {@link QuoineRealtime}. `'error'` is emitted only while someone listens to it.
 * @group Realtime
 */
export interface RealtimeEvents {
  /** Every state change. */
  state: [state: RealtimeState, previous: RealtimeState];
  /** A connection attempt started. */
  connecting: [];
  /** The server sent `pusher:connection_established`. */
  connected: [socketId: string];
  /** The socket dropped; the next attempt starts after `delayMs`. */
  reconnecting: [
    info: {
      /** Which attempt comes next (1 for the first retry). */
      attempt: number;
      /** Milliseconds until it starts. */
      delayMs: number;
    },
  ];
  /** Closed for good: `close()` was called, or reconnection gave up. */
  disconnected: [];
  /** Non-fatal problems: socket errors, unreadable frames, `pusher:error` outside 4000–4299. */
  error: [error: QuoineRealtimeError];
}

/** What the connection runs on, checked. */
export interface ConnectionSettings {
  readonly url: string;
  readonly pingIntervalMs: number;
  readonly livenessTimeoutMs: number;
  readonly closeTimeoutMs: number;
  readonly maxFrameBytes: number;
  /** `undefined`: do not reconnect. */
  readonly backoff: BackoffPolicy | undefined;
}

/** The client's options, checked. */
export interface RealtimeSettings {
  readonly connection: ConnectionSettings;
  readonly authTimeoutMs: number;
  readonly buffer: BufferLimits;
}

function positive(value: number | undefined, fallback: number, field: string): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v <= 0)
    throw new QuoineRequestError(`${field} must be a positive number, got ${String(value)}`, field);
  return v;
}

function positiveInteger(value: number | undefined, fallback: number, field: string): number {
  const v = value ?? fallback;
  if (!Number.isSafeInteger(v) || v < 1)
    throw new QuoineRequestError(`${field} must be a positive integer, got ${String(value)}`, field);
  return v;
}

/** A subscription's buffer bounds: its own options over `defaults`. */
export function bufferLimits(options: SubscribeOptions, defaults: BufferLimits): BufferLimits {
  return {
    bufferSize: positiveInteger(options.bufferSize, defaults.bufferSize, 'bufferSize'),
    bufferBytes: positiveInteger(options.bufferBytes, defaults.bufferBytes, 'bufferBytes'),
  };
}

/** Checks the timings, bounds and backoff (the url is checked already); throws {@link QuoineRequestError} naming the bad one. */
export function realtimeSettings(url: string, options: QuoineRealtimeOptions): RealtimeSettings {
  const pingIntervalMs = positive(options.pingIntervalMs, 60_000, 'pingIntervalMs');
  const livenessTimeoutMs = positive(options.livenessTimeoutMs, 90_000, 'livenessTimeoutMs');
  const authTimeoutMs = positive(options.authTimeoutMs, 10_000, 'authTimeoutMs');
  const closeTimeoutMs = positive(options.closeTimeoutMs, 1000, 'closeTimeoutMs');
  const buffer = bufferLimits(options, { bufferSize: 1000, bufferBytes: 8 * 1024 * 1024 });
  const maxFrameBytes = positiveInteger(options.maxFrameBytes, 1024 * 1024, 'maxFrameBytes');
  const backoff = options.reconnect === false ? undefined : backoffPolicy(options.reconnect);
  return {
    connection: { url, pingIntervalMs, livenessTimeoutMs, closeTimeoutMs, maxFrameBytes, backoff },
    authTimeoutMs,
    buffer,
  };
}
