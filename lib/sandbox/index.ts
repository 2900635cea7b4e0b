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
 *   non-HS256 token, an unknown `token_id` or a missing nonce; a nonce not above the token's last
 *   answers 401 plain text `Nonce is too small` (`nonceError` changes status and shape). A
 *   POST /orders with a `client_order_id` is exempt from the nonce (present or not, it is not
 *   compared nor recorded); the exchange refuses an id among the user's last 100. A path claim that
 *   differs from the request, and a missing `X-Quoine-API-Version: 2`, are served and warned about once.
 * - Rate limit: a sliding 5-minute window per token (per client IP for public calls and for
 *   unauthenticated private calls); refused requests do not count; the 429 carries
 *   `Retry-After: <seconds until the oldest counted request leaves the window>`.
 * - Errors: a body that is not JSON answers 400 `{"message":"Invalid JSON in request body"}`; a
 *   non-numeric decimal 422 `{"errors":{field:["not_a_number"]}}`; a bad enum or id 422 `is_invalid`;
 *   an unknown path 404 `{"message":"Not found"}`; every body is `application/json; charset=utf-8`.
 * - Shapes not captured by any source: `GET /products/{id}/ohlc` (candles
 *   `[start, open, high, low, close, volume]`, newest first), `funding_rate_history` (empty: the
 *   sandbox charges no funding), `reserved_balance_details` (`{currency, reserved_balance, order_ids}`),
 *   `fund_infos` (`{currency, address, memo_value}`), `adjust_margin` (a signed `amount`).
 * - Accounts of currencies outside the catalogue (perpetual bases such as `P-BTC`) are not listed.
 * @module
 */
export { startSandbox, DEMO_BALANCES, type Sandbox, type SandboxOptions } from './server/start.js';
export type { SandboxToken } from './server/auth/token-registry.js';
export { FaultInjector, type FaultAction, type FaultMatch, type FaultSpec } from './server/faults.js';
export type { Profile } from './server/profile.js';
export type { NonceErrorStyle } from './server/settings.js';
export { Exchange, ExchangeError, MarketMaker, Decimal } from './exchange/index.js';
export type {
  DecimalInput,
  FieldErrorDetail,
  MessageErrorDetail,
  ExchangeEventMap,
  ExchangeEventName,
  ExchangeListener,
  MarketMakerOptions,
  ExchangeOptions,
  NonLiveCancelBehaviour,
  CreateOrderParams,
  EditOrderParams,
  OrderFilter,
  CancelAllFilter,
  TradeFilter,
  UpdateTradeParams,
  CreateLoanBidParams,
  BalanceHistoryFilter,
  TransactionFilter,
  CreateCryptoWithdrawalParams,
  CryptoWithdrawalFilter,
  CreateFiatWithdrawalParams,
  OrderFeeEstimateParams,
  WithdrawalFeeEstimateParams,
  ProductSpec,
  CurrencySpec,
  Side,
  OrderType,
  OrderStatus,
  TradingType,
  MarginType,
  OrderDirection,
  TrailingStopType,
  TradeSide,
  TradeStatus,
  CurrencyType,
  LoanBidStatus,
  LoanStatus,
  WithdrawalState,
  SourceAction,
  LevelRecord,
  ProductRecord,
  OrderBookRecord,
  ExecutionRecord,
  MyExecutionRecord,
  OrderRecord,
  CancelledOrderRecord,
  AccountRecord,
  BalanceRecord,
  MainAssetRecord,
  BalanceHistoryRecord,
  TransactionLoanRecord,
  TransactionRecord,
  PositionSummaryRecord,
  TradingAccountRecord,
  TradeRecord,
  LoanBidRecord,
  LoanRecord,
  InterestRateLadderRecord,
  CryptoWithdrawalRecord,
  CryptoNetworkRecord,
  CryptoWithdrawalAddressRecord,
  BankAccountRecord,
  FiatWithdrawalRecord,
  FeeTierRecord,
  FeeLineRecord,
  FeeEstimateRecord,
} from './exchange/index.js';
