import { randomInt } from 'node:crypto';
import type { Server } from 'node:http';
import { Exchange, MarketMaker, type DecimalInput, type NonLiveCancelBehaviour } from './exchange/index.js';
import { attachTap } from './tap/index.js';
import { JwtVerifier } from './auth/jwt-verifier.js';
import { TokenRegistry, type SandboxToken } from './auth/token-registry.js';
import { currencySpecs, loadCatalogue, productSpecs } from './server/catalogue.js';
import { controlRoutes } from './server/control-routes.js';
import { FaultInjector } from './server/faults.js';
import { SandboxHttpServer, type SandboxStats } from './server/http-server.js';
import { MarketTimer, type SandboxScheduler } from './server/market-timer.js';
import { defaultRateLimit, type Profile } from './profile.js';
import { SlidingWindowLimiter } from './server/rate-limiter.js';
import { allRoutes } from './server/routes/index.js';
import { Router } from './server/router.js';
import {
  DEFAULT_HEADERS_TIMEOUT_SECONDS,
  DEFAULT_REQUEST_TIMEOUT_SECONDS,
  RATE_LIMIT_WINDOW_MS,
  type NonceErrorStyle,
} from './settings.js';

/**
 * Options of {@link startSandbox}. Every field is optional.
 * @group Sandbox
 */
export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks a free port. */
  readonly port?: number;
  /** Address to bind; default `127.0.0.1` (loopback only). */
  readonly host?: string;
  /** Wire type profile; default `quoine` (see {@link Profile}). */
  readonly profile?: Profile;
  /** Seed of the market maker (and the exchange's own randomness); random when omitted. */
  readonly seed?: number;
  /** Run the market maker on a 1–3 s timer; default true. */
  readonly market?: boolean;
  /**
   * Requests per 5 minutes per token (per client IP for public calls); `false` turns the limit off.
   * Default 300 (`quoine`) or 600 (`liquid`), the documented budgets.
   */
  readonly rateLimit?: number | false;
  /** How a stale nonce is answered; default 401 plain text `Nonce is too small`. */
  readonly nonceError?: Partial<NonceErrorStyle>;
  /** Cancelling a non-live order: 404 `Order not found` (default) or 200 with the order unchanged. */
  readonly nonLiveCancel?: NonLiveCancelBehaviour;
  /** The demo token's credentials (generated with crypto randomness when omitted). */
  readonly demoToken?: {
    /** The token id (the JWT's `token_id` claim). */
    readonly tokenId: string;
    /** The HS256 secret. */
    readonly secret: string;
  };
  /** The demo user's balances; default {@link DEMO_BALANCES}. */
  readonly demoBalances?: Readonly<Record<string, string>>;
  /** Receives soft-check warnings (never a secret or a token); default: ignored. */
  readonly warn?: (message: string) => void;
  /** Clock in milliseconds, for the exchange and the rate limiter; default `Date.now`. */
  readonly now?: () => number;
  /** Directory of the catalogue (`products.json`, `currencies.json`, …); default the package's `fixtures/catalogue`. */
  readonly catalogueDir?: string;
  /**
   * Seconds a client may take to send a whole request, body included; default 30. A slower client
   * (a body trickled forever) gets 408 and is disconnected.
   */
  readonly requestTimeoutSeconds?: number;
  /** Seconds a client may take to send a request's headers (slowloris); default 10, at most `requestTimeoutSeconds`. */
  readonly headersTimeoutSeconds?: number;
  /** Timers the market maker is stepped with; default the global ones (a test passes its own to control time). */
  readonly scheduler?: SandboxScheduler;
}

/**
 * What the demo user gets when nothing else is said: every fiat and the main cryptos.
 * @group Sandbox
 */
export const DEMO_BALANCES: Readonly<Record<string, string>> = {
  USD: '1000000',
  JPY: '100000000',
  EUR: '1000000',
  SGD: '1000000',
  USDT: '1000000',
  BTC: '100',
  ETH: '1000',
  XRP: '1000000',
  QASH: '1000000',
};

/**
 * A running sandbox exchange.
 * @group Sandbox
 */
export interface Sandbox {
  /** Base URL of the REST API, e.g. `http://127.0.0.1:3000` (no trailing slash). */
  readonly url: string;
  /** The Liquid Tap websocket (Pusher protocol) on the same port: `ws://HOST:PORT/app/LiquidTapClient`. */
  readonly tapUrl: string;
  /** The address the server is bound to (the `host` option, default `127.0.0.1`). */
  readonly host: string;
  /** The port listened on (the free port picked when 0 was asked). */
  readonly port: number;
  /** The wire type profile in use. */
  readonly profile: Profile;
  /** The active request budget per 5 minutes, or `false`. */
  readonly rateLimit: number | false;
  /** The seed in use (given or drawn). */
  readonly seed: number;
  /** The in-memory exchange behind the API (inspect balances, `totals()`, `deposit()`, listen to events…). */
  readonly exchange: Exchange;
  /** The market maker, when it runs (`step()` it by hand for deterministic tests). */
  readonly market: MarketMaker | undefined;
  /** The demo token, funded with {@link Sandbox.demoBalances}. */
  readonly demo: SandboxToken;
  /** The demo user's starting balances (the option, else {@link DEMO_BALANCES} without currencies the catalogue lacks). */
  readonly demoBalances: Readonly<Record<string, string>>;
  /** Fault injection: `faults.add({ method: 'POST', path: '/orders', kind: 'status', status: 503, times: 2 })`. */
  readonly faults: FaultInjector;
  /** The underlying HTTP server (a websocket server can attach to its `upgrade` event). */
  readonly httpServer: Server;
  /** A new user funded with `balances` and a token for it. */
  createToken(balances?: Readonly<Record<string, DecimalInput>>): SandboxToken;
  /** Another token for an existing user (e.g. two bots on one account). */
  addToken(userId: number, credentials?: { readonly tokenId: string; readonly secret: string }): SandboxToken;
  /** Forgets every request counted by the rate limiter. */
  resetRateLimit(): void;
  /**
   * Resolves once no REST request is in flight (received and not yet answered, including one a
   * `delay` fault holds): a test waits on this instead of sleeping before it inspects the exchange.
   */
  idle(): Promise<void>;
  /** What the server holds on to (rate-limit keys, remembered warnings, nonces, faults, requests in flight). */
  stats(): SandboxStats;
  /** Stops the market maker, closes every connection and the server. */
  close(): Promise<void>;
}

/**
 * Starts the sandbox exchange: the Quoine REST API v2 on `host:port` backed by an in-memory
 * exchange seeded from the catalogue, with a funded demo token.
 *
 * ```ts
 * const sandbox = await startSandbox({ port: 0 });
 * const { tokenId, secret } = sandbox.createToken({ USD: '10000', BTC: '1' });
 * // … point a client at sandbox.url …
 * await sandbox.close();
 * ```
 * @group Sandbox
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const profile = options.profile ?? 'quoine';
  const seed = options.seed ?? randomInt(1, 2 ** 31 - 1);
  const now = options.now ?? Date.now;
  const warn = options.warn ?? (() => undefined);
  const catalogue = loadCatalogue(options.catalogueDir);
  const exchange = new Exchange({
    products: productSpecs(catalogue),
    currencies: currencySpecs(catalogue),
    leverageLevels: catalogue.leverageLevels[profile],
    now,
    seed,
    nonLiveCancel: options.nonLiveCancel,
  });
  const tokens = new TokenRegistry();
  const faults = new FaultInjector();
  const rateLimit = options.rateLimit ?? defaultRateLimit(profile);
  const requestTimeoutSeconds = timeoutSeconds(
    options.requestTimeoutSeconds,
    DEFAULT_REQUEST_TIMEOUT_SECONDS,
    'requestTimeoutSeconds',
  );
  const headersTimeoutSeconds = timeoutSeconds(
    options.headersTimeoutSeconds,
    Math.min(DEFAULT_HEADERS_TIMEOUT_SECONDS, requestTimeoutSeconds),
    'headersTimeoutSeconds',
  );
  if (headersTimeoutSeconds > requestTimeoutSeconds)
    throw new RangeError('headersTimeoutSeconds must be at most requestTimeoutSeconds');
  const limiter = rateLimit === false ? undefined : new SlidingWindowLimiter(rateLimit, RATE_LIMIT_WINDOW_MS, now);
  const http = new SandboxHttpServer({
    router: new Router(allRoutes),
    verifier: new JwtVerifier(tokens),
    faults,
    limiter,
    settings: {
      profile,
      rateLimit,
      nonceError: { status: options.nonceError?.status ?? 401, shape: options.nonceError?.shape ?? 'text' },
      warn,
      requestTimeoutMs: Math.round(requestTimeoutSeconds * 1000),
      headersTimeoutMs: Math.round(headersTimeoutSeconds * 1000),
    },
    context: { exchange, catalogue, profile, liquid: profile === 'liquid' },
    control: controlRoutes(faults),
  });
  // The realtime feed shares the port, attached before listening so no upgrade goes unhandled.
  const tap = attachTap({ server: http.server, exchange, tokens, profile, warn });

  // The default funding skips currencies a custom catalogue lacks; explicit balances are used as given.
  const known = new Set(catalogue.currencies.map((row) => row['currency']));
  const demoBalances =
    options.demoBalances ??
    Object.fromEntries(Object.entries(DEMO_BALANCES).filter(([currency]) => known.has(currency)));
  const demoUser = exchange.createUser(demoBalances);
  const demo =
    options.demoToken === undefined ? tokens.issue(demoUser) : tokens.add({ ...options.demoToken, userId: demoUser });
  const market = options.market === false ? undefined : new MarketMaker(exchange, { seed });
  const timer = market === undefined ? undefined : new MarketTimer(market, warn, options.scheduler);

  const host = options.host ?? '127.0.0.1';
  const address = await http.listen(options.port ?? 0, host);
  timer?.start();
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}`,
    tapUrl: `ws://${urlHost}:${address.port}/app/LiquidTapClient`,
    host,
    port: address.port,
    profile,
    rateLimit,
    seed,
    exchange,
    market,
    demo,
    demoBalances,
    faults,
    httpServer: http.server,
    createToken: (balances = {}) => tokens.issue(exchange.createUser(balances)),
    addToken: (userId, credentials) => {
      if (!exchange.hasUser(userId)) throw new Error(`no user ${userId}`);
      return credentials === undefined ? tokens.issue(userId) : tokens.add({ ...credentials, userId });
    },
    resetRateLimit: () => limiter?.reset(),
    idle: () => http.idle(),
    stats: () => http.stats(),
    close: async () => {
      timer?.stop();
      await tap.close(); // upgraded sockets are out of reach of the HTTP server's closeAllConnections()
      await http.close();
    },
  };
}

/** A timeout option in seconds: a positive finite number (fractions allowed), else a RangeError naming it. */
function timeoutSeconds(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0.001 || value > 3600)
    throw new RangeError(`${name} must be a number of seconds from 0.001 to 3600`);
  return value;
}
