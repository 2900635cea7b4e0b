/**
 * The Liquid Tap client: the Pusher protocol over `ws`, with authentication for `user_*`
 * channels, keep-alive, liveness, reconnection with backoff and resubscription, and typed
 * channel helpers returning {@link Subscription}s.
 *
 * This class is the facade and the wiring; each job has its own module: the socket's lifecycle
 * and reconnection (`connection.ts`), authentication (`tap-auth.ts`), the channels and their
 * fan-out (`channel-registry.ts`), and what each frame means (`frame-dispatch.ts`).
 * @module
 */
import { EventEmitter } from 'node:events';
import { inspect } from 'node:util';
import { Signer } from '../core/auth.js';
import { QuoineRequestError } from '../core/errors.js';
import { LocalCoordinator } from '../core/local-coordinator.js';
import { scrub } from '../core/scrub.js';
import type { Execution } from '../entities/execution.js';
import type { MyExecution } from '../entities/my-execution.js';
import type { Order } from '../entities/order.js';
import type { PriceLevel } from '../entities/price-level.js';
import type { Product } from '../entities/product.js';
import type { Trade } from '../entities/trade.js';
import type { AccountUpdate } from './account-update.js';
import { ChannelRegistry, type ChannelEntry } from './channel-registry.js';
import { Channels, isPrivateChannel, type LadderSide } from './channels.js';
import { TapConnection } from './connection.js';
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
import { QuoineRealtimeError, RealtimeAuthError, RealtimeClosedError } from './errors.js';
import type { ExecutionDetail } from './execution-detail.js';
import { dispatchFrame, type FrameHandlers } from './frame-dispatch.js';
import {
  bufferLimits,
  LIQUID_TAP_URL,
  realtimeSettings,
  type QuoineRealtimeOptions,
  type RealtimeEvents,
  type RealtimeState,
  type SubscribeOptions,
} from './options.js';
import { Subscription, type BufferLimits, type SubscriptionControl } from './subscription.js';
import { TapAuth } from './tap-auth.js';
import { checkTapUrl } from './tap-url.js';

/** How much server text an error message keeps. */
const SHOWN_CHARS = 200;

/** Set by {@link QuoineRealtime}'s static block: the one door to its private `#subscribe`. */
let subscribeDecoded: <T>(realtime: QuoineRealtime, channel: string, decode: Decoder<T>) => Subscription<T>;

/**
 * Subscribes `channel` with `decode` as a public method does. Internal (not exported from the
 * package): LiveOrderBook subscribes the ladders with the decoder of the form it keeps.
 * @internal
 */
export function subscribeWith<T>(realtime: QuoineRealtime, channel: string, decode: Decoder<T>): Subscription<T> {
  return subscribeDecoded(realtime, channel, decode);
}

/** Set by {@link QuoineRealtime}'s static block: the one door to its private `#onFrame`. */
let frameArrived: (realtime: QuoineRealtime, raw: string, bytes: number) => void;

/**
 * Handles one frame as if the connection had just received it: the very function the socket's
 * messages go to. Internal (not exported from the package): the benchmark feeds frames through it.
 * @internal
 */
export function receiveFrame(realtime: QuoineRealtime, raw: string, bytes: number): void {
  frameArrived(realtime, raw, bytes);
}

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
 * @group Realtime
 */
export class QuoineRealtime extends EventEmitter<RealtimeEvents> {
  /** The websocket URL. */
  readonly url: string;
  readonly #signer: Signer | undefined;
  readonly #buffer: BufferLimits;
  readonly #channels = new ChannelRegistry();
  readonly #auth: TapAuth;
  readonly #connection: TapConnection;
  /** What the connection calls with each frame (and {@link receiveFrame}). */
  readonly #onFrame: (raw: string, bytes: number) => void;
  readonly #redact = (text: string): string => this.#scrub(text);

  /** @param options URL, credentials, timings */
  constructor(options: QuoineRealtimeOptions = {}) {
    super();
    this.url = checkTapUrl(options.url ?? LIQUID_TAP_URL);
    const hasToken = options.tokenId !== undefined && options.tokenId !== '';
    const hasSecret = options.secret !== undefined && options.secret !== '';
    if (hasToken !== hasSecret)
      throw new QuoineRequestError('give both tokenId and secret, or neither', hasToken ? 'secret' : 'tokenId');
    this.#signer = hasToken && hasSecret ? new Signer(options.tokenId, options.secret) : undefined;
    const settings = realtimeSettings(this.url, options);
    this.#buffer = settings.buffer;
    const coordinator = options.coordinator ?? new LocalCoordinator();
    const secret = hasSecret ? options.secret : undefined;
    this.#auth = new TapAuth(this.#signer, secret, settings.authTimeoutMs, coordinator, {
      send: (event, data) => this.#connection.send(event, data),
      failed: (message) => {
        for (const entry of this.#channels.entries()) {
          if (entry.isPrivate && !entry.requested)
            this.#channels.fail(entry, new RealtimeAuthError(message, entry.name));
        }
      },
    });
    const frames = this.#frameHandlers();
    this.#onFrame = (raw, bytes) => dispatchFrame(raw, bytes, frames);
    this.#connection = new TapConnection(settings.connection, this, {
      frame: this.#onFrame,
      dropped: () => {
        this.#auth.reset();
        this.#channels.resetRequests();
      },
      gaveUp: (error) => this.#channels.failAll(error),
      scrub: (text) => this.#scrub(text),
    });
  }

  /** Where the connection stands. */
  get state(): RealtimeState {
    return this.#connection.state;
  }

  /** The Pusher socket id of the current connection. */
  get socketId(): string | undefined {
    return this.#connection.socketId;
  }

  /** Whether the current connection is authenticated for `user_*` channels. */
  get authenticated(): boolean {
    return this.#auth.ok;
  }

  /** The channels in use, in subscription order. */
  get channels(): string[] {
    return this.#channels.names;
  }

  /** Connects (if not yet) and resolves once the server has said `pusher:connection_established`. */
  connect(): Promise<void> {
    return this.#connection.connect();
  }

  /**
   * Ends every subscription (iterators finish, `'end'` fires), stops every timer and closes the
   * socket. Final: the client cannot be used again. Resolves once the socket is closed.
   */
  close(): Promise<void> {
    if (!this.#connection.closed) {
      this.#connection.stop();
      this.#channels.endAll();
    }
    return this.#connection.close();
  }

  // ── typed channel helpers ────────────────────────────────────────────────────────────────

  /** Product updates (`product_cash_{pair}_{id}`): from a Product, or a pair code and product id. */
  productUpdates(product: Product, options?: SubscribeOptions): Subscription<Product>;
  productUpdates(pair: string, productId: number, options?: SubscribeOptions): Subscription<Product>;
  productUpdates(
    pairOrProduct: string | Product,
    idOrOptions?: number | SubscribeOptions,
    options?: SubscribeOptions,
  ): Subscription<Product> {
    if (typeof pairOrProduct === 'string') {
      return this.#subscribe(Channels.product(pairOrProduct, idOrOptions as number), toProduct, options);
    }
    return this.#subscribe(
      Channels.product(pairOrProduct.currencyPairCode, pairOrProduct.id),
      toProduct,
      idOrOptions as SubscribeOptions | undefined,
    );
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
    return {
      url: this.url,
      state: this.state,
      authenticated: this.authenticated,
      channels: this.channels,
      tokenId: this.#signer?.tokenId,
    };
  }

  /** Server text made safe for an error: no token, not the secret nor the parts of the tokens sent, bounded. */
  #scrub(text: string): string {
    return scrub(text, SHOWN_CHARS, (t) => this.#auth.redact(t));
  }

  // ── subscriptions ────────────────────────────────────────────────────────────────────────

  static {
    subscribeDecoded = (realtime, channel, decode) => realtime.#subscribe(channel, decode);
    frameArrived = (realtime, raw, bytes) => realtime.#onFrame(raw, bytes);
  }

  #subscribe<T>(channel: string, decode: Decoder<T>, options: SubscribeOptions = {}): Subscription<T> {
    if (this.#connection.closed) throw new RealtimeClosedError('the realtime client is closed', channel);
    const isPrivate = isPrivateChannel(channel);
    if (isPrivate && !this.#signer) {
      throw new QuoineRequestError(
        `${channel} is a private channel: create the realtime client with tokenId and secret`,
        'tokenId',
      );
    }
    const limits = bufferLimits(options, this.#buffer);
    let control: SubscriptionControl<T> | undefined;
    const sub = new Subscription<T>(
      channel,
      limits,
      (s) => this.#release(s),
      (c) => (control = c),
    );
    const bound = control as unknown as SubscriptionControl<T>;
    const entry = this.#channels.add(channel, isPrivate, sub, {
      decode,
      deliver: (value, bytes) => bound.deliver(value as T, bytes),
      fail: (error) => bound.fail(error),
      end: () => bound.end(),
      subscribed: () => bound.subscribed(),
    });
    if (entry.confirmed) queueMicrotask(() => bound.subscribed());
    if (this.state === 'connected') this.#request(entry);
    else this.#connection.startIfIdle();
    return sub;
  }

  /** Sends `pusher:subscribe` for a channel on the current connection, authenticating first when needed. */
  #request(entry: ChannelEntry): void {
    if (entry.requested) return;
    if (entry.isPrivate && !this.#auth.ok) {
      this.#auth.request();
      return; // subscribed on quoine:auth_success
    }
    entry.requested = true;
    this.#connection.send('pusher:subscribe', { channel: entry.name });
  }

  #release(sub: object): void {
    const emptied = this.#channels.release(sub);
    if (emptied?.requested && this.state === 'connected')
      this.#connection.send('pusher:unsubscribe', { channel: emptied.name });
  }

  // ── what frames do ───────────────────────────────────────────────────────────────────────

  #frameHandlers(): FrameHandlers {
    return {
      unreadable: (raw) =>
        this.#connection.emitError(
          new QuoineRealtimeError(`ignored a frame that is not Pusher JSON: ${this.#scrub(raw)}`),
        ),
      established: (socketId) => {
        this.#connection.established(socketId);
        for (const entry of this.#channels.entries()) this.#request(entry);
      },
      subscribed: (channel) => this.#channels.confirm(channel),
      ping: () => this.#connection.sendKeepalive('pusher:pong'),
      authSucceeded: () => {
        if (!this.#auth.succeeded()) return;
        for (const entry of this.#channels.entries()) if (entry.isPrivate) this.#request(entry);
      },
      authRefused: (message) => {
        const shown = this.#scrub(message);
        this.#auth.refused(`authentication refused${shown ? `: ${shown}` : ''}`);
      },
      pusherError: (code, message) => {
        if (code !== undefined && code >= 4000 && code < 4300) {
          this.#connection.refused(code, message);
          return;
        }
        const shown = message ? `: ${this.#scrub(message)}` : '';
        this.#connection.emitError(
          new QuoineRealtimeError(`pusher:error${code === undefined ? '' : ` ${code}`}${shown}`),
        );
      },
      channelEvent: (channel, event, message, bytes) =>
        this.#channels.publish(channel, event, message, bytes, this.#redact),
    };
  }
}
