/**
 * One client socket of the tap: the Pusher handshake, subscriptions, `quoine:auth_request`, the
 * silence bound and the slow-reader bound.
 *
 * Choices where the reference is silent (quoine-api.md §8):
 * - Frames are handled synchronously in arrival order, so a subscribe sent right after an auth
 *   request (without waiting for the answer) sees the auth's outcome.
 * - A malformed frame (not JSON, not `{event}` objects, a subscribe without a valid channel) is
 *   answered with `pusher:error` 4300 and the connection stays open; unknown events are ignored.
 * - A `user…` subscription before `quoine:auth_success` is refused with `pusher:error` 4309 (top-level
 *   `channel` set) and not recorded. A later failed auth request logs the connection out and
 *   drops its `user…` subscriptions; a successful one switches to the new token's user.
 * - The JWT that authenticated the connection is held by it until it closes, logs out or
 *   authenticates with another JWT; then the client may re-send it on a new socket (auth.ts).
 * - Activity is any frame in either direction: the official client (pysher) pings only after
 *   `activity_timeout` in which it *received* nothing, so a subscriber the tap is streaming to
 *   must not be dropped for its own silence (§8.4). After `silenceLimitMs` (the announced
 *   `activity_timeout` plus a grace) without a frame either way the socket is closed with 4201.
 *   The server never pings (§8.4).
 * - A client that does not read (its unsent bytes above `maxBufferedBytes`) is terminated: a
 *   close frame could not reach it either.
 * @module
 */
import type { RawData, WebSocket } from 'ws';
import type { JwtVerifier } from '../auth/jwt-verifier.js';
import { authenticate } from './auth.js';
import type { ChannelRegistry } from './channels.js';
import type { RealtimeLease, RealtimeLogins } from './realtime-logins.js';
import {
  ClientEvent,
  ServerEvent,
  TapCloseCode,
  TapErrorCode,
  connectionEstablished,
  dataObject,
  errorFrame,
  frame,
  isChannelName,
  isPrivateChannel,
  parseClientFrame,
  type ClientMessage,
} from './protocol.js';

/** What every connection of one tap shares. */
export interface ConnectionSettings {
  readonly registry: ChannelRegistry<TapConnection>;
  readonly verifier: JwtVerifier;
  readonly logins: RealtimeLogins;
  /** Announced as `activity_timeout` (rounded up to seconds). */
  readonly activityTimeoutMs: number;
  /** No frame in either direction for this long closes the socket with 4201. */
  readonly silenceLimitMs: number;
  readonly maxBufferedBytes: number;
  readonly maxChannels: number;
  readonly warn: (message: string) => void;
  /** Called once, when the socket has closed. */
  readonly closed: (connection: TapConnection) => void;
}

export class TapConnection {
  readonly socketId: string;
  readonly #socket: WebSocket;
  readonly #settings: ConnectionSettings;
  readonly #channels = new Set<string>();
  readonly #silence: NodeJS.Timeout;
  readonly #whenClosed: Promise<void>;
  #resolveClosed: () => void = () => undefined;
  #userId: number | undefined;
  #lease: RealtimeLease | undefined;
  #open = true;

  constructor(socket: WebSocket, socketId: string, settings: ConnectionSettings) {
    this.socketId = socketId;
    this.#socket = socket;
    this.#settings = settings;
    this.#whenClosed = new Promise((resolve) => {
      this.#resolveClosed = resolve;
    });
    this.#silence = setTimeout(() => this.#onSilence(), settings.silenceLimitMs);
    socket.on('message', (data) => this.#onFrame(data));
    socket.on('close', () => this.#onClose());
    // An 'error' is always followed by 'close'; without a listener it would be thrown.
    socket.on('error', () => undefined);
    this.send(connectionEstablished(socketId, Math.ceil(settings.activityTimeoutMs / 1000)));
  }

  /** Settles once the socket has closed and the connection has left every channel. */
  get whenClosed(): Promise<void> {
    return this.#whenClosed;
  }

  /** The authenticated user, or `undefined` before `quoine:auth_success`. */
  get userId(): number | undefined {
    return this.#userId;
  }

  /**
   * Sends a frame (which counts as activity); a client that stopped reading is terminated instead
   * of buffered for ever.
   */
  send(text: string): void {
    if (!this.#open || this.#socket.readyState !== this.#socket.OPEN) return;
    this.#socket.send(text);
    this.#silence.refresh();
    if (this.#socket.bufferedAmount > this.#settings.maxBufferedBytes) {
      this.#settings.warn(
        `tap: dropped socket ${this.socketId}: more than ${this.#settings.maxBufferedBytes} bytes unread`,
      );
      this.terminate();
    }
  }

  /** Closes with a close frame (the tap shutting down, a silent client). */
  close(code: number, reason: string): void {
    if (this.#socket.readyState === this.#socket.OPEN) this.#socket.close(code, reason);
  }

  /** Drops the socket at once. */
  terminate(): void {
    this.#socket.terminate();
  }

  #onFrame(data: RawData): void {
    this.#silence.refresh();
    const messages = parseClientFrame(rawText(data));
    if (messages === undefined) {
      this.send(
        errorFrame(
          TapErrorCode.malformed,
          'Malformed frame: expected a JSON {"event", "data"} object or an array of them',
        ),
      );
      return;
    }
    for (const message of messages) {
      if (!this.#open) return;
      this.#onMessage(message);
    }
  }

  #onMessage(message: ClientMessage): void {
    switch (message.event) {
      case ClientEvent.subscribe: {
        this.#subscribe(dataObject(message.data)['channel']);
        return;
      }
      case ClientEvent.unsubscribe: {
        this.#unsubscribe(dataObject(message.data)['channel']);
        return;
      }
      case ClientEvent.ping: {
        this.send(frame(ServerEvent.pong, {}));
        return;
      }
      case ClientEvent.authRequest: {
        this.#authenticate(message.data);
        return;
      }
      default:
      // Client events and anything else: ignored, as Pusher servers without client events do.
    }
  }

  #subscribe(channel: unknown): void {
    if (!isChannelName(channel)) {
      this.send(errorFrame(TapErrorCode.malformed, 'pusher:subscribe needs a valid channel name'));
      return;
    }
    if (isPrivateChannel(channel) && this.#userId === undefined) {
      this.send(
        errorFrame(
          TapErrorCode.unauthorized,
          `Subscription to ${channel} refused: send quoine:auth_request first`,
          channel,
        ),
      );
      return;
    }
    if (!this.#channels.has(channel) && this.#channels.size >= this.#settings.maxChannels) {
      this.send(
        errorFrame(
          TapErrorCode.tooManyChannels,
          `At most ${this.#settings.maxChannels} channels per connection`,
          channel,
        ),
      );
      return;
    }
    this.#channels.add(channel);
    this.#settings.registry.add(channel, this);
    this.send(frame(ServerEvent.subscriptionSucceeded, '{}', channel));
  }

  #unsubscribe(channel: unknown): void {
    if (typeof channel !== 'string' || !this.#channels.delete(channel)) return;
    this.#settings.registry.remove(channel, this);
  }

  #authenticate(data: unknown): void {
    // Whatever the outcome, the connection no longer holds its previous JWT (a failure logs it
    // out, a success replaces it), so the same JWT may re-authenticate it.
    this.#lease?.release();
    this.#lease = undefined;
    const result = authenticate(this.#settings.verifier, this.#settings.logins, data);
    if (result.ok) {
      this.#userId = result.userId;
      this.#lease = result.lease;
      this.send(frame(ServerEvent.authSuccess, '{}'));
      return;
    }
    this.#userId = undefined;
    for (const channel of [...this.#channels]) if (isPrivateChannel(channel)) this.#unsubscribe(channel);
    this.send(frame(ServerEvent.authFailure, JSON.stringify({ message: result.message })));
  }

  #onSilence(): void {
    // ws destroys the socket itself when the close handshake is not answered within 30 s.
    this.close(TapCloseCode.silent, 'No activity');
  }

  #onClose(): void {
    if (!this.#open) return;
    this.#open = false;
    clearTimeout(this.#silence);
    this.#lease?.release();
    this.#lease = undefined;
    for (const channel of this.#channels) this.#settings.registry.remove(channel, this);
    this.#channels.clear();
    this.#settings.closed(this);
    this.#resolveClosed();
  }
}

export function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
