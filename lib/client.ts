/**
 * The client: options, presets, and the resource namespaces wired to one transport.
 * @module
 */
import { Signer } from './core/auth.js';
import { MAX_TIMER_MS } from './core/clock.js';
import { describe } from './core/coerce.js';
import { QuoineRequestError } from './core/errors.js';
import { isLoopbackHost } from './core/loopback.js';
import type { Coordinator } from './core/coordinator.js';
import { LocalCoordinator } from './core/local-coordinator.js';
import { checkRateLimit, type RateLimit } from './core/rate-limiter.js';
import { Transport } from './core/transport.js';
import { Accounts } from './resources/accounts.js';
import { Currencies } from './resources/currencies.js';
import { Executions } from './resources/executions.js';
import { Fees } from './resources/fees.js';
import { BalanceHistory } from './resources/balance-history.js';
import { CryptoWithdrawals } from './resources/crypto-withdrawals.js';
import { InterestRates } from './resources/interest-rates.js';
import { Loans } from './resources/loans.js';
import { Orders } from './resources/orders.js';
import { Products } from './resources/products.js';
import { Trades } from './resources/trades.js';
import { TradingAccounts } from './resources/trading-accounts.js';
import { Transactions } from './resources/transactions.js';
import { Users } from './resources/users.js';
import { Withdrawals } from './resources/withdrawals.js';
import { LIQUID_TAP_URL, QuoineRealtime, type QuoineRealtimeOptions } from './realtime/index.js';
import { checkTapUrl } from './realtime/tap-url.js';
import { VERSION } from './version.js';

/**
 * Options of {@link Quoine}. Everything is optional; public calls need no credentials.
 * @group Client
 */
export interface QuoineOptions {
  /** API token id. Needed, with `secret`, for private calls. */
  readonly tokenId?: string | number | undefined;
  /** API token secret. Kept in a private field; never printed, logged or put in an error. */
  readonly secret?: string | undefined;
  /**
   * Where the API is. Default: the `QUOINE_BASE_URL` environment variable when it is set and not
   * empty (checked like this option), else {@link Quoine.SANDBOX} (`quoine sandbox` on its default
   * port): the exchange closed in 2022. Presets: {@link Quoine.QUOINEX}, {@link Quoine.QRYPTOS},
   * {@link Quoine.LIQUID}. Plain `http:` is refused unless the host is loopback.
   */
  readonly baseUrl?: string;
  /** Sent as `X-Quoine-Vendor-ID`. */
  readonly vendorId?: string;
  /** Sent as `Accept-Language`: the language of the exchange's error messages. */
  readonly language?: string;
  /** Milliseconds one attempt may take. Default 30 000. */
  readonly timeout?: number;
  /** Milliseconds to establish a connection (DNS + TCP + TLS). Default 10 000, at most `timeout`. */
  readonly connectTimeout?: number;
  /** Retries after a failed attempt, where the call's safety allows. Default 2. */
  readonly maxRetries?: number;
  /** The longest `Retry-After` the client waits out inside a call; longer ones fail fast. Default 60 000. */
  readonly maxRetryAfterMs?: number;
  /**
   * The largest response body accepted, in bytes after decompression; a larger one fails with
   * `QuoineResponseTooLargeError` as soon as it passes the limit, before it is held in memory.
   * Default 16 MiB: ~15× the largest body the API serves (a page of 1,000 orders with their
   * executions measured 1.08 MB from the sandbox; a full order book well under 1 MB), while a
   * hostile or broken server cannot make one call hold more than this (reading and parsing a body
   * costs about 4× its size in memory). Per call: `{ maxResponseBytes }`.
   */
  readonly maxResponseBytes?: number;
  /**
   * Client-side rate limit. Default 300 requests per 5 minutes (600 with the Liquid preset),
   * the exchange's published limits; `false` turns it off. With a shared `coordinator`, this is
   * the window shared by every process of the token: give each the same.
   */
  readonly rateLimit?: RateLimit | false;
  /**
   * Where the signing lane (who signs and sends next, and the nonce) and the rate-limit window
   * live. Default: a {@link LocalCoordinator} of this client's own. Several processes or machines
   * on one token share them through Redis: `coordinator: await redisCoordinator({ url, key })`
   * from `quoine/redis`. The client never closes a coordinator it was given.
   */
  readonly coordinator?: Coordinator;
  /** Overrides the `User-Agent` header. */
  readonly userAgent?: string;
  /**
   * The realtime (Liquid Tap) websocket URL. Default: for a loopback `baseUrl` (the sandbox),
   * the same host and port at `/app/LiquidTapClient`; otherwise `wss://tap.liquid.com/app/LiquidTapClient`.
   */
  readonly tapUrl?: string;
  /** Settings of `client.realtime` (keep-alive, liveness, reconnection, buffer sizes). */
  readonly realtime?: Omit<QuoineRealtimeOptions, 'url' | 'tokenId' | 'secret' | 'coordinator'>;
}

const FIVE_MINUTES = 5 * 60 * 1000;
/** 16 MiB: see {@link QuoineOptions.maxResponseBytes}. */
const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * A client of the Quoine exchange API v2.
 * @example
 * ```ts
 * import { Quoine } from 'quoine';
 * const client = new Quoine({ tokenId: process.env.QUOINE_TOKEN_ID, secret: process.env.QUOINE_SECRET });
 * const products = await client.products.list();
 * ```
 * @group Client
 */
export class Quoine {
  /** The embedded sandbox on its default address (`quoine sandbox`). The default. */
  static readonly SANDBOX = 'http://127.0.0.1:3000';
  /** Quoinex (2016–2018). */
  static readonly QUOINEX = 'https://api.quoine.com';
  /** Qryptos (2017–2018), separate API tokens. */
  static readonly QRYPTOS = 'https://api.qryptos.com';
  /** Liquid by Quoine (2018–2022). */
  static readonly LIQUID = 'https://api.liquid.com';

  /** The API's base URL. */
  readonly baseUrl: string;
  /** Products and order books. */
  readonly products: Products;
  /** Public executions. */
  readonly executions: Executions;
  /** Interest-rate ladders. */
  readonly interestRates: InterestRates;
  /** Currencies. */
  readonly currencies: Currencies;
  /** Fee rules, your fee tier and estimates. */
  readonly fees: Fees;
  /** Your orders. */
  readonly orders: Orders;
  /** Your accounts and balances. */
  readonly accounts: Accounts;
  /** Your loans and lending offers. */
  readonly loans: Loans;
  /** Margin trading accounts. */
  readonly tradingAccounts: TradingAccounts;
  /** Your trades (margin positions). */
  readonly trades: Trades;
  /** Your account settings. */
  readonly users: Users;
  /** Crypto withdrawals. */
  readonly cryptoWithdrawals: CryptoWithdrawals;
  /** Fiat withdrawals. */
  readonly withdrawals: Withdrawals;
  /** The legacy transaction log. */
  readonly transactions: Transactions;
  /** Every change of every balance. */
  readonly balanceHistory: BalanceHistory;
  readonly #transport: Transport;
  readonly #rateLimit: RateLimit | undefined;
  /** Builds `realtime` on first use; holds the credentials only inside its closure. */
  readonly #makeRealtime: () => QuoineRealtime;
  #realtime: QuoineRealtime | undefined;

  /** @param options credentials and settings; see {@link QuoineOptions} */
  constructor(options: QuoineOptions = {}) {
    this.baseUrl = options.baseUrl !== undefined ? checkBaseUrl(options.baseUrl) : defaultBaseUrl();
    const timeout = timerMs(options.timeout ?? 30_000, 'timeout');
    const credentials = options.tokenId !== undefined || options.secret !== undefined;
    if (credentials && (options.tokenId === undefined || options.secret === undefined)) {
      throw new QuoineRequestError(
        'tokenId and secret go together: give both or neither',
        options.secret === undefined ? 'secret' : 'tokenId',
      );
    }
    const rateLimit = rateLimitFor(options.rateLimit, this.baseUrl);
    const coordinator =
      options.coordinator === undefined ? new LocalCoordinator() : checkCoordinator(options.coordinator);
    const headers: Record<string, string> = {
      'X-Quoine-API-Version': '2',
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'User-Agent':
        options.userAgent === undefined
          ? `quoine/${VERSION} (node ${process.version})`
          : headerValue(options.userAgent, 'userAgent'),
    };
    if (options.vendorId !== undefined) headers['X-Quoine-Vendor-ID'] = headerValue(options.vendorId, 'vendorId');
    if (options.language !== undefined) headers['Accept-Language'] = headerValue(options.language, 'language');
    this.#transport = new Transport({
      baseUrl: this.baseUrl,
      signer: credentials ? new Signer(options.tokenId as string | number, options.secret as string) : undefined,
      headers,
      timeout,
      connectTimeout: timerMs(options.connectTimeout ?? 10_000, 'connectTimeout'),
      maxRetries: nonNegativeInt(options.maxRetries ?? 2, 'maxRetries'),
      maxRetryAfterMs: positive(options.maxRetryAfterMs ?? 60_000, 'maxRetryAfterMs'),
      maxResponseBytes: positiveInt(options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES, 'maxResponseBytes'),
      coordinator,
      rateLimit,
    });
    this.#rateLimit = rateLimit;
    this.products = new Products(this.#transport);
    this.executions = new Executions(this.#transport);
    this.interestRates = new InterestRates(this.#transport);
    this.currencies = new Currencies(this.#transport);
    this.fees = new Fees(this.#transport);
    this.orders = new Orders(this.#transport);
    this.accounts = new Accounts(this.#transport);
    this.loans = new Loans(this.#transport);
    this.tradingAccounts = new TradingAccounts(this.#transport);
    this.trades = new Trades(this.#transport);
    this.users = new Users(this.#transport);
    this.cryptoWithdrawals = new CryptoWithdrawals(this.#transport);
    this.withdrawals = new Withdrawals(this.#transport);
    this.transactions = new Transactions(this.#transport);
    this.balanceHistory = new BalanceHistory(this.#transport);
    const tapUrl = checkTapUrl(options.tapUrl ?? defaultTapUrl(this.baseUrl));
    const { tokenId, secret } = credentials ? options : { tokenId: undefined, secret: undefined };
    this.#makeRealtime = () => new QuoineRealtime({ ...options.realtime, url: tapUrl, tokenId, secret, coordinator });
  }

  /**
   * The realtime feed (Liquid Tap over the Pusher protocol), connected on first use.
   * @example
   * ```ts
   * for await (const trade of client.realtime.executions('btcjpy')) console.log(trade.price.toFixed());
   * const book = new LiveOrderBook(client.realtime, { pair: 'btcjpy', productId: 5, rest: client.products });
   * ```
   */
  get realtime(): QuoineRealtime {
    this.#realtime ??= this.#makeRealtime();
    return this.#realtime;
  }

  /** The client-side rate limit in force, or `undefined` when it is off. */
  get rateLimit(): RateLimit | undefined {
    return this.#rateLimit;
  }

  /** Whether the client has credentials for private calls. */
  get authenticated(): boolean {
    return this.#transport.canSign;
  }

  /**
   * Closes idle keep-alive connections and the realtime feed, if it was opened. Resolves once the
   * feed's socket is closed (see {@link QuoineRealtime.close}); never rejects. The client stays
   * usable: a later call opens new connections, and `realtime` a new feed.
   */
  async close(): Promise<void> {
    this.#transport.close();
    const realtime = this.#realtime;
    this.#realtime = undefined;
    await realtime?.close();
  }
}

function rateLimitFor(option: RateLimit | false | undefined, baseUrl: string): RateLimit | undefined {
  if (option === false) return undefined;
  const requests = baseUrl === Quoine.LIQUID ? 600 : 300;
  return checkRateLimit(option ?? { requests, intervalMs: FIVE_MINUTES });
}

/** The methods a coordinator must have; a plain-JS caller may pass anything. */
const COORDINATOR_METHODS = ['acquireLane', 'acquireSlot', 'pause', 'close'] as const;

function checkCoordinator(coordinator: Coordinator): Coordinator {
  const value = coordinator as unknown as Record<string, unknown> | null;
  const missing = COORDINATOR_METHODS.filter((m) => typeof value?.[m] !== 'function');
  if (typeof value !== 'object' || missing.length > 0) {
    throw new QuoineRequestError(
      `coordinator must be a Coordinator (LocalCoordinator, or redisCoordinator() from quoine/redis); missing ${missing.join(', ')}`,
      'coordinator',
    );
  }
  return coordinator;
}

/** The sandbox serves Liquid Tap on its own port; the real exchange at tap.liquid.com. */
function defaultTapUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (!isLoopbackHost(url.hostname)) return LIQUID_TAP_URL;
  return `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}/app/LiquidTapClient`;
}

/** The `baseUrl` when the option is absent: `QUOINE_BASE_URL` if set and not empty, else the sandbox. */
function defaultBaseUrl(): string {
  const fromEnv = process.env['QUOINE_BASE_URL'];
  if (fromEnv === undefined || fromEnv === '') return Quoine.SANDBOX;
  try {
    return checkBaseUrl(fromEnv);
  } catch (error) {
    if (!(error instanceof QuoineRequestError)) throw error;
    throw new QuoineRequestError(`QUOINE_BASE_URL (the default baseUrl): ${error.message}`, 'baseUrl');
  }
}

function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new QuoineRequestError(`baseUrl ${JSON.stringify(value)} is not a URL`, 'baseUrl');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new QuoineRequestError(`baseUrl must be https (or http on loopback), got ${url.protocol}`, 'baseUrl');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new QuoineRequestError(
      `baseUrl ${url.origin} is plain http: signed requests would travel unencrypted; use https (http is allowed only on loopback, e.g. the sandbox)`,
      'baseUrl',
    );
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new QuoineRequestError('baseUrl must not carry a query, fragment or credentials', 'baseUrl');
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function positive(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new QuoineRequestError(`${field} must be a positive number of milliseconds, got ${String(value)}`, field);
  }
  return value;
}

/** The longest header value accepted from options. */
const MAX_HEADER_VALUE = 1024;

/**
 * A header value from an option, refused here when no HTTP header may carry it (a CR/LF, a
 * control or a non-ASCII character, surrounding spaces) or it is empty or over 1024
 * characters: sent as is, Node would refuse it on every attempt, which looked like a
 * connection failure that "may have reached the exchange".
 */
function headerValue(value: unknown, field: string): string {
  if (
    typeof value !== 'string' ||
    value === '' ||
    value.length > MAX_HEADER_VALUE ||
    !/^[\x21-\x7e]([\t\x20-\x7e]*[\x21-\x7e])?$/.test(value)
  ) {
    throw new QuoineRequestError(
      `${field} must be 1–${MAX_HEADER_VALUE} printable ASCII characters (spaces and tabs inside only) to travel in an HTTP header, got ${describe(value)}`,
      field,
    );
  }
  return value;
}

/** A positive number of milliseconds that one timer can hold (the transport times out with timers). */
function timerMs(value: number, field: string): number {
  positive(value, field);
  if (value > MAX_TIMER_MS)
    throw new QuoineRequestError(
      `${field} must be at most ${MAX_TIMER_MS} ms (24.8 days), got ${String(value)}`,
      field,
    );
  return value;
}

function positiveInt(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new QuoineRequestError(`${field} must be a whole number ≥ 1, got ${String(value)}`, field);
  }
  return value;
}

function nonNegativeInt(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new QuoineRequestError(`${field} must be a whole number ≥ 0, got ${String(value)}`, field);
  }
  return value;
}
