/**
 * The Liquid Tap client: the Pusher protocol over `ws`, with authentication for `user_*`
 * channels, keep-alive, liveness, reconnection with backoff and resubscription, and typed
 * channel helpers returning {@link Subscription}s.
 * @module
 */
import { EventEmitter } from 'node:events';
import { inspect } from 'node:util';
import WebSocket from 'ws';
import { Signer } from '../core/auth.js';
import { now } from '../core/clock.js';
import { QuoineRequestError } from '../core/errors.js';
import type { Execution } from '../entities/execution.js';
import type { MyExecution } from '../entities/my-execution.js';
import type { Order } from '../entities/order.js';
import type { PriceLevel } from '../entities/price-level.js';
import type { Product } from '../entities/product.js';
import type { Trade } from '../entities/trade.js';
import type { AccountUpdate } from './account-update.js';
import { backoffDelay, backoffPolicy, type BackoffOptions, type BackoffPolicy } from './backoff.js';
import { Channels, isPrivateChannel, type LadderSide } from './channels.js';
import {
  rawPayload,
  toAccountUpdate,
  toExecution,
  toExecutionDetail,
  toLadder,
  toMyExecution,
  toOrder,
  toProduct,
  toTrade,
  type Decoder,
} from './decoders.js';
import {
  QuoineRealtimeError,
  RealtimeAuthError,
  RealtimeClosedError,
  RealtimeConnectionError,
  RealtimeDecodeError,
  RealtimeLimitError,
  RealtimeProtocolError,
  scrub,
} from './errors.js';
import type { ExecutionDetail } from './execution-detail.js';
import { decodeData, encodeFrame, parseFrame, type InboundFrame } from './frames.js';
import { Keepalive } from './keepalive.js';
import { Subscription, type BufferLimits, type SubscriptionControl } from './subscription.js';
import { checkTapUrl } from './tap-url.js';

/** Liquid's Tap endpoint. */
export const LIQUID_TAP_URL = 'wss://tap.liquid.com/app/LiquidTapClient';

/** Where the connection stands. */
export type RealtimeState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** Options of {@link QuoineRealtime}. */
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

/** Options of one subscription. */
export interface SubscribeOptions {
  /** This subscription's buffer bound in messages (default: the client's `bufferSize`). */
  readonly bufferSize?: number | undefined;
  /** This subscription's buffer bound in bytes (default: the client's `bufferBytes`). */
  readonly bufferBytes?: number | undefined;
}

/** Events of {@link QuoineRealtime}. `'error'` is emitted only while someone listens to it. */
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

interface Consumer {
  readonly decode: Decoder<unknown>;
  readonly deliver: (value: unknown, bytes: number) => void;
  readonly fail: (error: QuoineRealtimeError) => void;
  readonly end: () => void;
  readonly subscribed: () => void;
}

interface ChannelEntry {
  readonly name: string;
  readonly isPrivate: boolean;
  readonly consumers: Map<object, Consumer>;
  /** `pusher:subscribe` was sent on the current connection. */
  requested: boolean;
  /** The current connection confirmed the subscription. */
  confirmed: boolean;
}

type AuthState = 'none' | 'pending' | 'ok' | 'failed';

const CHANNEL_EVENTS = new Set(['updated', 'created']);

function positive(value: number | undefined, fallback: number, field: string): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v <= 0) throw new QuoineRequestError(`${field} must be a positive number, got ${String(value)}`, field);
  return v;
}

function positiveInteger(value: number | undefined, fallback: number, field: string): number {
  const v = value ?? fallback;
  if (!Number.isSafeInteger(v) || v < 1) throw new QuoineRequestError(`${field} must be a positive integer, got ${String(value)}`, field);
  return v;
}

function bytesOf(data: WebSocket.RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/**
 * Unsent bytes above which keep-alive frames (`pusher:ping`, `pusher:pong`) are not queued: a
 * server that sends but does not read would otherwise pile up a pong per ping in our memory. A
 * server that reads never lets our small frames pile up this far; one pong waiting answers all.
 */
const UNSENT_KEEPALIVE_LIMIT = 64 * 1024;

/** ws's error for a frame over `maxPayload` (raised from the frame's header). */
const FRAME_TOO_LARGE = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

/**
 * A Liquid Tap (Pusher protocol) client.
 *
 * ```ts
 * const tap = new QuoineRealtime({ url: sandbox.tapUrl, tokenId, secret });
 * for await (const e of tap.executions('BTCJPY')) console.log(e.price.toFixed());
 * const orders = tap.myOrders('JPY').on('data', (o) => …).on('error', (e) => …);
 * await tap.close();
 * ```
 *
 * The first subscription connects (or call {@link connect}). Every helper returns a
 * {@link Subscription}: iterate it or listen to it. Subscriptions survive reconnections: after a
 * drop the client reconnects with backoff, re-authenticates and resubscribes every channel;
 * messages published while disconnected are lost (Pusher never replays), so re-read REST state on
 * `'connected'` if you need it. {@link close} ends every subscription and leaves nothing running.
 */
export class QuoineRealtime extends EventEmitter<RealtimeEvents> {
  /** The websocket URL. */
  readonly url: string;
  readonly #signer: Signer | undefined;
  readonly #pingIntervalMs: number;
  readonly #livenessTimeoutMs: number;
  readonly #authTimeoutMs: number;
  readonly #closeTimeoutMs: number;
  readonly #buffer: BufferLimits;
  readonly #maxFrameBytes: number;
  /** Server text made safe for an error: no token, not this client's secret nor the parts of the tokens it sent. */
  readonly #scrub: (text: string) => string;
  /** The last tokens sent and their parts: a server may echo one on its own (a signature has no shape to spot), or encoded. */
  readonly #sentTokenParts: string[] = [];
  readonly #backoff: BackoffPolicy | undefined;
  readonly #channels = new Map<string, ChannelEntry>();
  #state: RealtimeState = 'disconnected';
  #closed = false;
  #ws: WebSocket | undefined;
  #socketId: string | undefined;
  #keepalive: Keepalive | undefined;
  #auth: AuthState = 'none';
  #authTimer: NodeJS.Timeout | undefined;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #closeTimer: NodeJS.Timeout | undefined;
  #attempt = 0;
  #connectedAt: number | undefined;
  #dropCode: number | undefined;
  /** Why the current socket is being cut for good (a limit was hit): no reconnection. */
  #fatal: QuoineRealtimeError | undefined;
  #lastFailure = '';
  #connectWaiters: Array<{ resolve: () => void; reject: (e: QuoineRealtimeError) => void }> = [];
  #closeWaiters: Array<() => void> = [];

  /** @param options URL, credentials, timings */
  constructor(options: QuoineRealtimeOptions = {}) {
    super();
    this.url = checkTapUrl(options.url ?? LIQUID_TAP_URL);
    const hasToken = options.tokenId !== undefined && options.tokenId !== '';
    const hasSecret = options.secret !== undefined && options.secret !== '';
    if (hasToken !== hasSecret) throw new QuoineRequestError('give both tokenId and secret, or neither', hasToken ? 'secret' : 'tokenId');
    this.#signer = hasToken && hasSecret ? new Signer(options.tokenId as string | number, options.secret as string) : undefined;
    const secret = hasSecret ? options.secret : undefined;
    this.#scrub = (text) => scrub(text, [secret, ...this.#sentTokenParts]);
    this.#pingIntervalMs = positive(options.pingIntervalMs, 60_000, 'pingIntervalMs');
    this.#livenessTimeoutMs = positive(options.livenessTimeoutMs, 90_000, 'livenessTimeoutMs');
    this.#authTimeoutMs = positive(options.authTimeoutMs, 10_000, 'authTimeoutMs');
    this.#closeTimeoutMs = positive(options.closeTimeoutMs, 1000, 'closeTimeoutMs');
    this.#buffer = this.#bufferLimits(options, { bufferSize: 1000, bufferBytes: 8 * 1024 * 1024 });
    this.#maxFrameBytes = positiveInteger(options.maxFrameBytes, 1024 * 1024, 'maxFrameBytes');
    this.#backoff = options.reconnect === false ? undefined : backoffPolicy(options.reconnect);
  }

  /** Where the connection stands. */
  get state(): RealtimeState {
    return this.#state;
  }

  /** The Pusher socket id of the current connection. */
  get socketId(): string | undefined {
    return this.#socketId;
  }

  /** Whether the current connection is authenticated for `user_*` channels. */
  get authenticated(): boolean {
    return this.#auth === 'ok';
  }

  /** The channels in use, in subscription order. */
  get channels(): string[] {
    return [...this.#channels.keys()];
  }

  /** Connects (if not yet) and resolves once the server has said `pusher:connection_established`. */
  connect(): Promise<void> {
    if (this.#closed) return Promise.reject(new RealtimeClosedError('the realtime client is closed'));
    if (this.#state === 'connected') return Promise.resolve();
    const waiting = new Promise<void>((resolve, reject) => this.#connectWaiters.push({ resolve, reject }));
    if (this.#state === 'disconnected') this.#start();
    return waiting;
  }

  /**
   * Ends every subscription (iterators finish, `'end'` fires), stops every timer and closes the
   * socket. Final: the client cannot be used again.
   */
  close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      clearTimeout(this.#reconnectTimer);
      this.#reconnectTimer = undefined;
      const consumers = [...this.#channels.values()].flatMap((e) => [...e.consumers.values()]);
      this.#channels.clear();
      for (const c of consumers) c.end();
      this.#rejectConnectWaiters(new RealtimeClosedError('the realtime client was closed'));
    }
    const ws = this.#ws;
    if (!ws) {
      this.#setState('disconnected');
      return Promise.resolve();
    }
    const closed = new Promise<void>((resolve) => this.#closeWaiters.push(resolve));
    if (this.#closeTimer === undefined) {
      if (ws.readyState === WebSocket.OPEN) {
        ws.close(1000);
        this.#closeTimer = setTimeout(() => ws.terminate(), this.#closeTimeoutMs);
      } else {
        ws.terminate();
      }
    }
    return closed;
  }

  // ── typed channel helpers ────────────────────────────────────────────────────────────────

  /** Product updates (`product_cash_{pair}_{id}`): from a Product, or a pair code and product id. */
  productUpdates(product: Product, options?: SubscribeOptions): Subscription<Product>;
  productUpdates(pair: string, productId: number, options?: SubscribeOptions): Subscription<Product>;
  productUpdates(pairOrProduct: string | Product, idOrOptions?: number | SubscribeOptions, options?: SubscribeOptions): Subscription<Product> {
    if (typeof pairOrProduct === 'string') {
      return this.#subscribe(Channels.product(pairOrProduct, idOrOptions as number), toProduct, options);
    }
    return this.#subscribe(Channels.product(pairOrProduct.currencyPairCode, pairOrProduct.id), toProduct, idOrOptions as SubscribeOptions | undefined);
  }

  /** One side of the order book (`price_ladders_cash_{pair}_{side}`): each message is that side's full top-N snapshot. */
  priceLadder(pair: string, side: LadderSide, options?: SubscribeOptions): Subscription<PriceLevel[]> {
    return this.#subscribe(Channels.priceLadder(pair, side), toLadder, options);
  }

  /** Public executions (`executions_cash_{pair}`). */
  executions(pair: string, options?: SubscribeOptions): Subscription<Execution> {
    return this.#subscribe(Channels.executions(pair), toExecution, options);
  }

  /** Public executions with both order ids (`execution_details_cash_{pair}`). */
  executionDetails(pair: string, options?: SubscribeOptions): Subscription<ExecutionDetail> {
    return this.#subscribe(Channels.executionDetails(pair), toExecutionDetail, options);
  }

  /** Your orders funded in a currency (`user_account_{ccy}_orders`, private). */
  myOrders(fundingCurrency: string, options?: SubscribeOptions): Subscription<Order> {
    return this.#subscribe(Channels.myOrders(fundingCurrency), toOrder, options);
  }

  /** Your margin positions funded in a currency (`user_account_{ccy}_trades`, private). */
  myTrades(fundingCurrency: string, options?: SubscribeOptions): Subscription<Trade> {
    return this.#subscribe(Channels.myTrades(fundingCurrency), toTrade, options);
  }

  /** Your executions on a pair (`user_executions_cash_{pair}`, private). */
  myExecutions(pair: string, options?: SubscribeOptions): Subscription<MyExecution> {
    return this.#subscribe(Channels.myExecutions(pair), toMyExecution, options);
  }

  /** Balance updates of one of your accounts (`user_account_{currency}`, private). */
  accountUpdates(currency: string, options?: SubscribeOptions): Subscription<AccountUpdate> {
    return this.#subscribe(Channels.account(currency), toAccountUpdate, options);
  }

  /**
   * Any channel by name, its payloads parsed losslessly (numbers as strings) but not hydrated.
   * Names starting with `user` are authenticated first.
   */
  channel(name: string, options?: SubscribeOptions): Subscription<unknown> {
    if (typeof name !== 'string' || !/^[a-z0-9_-]+$/.test(name)) {
      throw new QuoineRequestError(`channel must be a lower-case channel name, got ${JSON.stringify(name)}`, 'channel');
    }
    return this.#subscribe(name, rawPayload, options);
  }

  /** What `util.inspect` shows: never the credentials. */
  [inspect.custom](): string {
    return `QuoineRealtime ${inspect(this.toJSON())}`;
  }

  /** A safe summary: never the credentials. */
  toJSON(): Record<string, unknown> {
    return { url: this.url, state: this.#state, authenticated: this.authenticated, channels: this.channels, tokenId: this.#signer?.tokenId };
  }

  // ── subscriptions ────────────────────────────────────────────────────────────────────────

  #bufferLimits(options: SubscribeOptions, defaults: BufferLimits): BufferLimits {
    return {
      bufferSize: positiveInteger(options.bufferSize, defaults.bufferSize, 'bufferSize'),
      bufferBytes: positiveInteger(options.bufferBytes, defaults.bufferBytes, 'bufferBytes'),
    };
  }

  #subscribe<T>(channel: string, decode: Decoder<T>, options: SubscribeOptions = {}): Subscription<T> {
    if (this.#closed) throw new RealtimeClosedError('the realtime client is closed', channel);
    const isPrivate = isPrivateChannel(channel);
    if (isPrivate && !this.#signer) {
      throw new QuoineRequestError(`${channel} is a private channel: create the realtime client with tokenId and secret`, 'tokenId');
    }
    const limits = this.#bufferLimits(options, this.#buffer);
    let control: SubscriptionControl<T> | undefined;
    const sub = new Subscription<T>(channel, limits, (s) => this.#release(s), (c) => (control = c));
    const bound = control as unknown as SubscriptionControl<T>;
    let entry = this.#channels.get(channel);
    if (!entry) {
      entry = { name: channel, isPrivate, consumers: new Map(), requested: false, confirmed: false };
      this.#channels.set(channel, entry);
    }
    entry.consumers.set(sub, {
      decode,
      deliver: (value, bytes) => bound.deliver(value as T, bytes),
      fail: (error) => bound.fail(error),
      end: () => bound.end(),
      subscribed: () => bound.subscribed(),
    });
    if (entry.confirmed) queueMicrotask(() => bound.subscribed());
    if (this.#state === 'connected') this.#request(entry);
    else if (this.#state === 'disconnected') this.#start();
    return sub;
  }

  /** Sends `pusher:subscribe` for a channel on the current connection, authenticating first when needed. */
  #request(entry: ChannelEntry): void {
    if (entry.requested) return;
    if (entry.isPrivate && this.#auth !== 'ok') {
      this.#authenticate();
      return; // subscribed on quoine:auth_success
    }
    entry.requested = true;
    this.#send('pusher:subscribe', { channel: entry.name });
  }

  #release(sub: object): void {
    for (const entry of this.#channels.values()) {
      if (!entry.consumers.delete(sub)) continue;
      if (entry.consumers.size === 0) {
        this.#channels.delete(entry.name);
        if (entry.requested && this.#state === 'connected') this.#send('pusher:unsubscribe', { channel: entry.name });
      }
      return;
    }
  }

  #failChannel(entry: ChannelEntry, error: QuoineRealtimeError): void {
    this.#channels.delete(entry.name);
    for (const c of [...entry.consumers.values()]) c.fail(error);
  }

  // ── connection ───────────────────────────────────────────────────────────────────────────

  #setState(state: RealtimeState): void {
    if (state === this.#state) return;
    const previous = this.#state;
    this.#state = state;
    this.emit('state', state, previous);
    if (state === 'connected') this.emit('connected', this.#socketId ?? '');
    else if (state === 'connecting') this.emit('connecting');
    else if (state === 'disconnected') this.emit('disconnected');
  }

  #emitError(error: QuoineRealtimeError): void {
    if (!this.#closed && this.listenerCount('error') > 0) this.emit('error', error);
  }

  #start(): void {
    this.#attempt = 0;
    this.#setState('connecting');
    this.#open();
  }

  #open(): void {
    // No compression (no inflation bomb) and no frame above maxFrameBytes (checked from its header).
    const ws = new WebSocket(this.url, { handshakeTimeout: this.#livenessTimeoutMs, perMessageDeflate: false, maxPayload: this.#maxFrameBytes });
    this.#ws = ws;
    const keepalive = new Keepalive(
      { pingIntervalMs: this.#pingIntervalMs, livenessTimeoutMs: this.#livenessTimeoutMs },
      {
        ping: () => this.#sendKeepalive('pusher:ping'),
        dead: () => {
          this.#lastFailure = `no frame for ${this.#livenessTimeoutMs} ms`;
          this.#emitError(new QuoineRealtimeError(`the socket went silent for ${this.#livenessTimeoutMs} ms; replacing it`));
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
      this.#onFrame(bytes.toString('utf8'), bytes.length);
    });
    ws.on('error', (error) => {
      if (ws !== this.#ws) return;
      if ((error as NodeJS.ErrnoException).code === FRAME_TOO_LARGE) {
        this.#fatal = new RealtimeLimitError(
          'maxFrameBytes',
          this.#maxFrameBytes,
          `the server sent a frame larger than maxFrameBytes (${this.#maxFrameBytes} bytes); the connection was cut without reading it ` +
            '(raise maxFrameBytes if this server legitimately sends frames that large)',
        );
        ws.terminate(); // not ws's closing handshake: it would wait 30 s on a server that will not answer
        return;
      }
      this.#lastFailure = this.#scrub(error.message);
      this.#emitError(new QuoineRealtimeError(`socket error: ${this.#scrub(error.message)}`));
    });
    ws.on('close', (code, reason) => {
      if (ws !== this.#ws) return;
      this.#onSocketClosed(code, reason.toString('utf8'));
    });
  }

  #send(event: string, data: unknown): void {
    const ws = this.#ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    ws.send(encodeFrame(event, data));
    this.#keepalive?.sent();
  }

  #sendKeepalive(event: 'pusher:ping' | 'pusher:pong'): void {
    if ((this.#ws?.bufferedAmount ?? 0) <= UNSENT_KEEPALIVE_LIMIT) this.#send(event, {});
  }

  #onSocketClosed(code: number, reason: string): void {
    this.#keepalive?.stop();
    this.#keepalive = undefined;
    clearTimeout(this.#authTimer);
    clearTimeout(this.#closeTimer);
    this.#authTimer = this.#closeTimer = undefined;
    this.#ws = undefined;
    this.#socketId = undefined;
    this.#auth = 'none';
    for (const entry of this.#channels.values()) entry.requested = entry.confirmed = false;
    const pusherCode = this.#dropCode ?? (code >= 4000 && code < 4300 ? code : undefined);
    const fatal = this.#fatal;
    this.#dropCode = this.#fatal = undefined;
    if (reason) this.#lastFailure = this.#scrub(reason);

    if (this.#closed) {
      this.#setState('disconnected');
      for (const resolve of this.#closeWaiters.splice(0)) resolve();
      return;
    }
    if (fatal) {
      this.#shutDown(fatal);
      return;
    }
    if (pusherCode !== undefined && pusherCode < 4100) {
      this.#shutDown(new RealtimeProtocolError(pusherCode, this.#scrub(this.#lastFailure)));
      return;
    }
    const policy = this.#backoff;
    if (!policy) {
      this.#shutDown(new RealtimeConnectionError(0, this.#scrub(this.#lastFailure || `closed with code ${code}`)));
      return;
    }
    if (this.#connectedAt !== undefined && now() - this.#connectedAt >= policy.stableAfterMs) this.#attempt = 0;
    this.#connectedAt = undefined;
    if (this.#attempt >= policy.maxAttempts) {
      this.#shutDown(new RealtimeConnectionError(this.#attempt, this.#scrub(this.#lastFailure || `closed with code ${code}`)));
      return;
    }
    // 4200–4299 asks to reconnect now: once. A server that asks again on every connection gets backoff, not a hot loop.
    const delayMs = pusherCode !== undefined && pusherCode >= 4200 && this.#attempt === 0 ? 0 : backoffDelay(policy, this.#attempt);
    this.#attempt++;
    this.#setState('reconnecting');
    this.emit('reconnecting', { attempt: this.#attempt, delayMs });
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      this.#open();
    }, delayMs);
  }

  /** Gives up: every subscription ends with `error`; a later subscription starts afresh. */
  #shutDown(error: QuoineRealtimeError): void {
    const entries = [...this.#channels.values()];
    for (const entry of entries) this.#failChannel(entry, error);
    this.#attempt = 0;
    this.#setState('disconnected');
    this.#rejectConnectWaiters(error);
  }

  #rejectConnectWaiters(error: QuoineRealtimeError): void {
    for (const w of this.#connectWaiters.splice(0)) w.reject(error);
  }

  // ── inbound frames ───────────────────────────────────────────────────────────────────────

  #onFrame(raw: string, bytes: number): void {
    const frame = parseFrame(raw);
    if (!frame) {
      this.#emitError(new QuoineRealtimeError(`ignored a frame that is not Pusher JSON: ${this.#scrub(raw)}`));
      return;
    }
    switch (frame.event) {
      case 'pusher:connection_established':
        this.#onEstablished(frame);
        return;
      case 'pusher_internal:subscription_succeeded':
        this.#onSubscribed(frame.channel);
        return;
      case 'pusher:ping':
        this.#sendKeepalive('pusher:pong');
        return;
      case 'pusher:pong':
        return;
      case 'quoine:auth_success':
        this.#onAuthSuccess();
        return;
      case 'quoine:auth_failure':
        this.#onAuthFailure(`authentication refused${this.#messageOf(frame) ? `: ${this.#messageOf(frame)}` : ''}`);
        return;
      case 'pusher:error':
        this.#onPusherError(frame);
        return;
      default:
        if (frame.channel !== undefined && CHANNEL_EVENTS.has(frame.event)) this.#onChannelEvent(frame, frame.channel, bytes);
    }
  }

  #payload(frame: InboundFrame): Record<string, unknown> {
    try {
      const data = decodeData(frame.data);
      return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  #messageOf(frame: InboundFrame): string {
    const message = this.#payload(frame).message;
    return typeof message === 'string' ? this.#scrub(message) : '';
  }

  #onEstablished(frame: InboundFrame): void {
    const socketId = this.#payload(frame).socket_id;
    this.#socketId = typeof socketId === 'string' ? socketId : '';
    this.#connectedAt = now();
    this.#setState('connected');
    for (const w of this.#connectWaiters.splice(0)) w.resolve();
    for (const entry of [...this.#channels.values()]) this.#request(entry);
  }

  #onSubscribed(channel: string | undefined): void {
    const entry = channel === undefined ? undefined : this.#channels.get(channel);
    if (!entry || !entry.requested) return;
    entry.confirmed = true;
    for (const c of [...entry.consumers.values()]) c.subscribed();
  }

  #authenticate(): void {
    if (this.#auth === 'pending' || this.#auth === 'ok' || !this.#signer) return;
    this.#auth = 'pending';
    // The JWT goes into the frame and nowhere else.
    const token = this.#signer.sign('/realtime');
    this.#sentTokenParts.push(token, ...token.split('.')); // whole too: its encodings are scrubbed
    this.#sentTokenParts.splice(0, this.#sentTokenParts.length - 16); // the last four tokens
    this.#send('quoine:auth_request', { path: '/realtime', headers: { 'X-Quoine-Auth': token } });
    this.#authTimer = setTimeout(() => this.#onAuthFailure(`no answer to quoine:auth_request within ${this.#authTimeoutMs} ms`), this.#authTimeoutMs);
  }

  #onAuthSuccess(): void {
    if (this.#auth !== 'pending') return;
    clearTimeout(this.#authTimer);
    this.#authTimer = undefined;
    this.#auth = 'ok';
    for (const entry of [...this.#channels.values()]) if (entry.isPrivate) this.#request(entry);
  }

  #onAuthFailure(message: string): void {
    clearTimeout(this.#authTimer);
    this.#authTimer = undefined;
    this.#auth = 'failed';
    for (const entry of [...this.#channels.values()]) {
      if (entry.isPrivate && !entry.requested) this.#failChannel(entry, new RealtimeAuthError(message, entry.name));
    }
  }

  #onPusherError(frame: InboundFrame): void {
    const payload = this.#payload(frame);
    const code = typeof payload.code === 'string' && /^\d+$/.test(payload.code) ? Number(payload.code) : undefined;
    const message = typeof payload.message === 'string' ? payload.message : '';
    if (code !== undefined && code >= 4000 && code < 4300) {
      // 4000–4099: do not reconnect; 4100–4199: reconnect after a delay; 4200–4299: reconnect now.
      this.#dropCode = code;
      this.#lastFailure = this.#scrub(message);
      this.#ws?.terminate();
      return;
    }
    this.#emitError(new QuoineRealtimeError(`pusher:error${code === undefined ? '' : ` ${code}`}${message ? `: ${this.#scrub(message)}` : ''}`));
  }

  #onChannelEvent(frame: InboundFrame, channel: string, bytes: number): void {
    const entry = this.#channels.get(channel);
    if (!entry) return;
    let payload: unknown;
    try {
      payload = decodeData(frame.data);
    } catch (e) {
      this.#failChannel(entry, new RealtimeDecodeError(`${frame.event}: data is not JSON (${this.#scrub((e as Error).message)})`, channel));
      return;
    }
    // Decode once per decoder, however many consumers share the channel.
    const decoded = new Map<Decoder<unknown>, { value: unknown } | { error: RealtimeDecodeError }>();
    for (const consumer of [...entry.consumers.values()]) {
      let result = decoded.get(consumer.decode);
      if (!result) {
        try {
          result = { value: consumer.decode(payload, channel) };
        } catch (e) {
          result = { error: new RealtimeDecodeError(`${frame.event}: ${this.#scrub((e as Error).message)}`, channel) };
        }
        decoded.set(consumer.decode, result);
      }
      if ('error' in result) consumer.fail(result.error);
      else consumer.deliver(result.value, bytes);
    }
  }
}
