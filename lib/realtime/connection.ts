/**
 * The socket's lifecycle: opening it, keep-alive and liveness, the closing handshake, and
 * reconnection with backoff after a drop, or giving up. Knows nothing of channels or auth: it
 * hands every frame on and says when a socket is gone.
 * @module
 */
import type { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import { now } from '../core/clock.js';
import { backoffDelay } from './backoff.js';
import {
  QuoineRealtimeError,
  RealtimeClosedError,
  RealtimeConnectionError,
  RealtimeLimitError,
  RealtimeProtocolError,
} from './errors.js';
import { encodeFrame } from './frames.js';
import { Keepalive } from './keepalive.js';
import type { ConnectionSettings, RealtimeEvents, RealtimeState } from './options.js';

/** What the connection needs from the client. */
export interface ConnectionHooks {
  /** A frame arrived (`bytes` long). */
  frame(raw: string, bytes: number): void;
  /** The socket is gone (a new one, if any, starts unauthenticated with nothing subscribed). */
  dropped(): void;
  /** The connection gave up for good: every subscription ends with `error`. */
  gaveUp(error: QuoineRealtimeError): void;
  /** Makes server text safe for an error message (redacted and bounded). */
  scrub(text: string): string;
}

/**
 * Unsent bytes above which keep-alive frames (`pusher:ping`, `pusher:pong`) are not queued: a
 * server that sends but does not read would otherwise pile up a pong per ping in our memory. A
 * server that reads never lets our small frames pile up this far; one pong waiting answers all.
 */
const UNSENT_KEEPALIVE_LIMIT = 64 * 1024;

/** ws's error for a frame over `maxPayload` (raised from the frame's header). */
const FRAME_TOO_LARGE = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

function bytesOf(data: WebSocket.RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/** One client's connection to Tap, across sockets; its events are emitted on the client. */
export class TapConnection {
  readonly #settings: ConnectionSettings;
  readonly #events: EventEmitter<RealtimeEvents>;
  readonly #hooks: ConnectionHooks;
  #state: RealtimeState = 'disconnected';
  #closed = false;
  #ws: WebSocket | undefined;
  #socketId: string | undefined;
  #keepalive: Keepalive | undefined;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #closeTimer: NodeJS.Timeout | undefined;
  #attempt = 0;
  #connectedAt: number | undefined;
  #dropCode: number | undefined;
  /** Why the current socket is being cut for good (a limit was hit): no reconnection. */
  #fatal: QuoineRealtimeError | undefined;
  /** The last failure's text, scrubbed already: it goes into the error the client gives up with. */
  #lastFailure = '';
  #connectWaiters: Array<{ resolve: () => void; reject: (e: QuoineRealtimeError) => void }> = [];
  #closeWaiters: Array<() => void> = [];

  /**
   * @param settings url, timings, bounds and backoff
   * @param events where state changes and errors are emitted (the client)
   * @param hooks frames in, drops and give-ups out
   */
  constructor(settings: ConnectionSettings, events: EventEmitter<RealtimeEvents>, hooks: ConnectionHooks) {
    this.#settings = settings;
    this.#events = events;
    this.#hooks = hooks;
  }

  /** Where the connection stands. */
  get state(): RealtimeState {
    return this.#state;
  }

  /** The Pusher socket id of the current socket. */
  get socketId(): string | undefined {
    return this.#socketId;
  }

  /** Whether `close()` was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Connects (if not yet) and resolves once the server has said `pusher:connection_established`. */
  connect(): Promise<void> {
    if (this.#closed) return Promise.reject(new RealtimeClosedError('the realtime client is closed'));
    if (this.#state === 'connected') return Promise.resolve();
    const waiting = new Promise<void>((resolve, reject) => this.#connectWaiters.push({ resolve, reject }));
    this.startIfIdle();
    return waiting;
  }

  /** Starts connecting when there is no connection and none is being made. */
  startIfIdle(): void {
    if (this.#state !== 'disconnected') return;
    this.#attempt = 0;
    this.#setState('connecting');
    this.#open();
  }

  /** Marks the connection final (no more reconnections; pending `connect()`s reject). */
  stop(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    this.#rejectConnectWaiters(new RealtimeClosedError('the realtime client was closed'));
  }

  /** Closes the socket (after {@link stop}): the closing handshake, cut after `closeTimeoutMs`. Resolves once it is closed. */
  close(): Promise<void> {
    const ws = this.#ws;
    if (!ws) {
      this.#setState('disconnected');
      return Promise.resolve();
    }
    const closed = new Promise<void>((resolve) => this.#closeWaiters.push(resolve));
    if (this.#closeTimer === undefined) {
      if (ws.readyState === WebSocket.OPEN) {
        ws.close(1000);
        this.#closeTimer = setTimeout(() => ws.terminate(), this.#settings.closeTimeoutMs);
      } else {
        ws.terminate();
      }
    }
    return closed;
  }

  /** `pusher:connection_established`: connected. */
  established(socketId: string): void {
    this.#socketId = socketId;
    this.#connectedAt = now();
    this.#setState('connected');
    for (const w of this.#connectWaiters.splice(0)) w.resolve();
  }

  /**
   * `pusher:error` 4000–4299 ends this socket: 4000–4099 without reconnecting, 4100–4199 after a
   * delay, 4200–4299 at once.
   */
  refused(code: number, message: string): void {
    this.#dropCode = code;
    this.#lastFailure = this.#hooks.scrub(message);
    this.#ws?.terminate();
  }

  /** Sends a frame on the current socket, if open. */
  send(event: string, data: unknown): void {
    const ws = this.#ws;
    if (ws?.readyState !== WebSocket.OPEN) return;
    ws.send(encodeFrame(event, data));
    this.#keepalive?.sent();
  }

  /** Sends `pusher:ping` or `pusher:pong` unless the server is not reading what we send. */
  sendKeepalive(event: 'pusher:ping' | 'pusher:pong'): void {
    if ((this.#ws?.bufferedAmount ?? 0) <= UNSENT_KEEPALIVE_LIMIT) this.send(event, {});
  }

  /** Emits `'error'` if someone listens and the client is not closed. */
  emitError(error: QuoineRealtimeError): void {
    if (!this.#closed && this.#events.listenerCount('error') > 0) this.#events.emit('error', error);
  }

  #setState(state: RealtimeState): void {
    if (state === this.#state) return;
    const previous = this.#state;
    this.#state = state;
    this.#events.emit('state', state, previous);
    if (state === 'connected') this.#events.emit('connected', this.#socketId ?? '');
    else if (state === 'connecting') this.#events.emit('connecting');
    else if (state === 'disconnected') this.#events.emit('disconnected');
  }

  #open(): void {
    const { url, livenessTimeoutMs, pingIntervalMs, maxFrameBytes } = this.#settings;
    // No compression (no inflation bomb) and no frame above maxFrameBytes (checked from its header).
    const ws = new WebSocket(url, {
      handshakeTimeout: livenessTimeoutMs,
      perMessageDeflate: false,
      maxPayload: maxFrameBytes,
    });
    this.#ws = ws;
    const keepalive = new Keepalive(
      { pingIntervalMs, livenessTimeoutMs },
      {
        ping: () => this.sendKeepalive('pusher:ping'),
        dead: () => {
          this.#lastFailure = `no frame for ${livenessTimeoutMs} ms`;
          this.emitError(new QuoineRealtimeError(`the socket went silent for ${livenessTimeoutMs} ms; replacing it`));
          ws.terminate();
        },
      },
    );
    this.#keepalive = keepalive;
    keepalive.start();
    ws.on('message', (data) => {
      if (ws !== this.#ws) return;
      keepalive.received();
      const bytes = bytesOf(data);
      this.#hooks.frame(bytes.toString('utf8'), bytes.length);
    });
    ws.on('error', (error) => {
      if (ws !== this.#ws) return;
      if ((error as NodeJS.ErrnoException).code === FRAME_TOO_LARGE) {
        this.#fatal = new RealtimeLimitError(
          'maxFrameBytes',
          maxFrameBytes,
          `the server sent a frame larger than maxFrameBytes (${maxFrameBytes} bytes); the connection was cut without reading it ` +
            '(raise maxFrameBytes if this server legitimately sends frames that large)',
        );
        ws.terminate(); // not ws's closing handshake: it would wait 30 s on a server that will not answer
        return;
      }
      this.#lastFailure = this.#hooks.scrub(error.message);
      this.emitError(new QuoineRealtimeError(`socket error: ${this.#hooks.scrub(error.message)}`));
    });
    ws.on('close', (code, reason) => {
      if (ws !== this.#ws) return;
      this.#onSocketClosed(code, reason.toString('utf8'));
    });
  }

  #onSocketClosed(code: number, reason: string): void {
    this.#keepalive?.stop();
    this.#keepalive = undefined;
    clearTimeout(this.#closeTimer);
    this.#closeTimer = undefined;
    this.#ws = undefined;
    this.#socketId = undefined;
    this.#hooks.dropped();
    const pusherCode = this.#dropCode ?? (code >= 4000 && code < 4300 ? code : undefined);
    const fatal = this.#fatal;
    this.#dropCode = this.#fatal = undefined;
    if (reason) this.#lastFailure = this.#hooks.scrub(reason);

    if (this.#closed) {
      this.#setState('disconnected');
      for (const resolve of this.#closeWaiters.splice(0)) resolve();
      return;
    }
    if (fatal) {
      this.#giveUp(fatal);
      return;
    }
    if (pusherCode !== undefined && pusherCode < 4100) {
      this.#giveUp(new RealtimeProtocolError(pusherCode, this.#lastFailure));
      return;
    }
    const policy = this.#settings.backoff;
    if (!policy) {
      this.#giveUp(new RealtimeConnectionError(0, this.#lastFailure || `closed with code ${code}`));
      return;
    }
    if (this.#connectedAt !== undefined && now() - this.#connectedAt >= policy.stableAfterMs) this.#attempt = 0;
    this.#connectedAt = undefined;
    if (this.#attempt >= policy.maxAttempts) {
      this.#giveUp(new RealtimeConnectionError(this.#attempt, this.#lastFailure || `closed with code ${code}`));
      return;
    }
    // 4200–4299 asks to reconnect now: once. A server that asks again on every connection gets backoff, not a hot loop.
    const delayMs =
      pusherCode !== undefined && pusherCode >= 4200 && this.#attempt === 0 ? 0 : backoffDelay(policy, this.#attempt);
    this.#attempt++;
    this.#setState('reconnecting');
    this.#events.emit('reconnecting', { attempt: this.#attempt, delayMs });
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      this.#open();
    }, delayMs);
  }

  /** Gives up: every subscription ends with `error`; a later subscription starts afresh. */
  #giveUp(error: QuoineRealtimeError): void {
    this.#hooks.gaveUp(error);
    this.#attempt = 0;
    this.#setState('disconnected');
    this.#rejectConnectWaiters(error);
  }

  #rejectConnectWaiters(error: QuoineRealtimeError): void {
    for (const w of this.#connectWaiters.splice(0)) w.reject(error);
  }
}
