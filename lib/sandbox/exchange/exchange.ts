/**
 * The sandbox exchange: a pure, synchronous, in-memory exchange (users, accounts, products, orders,
 * executions, margin trades, loans, withdrawals). No HTTP, no JSON, no timers: the server calls
 * these methods and serializes the records. Every mutating method is fully synchronous, so one
 * call is atomic under Node's single thread, and emits its events only once its state change is
 * complete.
 *
 * Conventions of every method:
 * - `userId` is the caller; an id of another user's object answers like an unknown id.
 * - Refusals throw {@link ExchangeError} (`status` 400/404/422, `field`+`code` or `message`).
 * - Lists come whole, in the endpoint's order (the server pages them).
 * - Records are snapshots; changing them changes nothing inside.
 * @module
 */
import type { Decimal, DecimalInput } from './decimal.js';
import { ExchangeError } from './errors.js';
import type { ExchangeEventName, ExchangeListener } from './events.js';
import type {
  BalanceHistoryFilter,
  CancelAllFilter,
  CreateCryptoWithdrawalParams,
  CreateFiatWithdrawalParams,
  CreateLoanBidParams,
  CreateOrderParams,
  CryptoWithdrawalFilter,
  EditOrderParams,
  ExchangeOptions,
  OrderFeeEstimateParams,
  OrderFilter,
  TradeFilter,
  TransactionFilter,
  UpdateTradeParams,
  WithdrawalFeeEstimateParams,
} from './inputs.js';
import type {
  AccountRecord,
  BalanceHistoryRecord,
  BalanceRecord,
  BankAccountRecord,
  CancelledOrderRecord,
  CryptoNetworkRecord,
  CryptoWithdrawalAddressRecord,
  CryptoWithdrawalRecord,
  ExecutionRecord,
  FeeEstimateRecord,
  FeeTierRecord,
  FiatWithdrawalRecord,
  InterestRateLadderRecord,
  LoanBidRecord,
  LoanRecord,
  MainAssetRecord,
  MyExecutionRecord,
  OrderBookRecord,
  OrderRecord,
  ProductRecord,
  TradeRecord,
  TradeSide,
  TradingAccountRecord,
  TransactionRecord,
} from './records.js';

export class Exchange {
  constructor(options: ExchangeOptions) {
    void options;
  }

  // ---- events ---------------------------------------------------------------------------------

  /** Listens to an event; returns the function that stops listening. Payloads are snapshots. */
  on<K extends ExchangeEventName>(event: K, listener: ExchangeListener<K>): () => void {
    void event;
    void listener;
    return notReady();
  }

  off<K extends ExchangeEventName>(event: K, listener: ExchangeListener<K>): void {
    void event;
    void listener;
    notReady();
  }

  // ---- clock ----------------------------------------------------------------------------------

  /** The injected clock, in Unix seconds with a fractional part (what records carry). */
  nowSeconds(): number {
    return notReady();
  }

  // ---- users, accounts, ledger ----------------------------------------------------------------

  /**
   * Creates a user funded with `balances` (each recorded as a `deposit`); every currency of the
   * catalogue gets an account (zero when not funded). Also gives the user one bank account and a
   * trading account per margin-enabled product (funded in the quote currency). Returns the user id.
   */
  createUser(balances: Readonly<Record<string, DecimalInput>> = {}): number {
    void balances;
    return notReady();
  }

  /** True when the user exists. */
  hasUser(userId: number): boolean {
    void userId;
    return notReady();
  }

  /** Sandbox-only funding: credits `amount` (> 0) of `currency` to the user (`deposit` history entry). */
  deposit(userId: number, currency: string, amount: DecimalInput): AccountRecord {
    void [userId, currency, amount];
    return notReady();
  }

  /** Every account of the user (fiat first, then crypto, each in catalogue order). */
  accounts(userId: number): AccountRecord[] {
    void userId;
    return notReady();
  }

  /** The user's account in `currency` (404 `Account not found` for a currency the catalogue lacks). */
  account(userId: number, currency: string): AccountRecord {
    void [userId, currency];
    return notReady();
  }

  /** The user's fiat accounts that exist (all fiat currencies the user holds or created). */
  fiatAccounts(userId: number): AccountRecord[] {
    void userId;
    return notReady();
  }

  /** The user's crypto accounts. */
  cryptoAccounts(userId: number): AccountRecord[] {
    void userId;
    return notReady();
  }

  /** `POST /fiat_accounts`: opens (or returns the existing) fiat account in `currency`. */
  createFiatAccount(userId: number, currency: string): AccountRecord {
    void [userId, currency];
    return notReady();
  }

  /** `GET /accounts/balance`: one row per account. */
  balances(userId: number): BalanceRecord[] {
    void userId;
    return notReady();
  }

  /**
   * `GET /accounts/main_asset`: the sum of the user's balances valued in the main currency. A
   * currency converts through the last traded price of the product `CUR/MAIN` (×) or `MAIN/CUR`
   * (÷, rounded down to 8 decimals); a currency with neither product counts as 0. The total is
   * rounded down to 8 decimals.
   */
  mainAsset(userId: number): MainAssetRecord {
    void userId;
    return notReady();
  }

  /** `GET /balance_history`: every balance change of the user, newest first, filtered. */
  balanceHistory(userId: number, filter: BalanceHistoryFilter = {}): BalanceHistoryRecord[] {
    void [userId, filter];
    return notReady();
  }

  /** `GET /transactions`: the legacy view of the balance history, newest first. */
  transactions(userId: number, filter: TransactionFilter = {}): TransactionRecord[] {
    void [userId, filter];
    return notReady();
  }

  /**
   * The ledger check: for every currency, the sum of all balances of all users, the fee account and
   * the house account. It changes only by deposits and processed withdrawals.
   */
  totals(): Record<string, Decimal> {
    return notReady();
  }

  /** The exchange's fee account: every fee charged ends up here. */
  feeAccountBalances(): BalanceRecord[] {
    return notReady();
  }

  // ---- products and market data -----------------------------------------------------------------

  /** Every product, catalogue order, with live statistics. */
  products(): ProductRecord[] {
    return notReady();
  }

  /** One product (404 `Product not found`). */
  product(productId: number): ProductRecord {
    void productId;
    return notReady();
  }

  /** The order book aggregated by price; `depth` levels per side (default the bookDepth option), or all with `full`. */
  orderBook(productId: number, options: { readonly full?: boolean | undefined; readonly depth?: number | undefined } = {}): OrderBookRecord {
    void [productId, options];
    return notReady();
  }

  /** `GET /executions`: the product's public executions, newest first. */
  executions(productId: number): ExecutionRecord[] {
    void productId;
    return notReady();
  }

  /** `GET /executions?timestamp=`: executions at or after `timestamp` (Unix seconds), oldest first, at most `limit`. */
  executionsSince(productId: number, timestamp: number, limit?: number): ExecutionRecord[] {
    void [productId, timestamp, limit];
    return notReady();
  }

  /** `GET /executions/me`: the user's executions on the product, newest first. */
  myExecutions(userId: number, productId: number): MyExecutionRecord[] {
    void [userId, productId];
    return notReady();
  }

  /** `GET /ir_ladders/{currency}`: live loan bids aggregated by rate, lowest rate first; `asks` empty. */
  interestRateLadder(currency: string): InterestRateLadderRecord {
    void currency;
    return notReady();
  }

  // ---- orders -----------------------------------------------------------------------------------

  /**
   * `POST /orders`. Validates (400 `missing parameters`; 422 `quantity: less_than_order_size`,
   * `price: must_be_positive`, `order: product_disabled`, `order: price_too_high|price_too_small`,
   * `user: not_enough_free_balance`, `client_order_id: has_already_been_taken`), reserves funds,
   * matches, and returns the order after matching. A post-only order that would match comes back
   * `cancelled` (not refused).
   */
  createOrder(userId: number, params: CreateOrderParams): OrderRecord {
    void [userId, params];
    return notReady();
  }

  /** `GET /orders/{id}` with its executions (404 `Order not found`). */
  order(userId: number, orderId: number): OrderRecord {
    void [userId, orderId];
    return notReady();
  }

  /** `GET /orders/client:{id}`: the newest order of the user with that client order id (404 `Order not found`). */
  orderByClientId(userId: number, clientOrderId: string): OrderRecord {
    void [userId, clientOrderId];
    return notReady();
  }

  /** True when `clientOrderId` is among the user's last 100 client order ids (a new order with it is refused). */
  isRecentClientOrderId(userId: number, clientOrderId: string): boolean {
    void [userId, clientOrderId];
    return notReady();
  }

  /** `GET /orders`: the user's orders, newest first, filtered. */
  orders(userId: number, filter: OrderFilter = {}): OrderRecord[] {
    void [userId, filter];
    return notReady();
  }

  /**
   * `PUT /orders/{id}`: new quantity and/or price of a live, unfilled order. A price change or a
   * quantity increase loses time priority; an edit that crosses matches like a new order. Refused:
   * 422 `order: Can not update partially filled order`, 422 `Can not update non-live order`.
   */
  editOrder(userId: number, orderId: number, params: EditOrderParams): OrderRecord {
    void [userId, orderId, params];
    return notReady();
  }

  /** `PUT /orders/client:{id}`: {@link editOrder} by client order id. */
  editOrderByClientId(userId: number, clientOrderId: string, params: EditOrderParams): OrderRecord {
    void [userId, clientOrderId, params];
    return notReady();
  }

  /**
   * `PUT /orders/{id}/cancel`: cancels a live order and releases its reserved funds. A non-live
   * order answers per the `nonLiveCancel` option: 404 `Order not found` (default) or the order unchanged.
   */
  cancelOrder(userId: number, orderId: number): OrderRecord {
    void [userId, orderId];
    return notReady();
  }

  /** `PUT /orders/client:{id}/cancel`. */
  cancelOrderByClientId(userId: number, clientOrderId: string): OrderRecord {
    void [userId, clientOrderId];
    return notReady();
  }

  /** `PUT /orders/cancel_all`: cancels the user's live orders matching the filter (held stop orders included). */
  cancelAllOrders(userId: number, filter: CancelAllFilter = {}): CancelledOrderRecord[] {
    void [userId, filter];
    return notReady();
  }

  /** `GET /orders/{id}/trades`: the trades the (margin) order opened. */
  orderTrades(userId: number, orderId: number): TradeRecord[] {
    void [userId, orderId];
    return notReady();
  }

  /** `GET /orders/{id}/executions`: the order's executions, newest first. */
  orderExecutions(userId: number, orderId: number): MyExecutionRecord[] {
    void [userId, orderId];
    return notReady();
  }

  // ---- margin -----------------------------------------------------------------------------------

  /** `GET /users/leverage_limitation`: leverage levels the user may use, highest first. */
  leverageLimitation(userId: number): number[] {
    void userId;
    return notReady();
  }

  /** `GET /trading_accounts`. */
  tradingAccounts(userId: number): TradingAccountRecord[] {
    void userId;
    return notReady();
  }

  /** `GET /trading_accounts/{id}` (404 `Trading account not found`). */
  tradingAccount(userId: number, tradingAccountId: number): TradingAccountRecord {
    void [userId, tradingAccountId];
    return notReady();
  }

  /** `PUT /trading_accounts/{id}`: the default leverage (422 `leverage_level: invalid` outside the allowed list). */
  updateLeverage(userId: number, tradingAccountId: number, leverageLevel: number): TradingAccountRecord {
    void [userId, tradingAccountId, leverageLevel];
    return notReady();
  }

  /** `GET /trades`: newest first, filtered. */
  trades(userId: number, filter: TradeFilter = {}): TradeRecord[] {
    void [userId, filter];
    return notReady();
  }

  /** One trade (404 `Trade not found`). */
  trade(userId: number, tradeId: number): TradeRecord {
    void [userId, tradeId];
    return notReady();
  }

  /**
   * `PUT /trades/{id}/close`: closes the trade (or `closedQuantity` of it) with a market order
   * against the book at the best opposite prices; releases margin, repays loans with interest and
   * realises pnl into the funding balance. What the book cannot fill stays open; an empty book
   * answers 422 `trade: not_enough_liquidity`.
   */
  closeTrade(userId: number, tradeId: number, closedQuantity?: DecimalInput): TradeRecord {
    void [userId, tradeId, closedQuantity];
    return notReady();
  }

  /** `PUT /trades/close_all`: closes every open trade of the user (of one side if given); returns them. */
  closeAllTrades(userId: number, side?: TradeSide): TradeRecord[] {
    void [userId, side];
    return notReady();
  }

  /** `PUT /trades/{id}`: stop loss / take profit (null clears one). */
  updateTrade(userId: number, tradeId: number, params: UpdateTradeParams): TradeRecord {
    void [userId, tradeId, params];
    return notReady();
  }

  /**
   * `PUT /trades/{id}/adjust_margin` (body not recorded; sandbox choice: a signed `amount`):
   * a positive amount reserves more margin from the funding balance, a negative one releases
   * margin down to at least the trade's initial requirement (open quantity × open price / leverage).
   */
  adjustTradeMargin(userId: number, tradeId: number, amount: DecimalInput): TradeRecord {
    void [userId, tradeId, amount];
    return notReady();
  }

  /** `GET /trades/{id}/loans`. */
  tradeLoans(userId: number, tradeId: number): LoanRecord[] {
    void [userId, tradeId];
    return notReady();
  }

  // ---- lending ----------------------------------------------------------------------------------

  /** `POST /loan_bids`: reserves `quantity` at the daily `rate`; status live. */
  createLoanBid(userId: number, params: CreateLoanBidParams): LoanBidRecord {
    void [userId, params];
    return notReady();
  }

  /** `GET /loan_bids`: the user's bids in `currency` (all currencies when omitted), newest first. */
  loanBids(userId: number, currency?: string): LoanBidRecord[] {
    void [userId, currency];
    return notReady();
  }

  /** `PUT /loan_bids/{id}/close`: releases the unlent rest; status closed (404 `Loan bid not found`). */
  closeLoanBid(userId: number, loanBidId: number): LoanBidRecord {
    void [userId, loanBidId];
    return notReady();
  }

  /** `GET /loans`: loans the user lent or borrowed, newest first. */
  loans(userId: number, currency?: string): LoanRecord[] {
    void [userId, currency];
    return notReady();
  }

  /** `PUT /loans/{id}`: whether repaid funds return to the loan bid (404 `Loan not found`). */
  updateLoan(userId: number, loanId: number, fundReloaned: boolean): LoanRecord {
    void [userId, loanId, fundReloaned];
    return notReady();
  }

  // ---- funding ----------------------------------------------------------------------------------

  /** `POST /crypto_withdrawals`: state pending, reserving amount + withdrawal fee. */
  createCryptoWithdrawal(userId: number, params: CreateCryptoWithdrawalParams): CryptoWithdrawalRecord {
    void [userId, params];
    return notReady();
  }

  /** `GET /crypto_withdrawals`: newest first, filtered. */
  cryptoWithdrawals(userId: number, filter: CryptoWithdrawalFilter = {}): CryptoWithdrawalRecord[] {
    void [userId, filter];
    return notReady();
  }

  /** `PUT /crypto_withdrawal/{id}/cancel`: only while pending (422 `Withdrawal can not be cancelled`). */
  cancelCryptoWithdrawal(userId: number, withdrawalId: number): CryptoWithdrawalRecord {
    void [userId, withdrawalId];
    return notReady();
  }

  /** `GET /crypto_withdrawals/crypto_networks?currency=`. */
  cryptoNetworks(currency: string): CryptoNetworkRecord[] {
    void currency;
    return notReady();
  }

  /** `GET /crypto_withdrawal_addresses?currency=`: the addresses the user has withdrawn to. */
  cryptoWithdrawalAddresses(userId: number, currency?: string): CryptoWithdrawalAddressRecord[] {
    void [userId, currency];
    return notReady();
  }

  /** `GET /bank_accounts`. */
  bankAccounts(userId: number): BankAccountRecord[] {
    void userId;
    return notReady();
  }

  /** `POST /withdrawals`: fiat withdrawal to one of the user's bank accounts; pending, reserving amount + fee. */
  createFiatWithdrawal(userId: number, params: CreateFiatWithdrawalParams): FiatWithdrawalRecord {
    void [userId, params];
    return notReady();
  }

  /** `GET /withdrawals`: newest first. */
  fiatWithdrawals(userId: number): FiatWithdrawalRecord[] {
    void userId;
    return notReady();
  }

  /** `PUT /withdrawals/{id}/cancel`: only while pending. */
  cancelFiatWithdrawal(userId: number, withdrawalId: number): FiatWithdrawalRecord {
    void [userId, withdrawalId];
    return notReady();
  }

  /**
   * Sandbox-only: completes a pending withdrawal (crypto or fiat, by id): the amount leaves the
   * exchange, the fee goes to the fee account; state processed.
   */
  processWithdrawal(withdrawalId: number): CryptoWithdrawalRecord | FiatWithdrawalRecord {
    void withdrawalId;
    return notReady();
  }

  // ---- fees -------------------------------------------------------------------------------------

  /** `GET /user/fee_tier`: always tier 0; volumes of the last 30 days (see FeeTierRecord). */
  feeTier(userId: number): FeeTierRecord {
    void userId;
    return notReady();
  }

  /** `POST /fees/estimate` for `create_order`: the taker fee of the order in the quote currency. */
  estimateOrderFee(userId: number, params: OrderFeeEstimateParams): FeeEstimateRecord {
    void [userId, params];
    return notReady();
  }

  /** `POST /fees/estimate` for `withdraw`: the currency's withdrawal fee. */
  estimateWithdrawalFee(userId: number, params: WithdrawalFeeEstimateParams): FeeEstimateRecord {
    void [userId, params];
    return notReady();
  }
}

/** Temporary body of a method whose implementation is being written (first API commit only). */
function notReady(): never {
  throw new ExchangeError({ status: 400, message: 'sandbox exchange: not implemented yet' });
}
