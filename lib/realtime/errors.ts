/**
 * Errors of the realtime feed. Every one is a {@link QuoineError}; none carries the API secret
 * or a signed token (server-provided text is scrubbed of anything shaped like a JWT).
 *
 * ```
 * QuoineError
 * └── QuoineRealtimeError         base of the realtime errors
 *     ├── RealtimeAuthError       quoine:auth_failure (or no answer) for user_* channels
 *     ├── RealtimeOverflowError   a consumer fell more than `bufferSize` messages behind
 *     ├── RealtimeProtocolError   pusher:error 4000–4099: the server refuses this connection
 *     ├── RealtimeConnectionError reconnection gave up (`maxAttempts` reached)
 *     ├── RealtimeDecodeError     a channel message that does not decode to its entity
 *     └── RealtimeClosedError     the client was closed
 * ```
 * @module
 */
import { QuoineError } from '../core/errors.js';

const JWT_SHAPE = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

/** Server text made safe for an error message: no token-shaped strings, bounded length. */
export function scrub(text: string): string {
  const clean = text.replace(JWT_SHAPE, '[redacted]');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

/** Base class of the realtime errors. */
export class QuoineRealtimeError extends QuoineError {
  /** The error class's name. */
  override name = 'QuoineRealtimeError';
  /** The channel concerned, when there is one. */
  readonly channel: string | undefined;

  /**
   * @param message what happened
   * @param channel the channel concerned
   */
  constructor(message: string, channel?: string) {
    super(channel === undefined ? message : `${channel}: ${message}`);
    this.channel = channel;
  }
}

/** The server refused to authenticate the connection (`quoine:auth_failure`) or never answered. */
export class RealtimeAuthError extends QuoineRealtimeError {
  /** The error class's name. */
  override name = 'RealtimeAuthError';
}

/** The consumer of a subscription fell behind: more than {@link bufferSize} messages were waiting. */
export class RealtimeOverflowError extends QuoineRealtimeError {
  /** The error class's name. */
  override name = 'RealtimeOverflowError';
  /** The buffer size that was exceeded. */
  readonly bufferSize: number;

  /**
   * @param channel the channel
   * @param bufferSize the buffer size that was exceeded
   */
  constructor(channel: string, bufferSize: number) {
    super(
      `the consumer fell behind: more than ${bufferSize} messages were waiting, so the subscription was ended ` +
        '(consume faster, raise bufferSize, or use on("data") to handle messages as they arrive)',
      channel,
    );
    this.bufferSize = bufferSize;
  }
}

/** `pusher:error` with a code in 4000–4099 (or such a close code): reconnecting would not help. */
export class RealtimeProtocolError extends QuoineRealtimeError {
  /** The error class's name. */
  override name = 'RealtimeProtocolError';
  /** The Pusher error code. */
  readonly code: number;

  /**
   * @param code the Pusher error code
   * @param message the server's message (scrubbed)
   */
  constructor(code: number, message: string) {
    super(`the server refused the connection with Pusher error ${code}${message ? `: ${scrub(message)}` : ''}`);
    this.code = code;
  }
}

/** Reconnection gave up after the configured number of attempts. */
export class RealtimeConnectionError extends QuoineRealtimeError {
  /** The error class's name. */
  override name = 'RealtimeConnectionError';
  /** Attempts made. */
  readonly attempts: number;

  /**
   * @param attempts attempts made
   * @param cause the last low-level failure message
   */
  constructor(attempts: number, cause: string) {
    super(`gave up reconnecting after ${attempts} attempts${cause ? ` (last: ${scrub(cause)})` : ''}`);
    this.attempts = attempts;
  }
}

/** A channel message that is not the JSON, or not the entity, its channel promises. */
export class RealtimeDecodeError extends QuoineRealtimeError {
  /** The error class's name. */
  override name = 'RealtimeDecodeError';
}

/** The client was closed: no new subscription, and pending ones never confirmed. */
export class RealtimeClosedError extends QuoineRealtimeError {
  /** The error class's name. */
  override name = 'RealtimeClosedError';
}
