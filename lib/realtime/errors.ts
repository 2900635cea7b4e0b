/**
 * Errors of the realtime feed. Every one is a {@link QuoineError}; none carries the API secret
 * or a signed token: the client scrubs server-provided text (core/scrub.ts: JWT shapes, the secret,
 * the tokens it sent and their parts) before it goes into a message.
 *
 * ```
 * QuoineError
 * └── QuoineRealtimeError         base of the realtime errors
 *     ├── RealtimeAuthError       quoine:auth_failure (or no answer) for user_* channels
 *     ├── RealtimeLimitError      the server sent a frame larger than `maxFrameBytes`
 *     │   └── RealtimeOverflowError a consumer fell more than `bufferSize` messages or `bufferBytes` behind
 *     ├── RealtimeProtocolError   pusher:error 4000–4099: the server refuses this connection
 *     ├── RealtimeConnectionError reconnection gave up (`maxAttempts` reached)
 *     ├── RealtimeDecodeError     a channel message that does not decode to its entity
 *     └── RealtimeClosedError     the client was closed
 * ```
 * @module
 */
import { QuoineError } from '../core/errors.js';
import { redactTokens } from '../core/scrub.js';

/**
 * Base class of the realtime errors.
 * @group Errors
 * @hideconstructor
 */
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

/**
 * The server refused to authenticate the connection (`quoine:auth_failure`) or never answered.
 * @group Errors
 * @hideconstructor
 */
export class RealtimeAuthError extends QuoineRealtimeError {
  /** The error class's name. */
  override name = 'RealtimeAuthError';
}

/**
 * A memory bound of the realtime client: the option that sets it, so the message can say which to raise.
 * @group Errors
 */
export type RealtimeLimit = 'maxFrameBytes' | 'bufferSize' | 'bufferBytes';

/**
 * A memory bound was hit.
 *
 * As a {@link RealtimeLimitError} itself: the server sent a frame larger
 * than `maxFrameBytes`; the client cut the connection without reading it, ended every
 * subscription with this error and does not reconnect (the same server would do it again).
 * @group Errors
 * @hideconstructor
 */
export class RealtimeLimitError extends QuoineRealtimeError {
  /** The error class's name. */
  override name = 'RealtimeLimitError';
  /** The option whose bound was exceeded. */
  readonly limit: RealtimeLimit;
  /** Its value (messages for `bufferSize`, bytes otherwise). */
  readonly max: number;

  /**
   * @param limit the option whose bound was exceeded
   * @param max its value
   * @param message what happened
   * @param channel the channel concerned
   */
  constructor(limit: RealtimeLimit, max: number, message: string, channel?: string) {
    super(message, channel);
    this.limit = limit;
    this.max = max;
  }
}

/**
 * The consumer of a subscription fell behind: more than `bufferSize` messages, or more than
 * `bufferBytes` bytes of frames, were waiting for it. The subscription was ended.
 * @group Errors
 * @hideconstructor
 */
export class RealtimeOverflowError extends RealtimeLimitError {
  /** The error class's name. */
  override name = 'RealtimeOverflowError';
  declare readonly limit: 'bufferSize' | 'bufferBytes';

  /**
   * @param channel the channel
   * @param limit which bound was exceeded
   * @param max its value (messages or bytes)
   */
  constructor(channel: string, limit: 'bufferSize' | 'bufferBytes', max: number) {
    const what = limit === 'bufferSize' ? `${max} messages` : `${max} bytes of messages`;
    super(
      limit,
      max,
      `the consumer fell behind: more than ${what} were waiting (${limit}), so the subscription was ended ` +
        `(consume faster, raise ${limit}, or use on("data") to handle messages as they arrive)`,
      channel,
    );
  }
}

/**
 * `pusher:error` with a code in 4000–4099 (or such a close code): reconnecting would not help.
 * @group Errors
 * @hideconstructor
 */
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
    super(`the server refused the connection with Pusher error ${code}${message ? `: ${redactTokens(message)}` : ''}`);
    this.code = code;
  }
}

/**
 * Reconnection gave up after the configured number of attempts.
 * @group Errors
 * @hideconstructor
 */
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
    super(`gave up reconnecting after ${attempts} attempts${cause ? ` (last: ${redactTokens(cause)})` : ''}`);
    this.attempts = attempts;
  }
}

/**
 * A channel message that is not the JSON, or not the entity, its channel promises.
 * @group Errors
 * @hideconstructor
 */
export class RealtimeDecodeError extends QuoineRealtimeError {
  /** The error class's name. */
  override name = 'RealtimeDecodeError';
}

/**
 * The client was closed: no new subscription, and pending ones never confirmed.
 * @group Errors
 * @hideconstructor
 */
export class RealtimeClosedError extends QuoineRealtimeError {
  /** The error class's name. */
  override name = 'RealtimeClosedError';
}
