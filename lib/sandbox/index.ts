/**
 * `quoine/sandbox`: an embedded Quoine exchange for tests and demos. {@link startSandbox} serves the
 * REST API v2 of quoine-api.md on loopback, backed by an in-memory {@link Exchange} with a seeded
 * {@link MarketMaker}, JWT auth, the documented rate limit, both wire type profiles and fault
 * injection. The `quoine sandbox` command runs the same thing from a shell.
 *
 * Where the reference is silent, the sandbox chooses (each choice is also stated where it is made):
 * - Pagination: `limit` defaults to 20 and is clamped to 1000; a missing or invalid `limit`/`page`
 *   means 20/1; `total_pages` is at least 1 (page 1 of an empty list exists and is empty); a page
 *   past the end is empty and reports the requested page. `/balance_history` defaults to 1000 with
 *   a floor of 10. `PUT /orders/cancel_all` answers `{"models": [...]}` without page counters.
 * - Auth: 401 plain text `API Authentication failed` for a missing, malformed, wrongly signed or
 *   non-HS256 token, an unknown `token_id`, a missing or non-integer nonce, or a `path` claim that
 *   does not name the requested endpoint (a realtime JWT, path `/realtime`, never acts on REST);
 *   a nonce not above the token's last answers 401 plain text `Nonce is too small` (`nonceError`
 *   changes status and shape). A nonce present in a JWT is always compared and recorded. Only a
 *   `POST /orders` with a `client_order_id` whose path claim is `/orders` may omit the nonce (§2.1);
 *   such a JWT can be sent again with another new id (as on the exchange: the body is not signed),
 *   and an id among the user's last 100 is refused 422 `client_order_id: has_already_been_taken`.
 * - The `path` claim is compared with the request after URL normalization. Forms accepted besides
 *   the exact path and query, each because a client that worked against the exchange signed it
 *   (§2.1), each warned about once per token: the path without its query (quoinex-go-client; the
 *   query is then not covered by the signature), a trailing slash the request lacks or has
 *   (quoinex-go-client signs `/orders/` and posts to `/orders`), no leading slash, and a full URL
 *   with any scheme and host (threefold). A claim that carries a query must carry the request's
 *   query exactly. A missing `X-Quoine-API-Version: 2` is served and warned about once per caller.
 * - Rate limit: a sliding 5-minute window per verified token, and per client IP for public calls;
 *   a request that fails authentication counts for nobody (so a forged token spends no budget),
 *   nor does an unknown path or a refused request. The 429 is `{"message":"API rate limit exceeded.
 *   Please retry after Ns"}` with `Retry-After: N`, N the seconds until the oldest counted request
 *   leaves the window (the exchange's text always said 300s). Every client of a loopback sandbox
 *   has the same IP, so public calls share one budget: tests that read a lot pass `rateLimit: false`. Idle keys are forgotten; at most
 *   10,000 keys are kept (the least recently active is forgotten first, its count with it).
 * - Limits the exchange did not document: 30 s to send a whole request and 10 s for its headers
 *   (`requestTimeoutSeconds`, `headersTimeoutSeconds`), else 408 and the connection is closed; a
 *   body over 1 MB answers 413 and closes; a request target the URL parser cannot read answers 400
 *   `{"message":"Bad Request: invalid request target"}`. Request data in warnings is quoted,
 *   escaped and cut to 200 characters; nothing from an unverified token is logged.
 * - Control routes (`/__sandbox/faults`, not the exchange's): loopback clients only, and refused
 *   with 403 when a browser could have sent them for another site: a `Host` that is not a loopback
 *   name, an `Origin` that is not a loopback one, `Sec-Fetch-Site` other than `same-origin`/`none`,
 *   or a body that is not `application/json`. Fault path patterns (`*` wildcards) and `bodyContains`
 *   are at most 256 characters and matched in linear time; `bodyContains` searches the first 64 KiB
 *   of a body; at most 1,000 faults are pending, so matching one request has a fixed bound.
 * - Errors: a body that is not JSON answers 400 `{"message":"Invalid JSON in request body"}`; a
 *   non-numeric decimal 422 `{"errors":{field:["is_not_a_number"]}}` (a JSON number in exponent form
 *   such as `2e-05`, as Python's json writes it, is a number); a bad enum or id 422 `is_invalid`;
 *   an unknown path 404 `{"message":"Not found"}`; every body is `application/json; charset=utf-8`.
 * - Shapes not captured by any source: `GET /products/{id}/ohlc` (candles
 *   `[start, open, high, low, close, volume]`, newest first), `funding_rate_history` (empty: the
 *   sandbox charges no funding), `reserved_balance_details` (`{currency, reserved_balance, order_ids}`),
 *   `fund_infos` (`{currency, address, memo_value}`), `adjust_margin` (a signed `amount`).
 * - Accounts of currencies outside the catalogue (perpetual bases such as `P-BTC`) are not listed.
 * - Decimal inputs (the reference records the exchange's precisions and tick sizes, not its error
 *   codes): a decimal longer than 32 characters answers 422 `{"errors":{field:["too_long"]}}`, so
 *   every product of two inputs and a fee stays exact; a quantity (order, edit, `closed_quantity`)
 *   with more places than the base currency's `assets_precision` (8 when the catalogue has none)
 *   answers `invalid_precision`; a price (limit, post-only, stop, market-with-range, edits) off the
 *   product's `tick_size` answers `invalid_tick_size`. Trailing zeros are not places. Checked in
 *   that order after `less_than_order_size`. `price_range`, `trailing_stop_value`, `take_profit` and
 *   `stop_loss` are bounded in length but not held to the tick (no source says the exchange did).
 *   Amounts outside orders keep their currency's precision too (`invalid_precision`): loan-bid
 *   quantities, withdrawal amounts, margin adjustments (the funding currency's) and fee estimates;
 *   a loan bid's daily `rate` has at most 8 places. Fee estimates need positive quantities, prices
 *   and amounts (`must_be_positive`). A decimal in exponent form (`2e-05`) is read as its value,
 *   bounded by the length of its fixed-point form. Withdrawal free text is at most 255 characters
 *   (`too_long`). Matching takes at most one round per resting order, whatever is stored. Balances
 *   are not rounded to the currency's precision (interest and fees can carry more places).
 * - `GET /transactions`: `transaction_type` takes one type or a comma-separated list (§7.8). Lending
 *   shows as `loan`, `repay` and `interest_transfer` rows with `currency`, `action_id: null` and
 *   `loan: {currency, quantity, rate}`; the sandbox never charges `loan_fee`.
 * - Quoine profile (2017 docs examples): `minimum_withdraw` of `/crypto_accounts` and the top-level
 *   `base_open_price` of `/trading_accounts` are numbers; Liquid keeps strings where nothing was captured.
 * - Liquid Tap: the tap announces `activity_timeout: 120` and closes a socket (4201) only after 150 s
 *   (120 s plus Pusher's 30 s pong grace) with no frame in either direction; its own frames count
 *   (§8.4), so a busy subscriber of the official client, which pings only after 120 s of receiving
 *   nothing, is never dropped. Options `activityTimeoutMs`, `activityGraceMs`.
 * - Realtime JWTs: the `path` claim must be `/realtime`, and such a JWT never acts on REST. A JWT
 *   authenticates at most one open connection at a time: the official client re-sends the auth
 *   request it built at login after a reconnect, so a JWT already accepted is accepted again once the
 *   connection it authenticated has closed (or logged out, or re-authenticated with another JWT), and
 *   refused with `Nonce is too small` while another open socket holds it. A JWT never seen needs a
 *   nonce above the token's last (the tap's own sequence, separate from REST's). At most 100 JWTs a
 *   token are remembered, as SHA-256 digests (`loginsPerToken`); a forgotten one needs a new nonce.
 * - Tap bounds: at most 1,000 open sockets (`maxConnections`; an upgrade beyond answers 503) and
 *   100 channels a socket (`maxChannels`, pusher:error 4302 beyond), so unauthenticated sockets
 *   subscribing to made-up channels hold bounded memory.
 * - Channel wire types (liquid profile, §8.5): order and trade events carry every decimal as a JSON
 *   number (written from the exact decimal text); `executions_cash_*` numbers with a string
 *   `timestamp`; `execution_details_cash_*` a string `quantity` and a numeric `price`; product
 *   updates numeric multipliers; `user_executions_cash_*` and account updates strings (no source
 *   types them). The quoine profile sends strings, as the 2016–17 docs do.
 *
 * @groupDescription Sandbox
 * {@link startSandbox} and what it returns: the running {@link Sandbox}, its options, stats, tokens and clock.
 *
 * @groupDescription Exchange
 * The in-memory {@link Exchange} behind the server, its {@link MarketMaker}, events, errors and decimals.
 *
 * @groupDescription Exchange inputs
 * What the {@link Exchange} methods take: order, trade, loan-bid and withdrawal parameters and list filters.
 *
 * @groupDescription Exchange records
 * What the {@link Exchange} stores and returns: orders, trades, accounts, loans, withdrawals, their enumerations.
 *
 * @groupDescription Faults
 * {@link FaultInjector}: make chosen requests answer a status, wait, lose their connection or get a broken body.
 * @module
 */
export { startSandbox, DEMO_BALANCES, type Sandbox, type SandboxOptions } from './start.js';
export type { SandboxStats } from './server/http-server.js';
export type { SandboxScheduler } from './server/market-timer.js';
export type { SandboxToken } from './auth/token-registry.js';
export { FaultInjector, type FaultAction, type FaultMatch, type FaultSpec } from './server/faults.js';
export type { Profile } from './profile.js';
export type { NonceErrorStyle } from './settings.js';
export { Exchange, ExchangeError, MarketMaker, Decimal } from './exchange/index.js';
export type {
  DecimalInput,
  FieldErrorDetail,
  MessageErrorDetail,
  ExchangeEventMap,
  ExchangeEventName,
  ExchangeListener,
  MarketMakerOptions,
} from './exchange/index.js';
// Every input and record type of the exchange, so a new one needs no line here.
export type * from './exchange/inputs.js';
export type * from './exchange/records.js';
