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
 * - Lists come whole, in the endpoint's order; each has a `…List` twin answering a {@link RecordList}
 *   that builds records only for the page taken (what the server pages, so a page of a list of a
 *   million costs what a page of ten does).
 * - Records are snapshots; changing them changes nothing inside.
 *
 * The rules chosen where the reference is silent are documented in engine.ts (matching, fees,
 * reservations, stops), margin.ts (positions), lending.ts (loans, interest), funding.ts
 * (withdrawals) and config.ts / inputs.ts (price band, defaults).
 *
 * This class is the facade: each method documents one operation and delegates, in a line or two,
 * to the state machines (engine, margin, lending, funding, ledger, market data) or to the domain
 * modules of domains/ (accounts, market, orders, margin, lending, funding, fees, audit), which own
 * the filters and the records. The file is over 400 lines only because it carries the reference
 * documentation of 65 public methods; it holds no logic of its own.
 * @module
 */
import type { Decimal, DecimalInput } from './decimal.js';
import * as accounts from './domains/accounts.js';
import { auditReservations } from './domains/audit.js';
import { EventSnapshots } from './domains/events.js';
import * as fees from './domains/fees.js';
import * as funding from './domains/funding.js';
import * as lending from './domains/lending.js';
import * as margin from './domains/margin.js';
import * as market from './domains/market.js';
import * as orders from './domains/orders.js';
import { ExchangeParts } from './domains/parts.js';
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
import { FEE_USER_ID } from './ledger.js';
import { bidRecord } from './lending.js';
import { decimalOf, positive } from './parse.js';
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
  RecordList,
  TradeRecord,
  TradeSide,
  TradingAccountRecord,
  TransactionRecord,
} from './records.js';

/**
 * The in-memory, synchronous sandbox exchange behind the sandbox's REST API.
 * @group Exchange
 */
export class Exchange {
  readonly #parts: ExchangeParts;

  constructor(options: ExchangeOptions) {
    this.#parts = new ExchangeParts(options, (parts) => new EventSnapshots(parts));
  }

  // ---- events ---------------------------------------------------------------------------------

  /** Listens to an event; returns the function that stops listening. Payloads are snapshots. */
  on<K extends ExchangeEventName>(event: K, listener: ExchangeListener<K>): () => void {
    return this.#parts.context.events.on(event, listener);
  }

  /** Stops a listener added with {@link Exchange.on}. */
  off<K extends ExchangeEventName>(event: K, listener: ExchangeListener<K>): void {
    this.#parts.context.events.off(event, listener);
  }

  // ---- clock ----------------------------------------------------------------------------------

  /** The injected clock, in Unix seconds with a fractional part (what records carry). */
  nowSeconds(): number {
    return this.#parts.context.nowSeconds();
  }

  // ---- users, accounts, ledger ----------------------------------------------------------------

  /**
   * Creates a user funded with `balances` (each recorded as a `deposit`); every currency of the
   * catalogue gets an account (zero when not funded). Also gives the user one bank account and a
   * trading account per margin-enabled product (funded in the quote currency). Returns the user id.
   */
  createUser(balances: Readonly<Record<string, DecimalInput>> = {}): number {
    return this.#parts.mutate(() => accounts.createUser(this.#parts, balances));
  }

  /** True when the user exists. */
  hasUser(userId: number): boolean {
    return this.#parts.users.has(userId);
  }

  /** Sandbox-only funding: credits `amount` (> 0) of `currency` to the user (`deposit` history entry). */
  deposit(userId: number, currency: string, amount: DecimalInput): AccountRecord {
    return this.#parts.mutate(() => {
      this.#parts.user(userId);
      const code = this.#parts.currency(currency);
      accounts.deposit(this.#parts, userId, code, positive(decimalOf(amount, 'amount'), 'amount'));
      return accounts.accountRecord(this.#parts, this.#parts.ledger.account(userId, code));
    });
  }

  /** Every account of the user (fiat first, then crypto, each in catalogue order). */
  accounts(userId: number): AccountRecord[] {
    return [...this.fiatAccounts(userId), ...this.cryptoAccounts(userId)];
  }

  /** The user's account in `currency` (404 `Account not found` for a currency the catalogue lacks). */
  account(userId: number, currency: string): AccountRecord {
    this.#parts.user(userId);
    if (!this.#parts.config.currencies.has(currency)) throw ExchangeError.notFound('Account not found');
    return accounts.accountRecord(this.#parts, this.#parts.ledger.account(userId, currency));
  }

  /** The user's fiat accounts that exist (all fiat currencies the user holds or created). */
  fiatAccounts(userId: number): AccountRecord[] {
    return accounts.accountsOfType(this.#parts, userId, 'fiat');
  }

  /** The user's crypto accounts. */
  cryptoAccounts(userId: number): AccountRecord[] {
    return accounts.accountsOfType(this.#parts, userId, 'crypto');
  }

  /** `POST /fiat_accounts`: opens (or returns the existing) fiat account in `currency`. */
  createFiatAccount(userId: number, currency: string): AccountRecord {
    return this.#parts.mutate(() => accounts.openFiatAccount(this.#parts, userId, currency));
  }

  /** `GET /accounts/balance`: one row per account. */
  balances(userId: number): BalanceRecord[] {
    return this.accounts(userId).map((account) => ({ currency: account.currency, balance: account.balance }));
  }

  /**
   * `GET /accounts/main_asset`: the sum of the user's balances valued in the main currency. A
   * currency converts through the last traded price of the product `CUR/MAIN` (×) or `MAIN/CUR`
   * (÷, rounded down to 8 decimals); a currency with neither product counts as 0. The total is
   * rounded down to 8 decimals.
   */
  mainAsset(userId: number): MainAssetRecord {
    return accounts.mainAsset(this.#parts, userId);
  }

  /** `GET /balance_history`: every balance change of the user, newest first, filtered. */
  balanceHistory(userId: number, filter: BalanceHistoryFilter = {}): BalanceHistoryRecord[] {
    return this.balanceHistoryList(userId, filter).slice();
  }

  /** {@link Exchange.balanceHistory} as a list built page by page. */
  balanceHistoryList(userId: number, filter: BalanceHistoryFilter = {}): RecordList<BalanceHistoryRecord> {
    return accounts.balanceHistory(this.#parts, userId, filter);
  }

  /**
   * `GET /transactions`: the legacy view of the balance history and of the user's lending
   * movements, newest first; `transactionType` is one type or a comma-separated list.
   */
  transactions(userId: number, filter: TransactionFilter = {}): TransactionRecord[] {
    return this.transactionList(userId, filter).slice();
  }

  /** {@link Exchange.transactions} as a list built page by page. */
  transactionList(userId: number, filter: TransactionFilter = {}): RecordList<TransactionRecord> {
    return accounts.transactions(this.#parts, userId, filter);
  }

  /**
   * The ledger check: for every currency, the sum of all balances of all users, the fee account and
   * the house account. It changes only by deposits and processed withdrawals.
   */
  totals(): Record<string, Decimal> {
    return this.#parts.ledger.totals();
  }

  /**
   * The reservation check: for every user and currency, the reserved balance must equal what its
   * live orders, open trades (margin), loan bids and lent funds, and pending withdrawals hold.
   * Returns one line per mismatch (`user 3001 USD: reserved 10 expected 12`); empty when consistent.
   */
  auditReservations(): string[] {
    return auditReservations(this.#parts);
  }

  /** The exchange's fee account: every fee charged ends up here. */
  feeAccountBalances(): BalanceRecord[] {
    return this.#parts.ledger
      .accountsOf(FEE_USER_ID)
      .map((account) => ({ currency: account.currency, balance: account.balance }));
  }

  // ---- products and market data -----------------------------------------------------------------

  /** Every product, catalogue order, with live statistics. */
  products(): ProductRecord[] {
    return market.productRecords(this.#parts);
  }

  /** One product (404 `Product not found`). */
  product(productId: number): ProductRecord {
    return market.productRecord(this.#parts, productId);
  }

  /** The order book aggregated by price; `depth` levels per side (default the bookDepth option), or all with `full`. */
  orderBook(
    productId: number,
    options: { readonly full?: boolean | undefined; readonly depth?: number | undefined } = {},
  ): OrderBookRecord {
    return market.orderBook(this.#parts, productId, options);
  }

  /** `GET /executions`: the product's public executions, newest first. */
  executions(productId: number): ExecutionRecord[] {
    return this.executionList(productId).slice();
  }

  /** {@link Exchange.executions} as a list built page by page. */
  executionList(productId: number): RecordList<ExecutionRecord> {
    this.#parts.product(productId);
    return this.#parts.market.newestFirst(productId);
  }

  /** `GET /executions?timestamp=`: executions at or after `timestamp` (Unix seconds), oldest first, at most `limit`. */
  executionsSince(productId: number, timestamp: number, limit?: number): ExecutionRecord[] {
    this.#parts.product(productId);
    return this.#parts.market.since(productId, timestamp, limit);
  }

  /** `GET /executions/me`: the user's executions on the product, newest first. */
  myExecutions(userId: number, productId: number): MyExecutionRecord[] {
    return this.myExecutionList(userId, productId).slice();
  }

  /** {@link Exchange.myExecutions} as a list built page by page. */
  myExecutionList(userId: number, productId: number): RecordList<MyExecutionRecord> {
    this.#parts.user(userId);
    this.#parts.product(productId);
    return this.#parts.market.mine(userId, productId);
  }

  /** `GET /ir_ladders/{currency}`: live loan bids aggregated by rate, lowest rate first; `asks` empty. */
  interestRateLadder(currency: string): InterestRateLadderRecord {
    return this.#parts.lending.ladder(currency);
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
    return this.#parts.mutate(
      () => {
        this.#parts.user(userId);
        return this.#parts.engine.create(userId, params);
      },
      (order) => this.#parts.engine.record(order),
    );
  }

  /** `GET /orders/{id}` with its executions (404 `Order not found`). */
  order(userId: number, orderId: number): OrderRecord {
    return this.#parts.engine.record(this.#parts.engine.order(userId, orderId));
  }

  /** `GET /orders/client:{id}`: the newest order of the user with that client order id (404 `Order not found`). */
  orderByClientId(userId: number, clientOrderId: string): OrderRecord {
    return this.#parts.engine.record(this.#parts.engine.orderByClientId(userId, clientOrderId));
  }

  /** True when `clientOrderId` is among the user's last 100 client order ids (a new order with it is refused). */
  isRecentClientOrderId(userId: number, clientOrderId: string): boolean {
    return this.#parts.engine.isRecentClientOrderId(userId, clientOrderId);
  }

  /** `GET /orders`: the user's orders, newest first, filtered. */
  orders(userId: number, filter: OrderFilter = {}): OrderRecord[] {
    return this.orderList(userId, filter).slice();
  }

  /** {@link Exchange.orders} as a list built page by page. */
  orderList(userId: number, filter: OrderFilter = {}): RecordList<OrderRecord> {
    return orders.orders(this.#parts, userId, filter);
  }

  /**
   * `PUT /orders/{id}`: new quantity and/or price of a live, unfilled order. A price change or a
   * quantity increase loses time priority; an edit that crosses matches like a new order. Refused:
   * 422 `order: Can not update partially filled order`, 422 `Can not update non-live order`.
   */
  editOrder(userId: number, orderId: number, params: EditOrderParams): OrderRecord {
    return this.#parts.mutate(
      () => this.#parts.engine.edit(this.#parts.engine.order(userId, orderId), params),
      (order) => this.#parts.engine.record(order),
    );
  }

  /** `PUT /orders/client:{id}`: {@link editOrder} by client order id. */
  editOrderByClientId(userId: number, clientOrderId: string, params: EditOrderParams): OrderRecord {
    return this.#parts.mutate(
      () => this.#parts.engine.edit(this.#parts.engine.orderByClientId(userId, clientOrderId), params),
      (order) => this.#parts.engine.record(order),
    );
  }

  /**
   * `PUT /orders/{id}/cancel`: cancels a live order and releases its reserved funds. A non-live
   * order answers per the `nonLiveCancel` option: 404 `Order not found` (default) or the order unchanged.
   */
  cancelOrder(userId: number, orderId: number): OrderRecord {
    return this.#parts.mutate(
      () => this.#parts.engine.cancel(this.#parts.engine.order(userId, orderId)),
      (order) => this.#parts.engine.record(order),
    );
  }

  /** `PUT /orders/client:{id}/cancel`. */
  cancelOrderByClientId(userId: number, clientOrderId: string): OrderRecord {
    return this.#parts.mutate(
      () => this.#parts.engine.cancel(this.#parts.engine.orderByClientId(userId, clientOrderId)),
      (order) => this.#parts.engine.record(order),
    );
  }

  /** `PUT /orders/cancel_all`: cancels the user's live orders matching the filter (held stop orders included). */
  cancelAllOrders(userId: number, filter: CancelAllFilter = {}): CancelledOrderRecord[] {
    return this.#parts.mutate(() =>
      this.#parts.engine
        .cancelAll(userId, filter)
        .map((order) => ({ id: order.id, clientOrderId: order.clientOrderId })),
    );
  }

  /** `GET /orders/{id}/trades`: the trades the (margin) order opened. */
  orderTrades(userId: number, orderId: number): TradeRecord[] {
    return orders.orderTrades(this.#parts, userId, orderId);
  }

  /** `GET /orders/{id}/executions`: the order's executions, newest first. */
  orderExecutions(userId: number, orderId: number): MyExecutionRecord[] {
    return this.orderExecutionList(userId, orderId).slice();
  }

  /** {@link Exchange.orderExecutions} as a list built page by page. */
  orderExecutionList(userId: number, orderId: number): RecordList<MyExecutionRecord> {
    return orders.orderExecutions(this.#parts, userId, orderId);
  }

  // ---- margin -----------------------------------------------------------------------------------

  /** `GET /users/leverage_limitation`: leverage levels the user may use, highest first. */
  leverageLimitation(userId: number): number[] {
    this.#parts.user(userId);
    return [...this.#parts.config.leverageLevels].sort((a, b) => b - a);
  }

  /** `GET /trading_accounts`. */
  tradingAccounts(userId: number): TradingAccountRecord[] {
    this.#parts.user(userId);
    return this.#parts.margin
      .tradingAccountsOf(userId)
      .map((account) => this.#parts.margin.tradingAccountRecord(account));
  }

  /** `GET /trading_accounts/{id}` (404 `Trading account not found`). */
  tradingAccount(userId: number, tradingAccountId: number): TradingAccountRecord {
    return this.#parts.margin.tradingAccountRecord(this.#parts.margin.tradingAccount(userId, tradingAccountId));
  }

  /** `PUT /trading_accounts/{id}`: the default leverage (422 `leverage_level: invalid` outside the allowed list). */
  updateLeverage(userId: number, tradingAccountId: number, leverageLevel: number): TradingAccountRecord {
    return this.#parts.mutate(() => {
      const account = this.#parts.margin.tradingAccount(userId, tradingAccountId);
      this.#parts.margin.setLeverage(account, leverageLevel);
      return this.#parts.margin.tradingAccountRecord(account);
    });
  }

  /** `GET /trades`: newest first, filtered. */
  trades(userId: number, filter: TradeFilter = {}): TradeRecord[] {
    return this.tradeList(userId, filter).slice();
  }

  /** {@link Exchange.trades} as a list built page by page. */
  tradeList(userId: number, filter: TradeFilter = {}): RecordList<TradeRecord> {
    return margin.trades(this.#parts, userId, filter);
  }

  /** One trade (404 `Trade not found`). */
  trade(userId: number, tradeId: number): TradeRecord {
    return this.#parts.margin.tradeRecord(this.#parts.margin.trade(userId, tradeId));
  }

  /**
   * `PUT /trades/{id}/close`: closes the trade (or `closedQuantity` of it) with a market order
   * against the book at the best opposite prices; releases margin, repays loans with interest and
   * realises pnl into the funding balance. What the book cannot fill stays open; an empty book
   * answers 422 `trade: not_enough_liquidity`.
   */
  closeTrade(userId: number, tradeId: number, closedQuantity?: DecimalInput): TradeRecord {
    return this.#parts.mutate(
      () => margin.closeTrade(this.#parts, userId, tradeId, closedQuantity),
      (trade) => this.#parts.margin.tradeRecord(trade),
    );
  }

  /**
   * `PUT /trades/close_all`: closes every open trade of the user (of one side if given), oldest
   * first; returns them (newest first) in their state after closing.
   */
  closeAllTrades(userId: number, side?: TradeSide): TradeRecord[] {
    return this.#parts.mutate(
      () => margin.closeAllTrades(this.#parts, userId, side),
      (trades) => trades.map((trade) => this.#parts.margin.tradeRecord(trade)),
    );
  }

  /** `PUT /trades/{id}`: stop loss / take profit (null clears one). */
  updateTrade(userId: number, tradeId: number, params: UpdateTradeParams): TradeRecord {
    return this.#parts.mutate(
      () => margin.updateTrade(this.#parts, userId, tradeId, params),
      (trade) => this.#parts.margin.tradeRecord(trade),
    );
  }

  /**
   * `PUT /trades/{id}/adjust_margin` (body not recorded; sandbox choice: a signed `amount`):
   * a positive amount reserves more margin from the funding balance, a negative one releases
   * margin down to at least the trade's initial requirement (open quantity × open price / leverage).
   */
  adjustTradeMargin(userId: number, tradeId: number, amount: DecimalInput): TradeRecord {
    return this.#parts.mutate(
      () => margin.adjustTradeMargin(this.#parts, userId, tradeId, amount),
      (trade) => this.#parts.margin.tradeRecord(trade),
    );
  }

  /** `GET /trades/{id}/loans`. */
  tradeLoans(userId: number, tradeId: number): LoanRecord[] {
    const trade = this.#parts.margin.trade(userId, tradeId);
    return this.#parts.lending.loansOfTrade(trade.id).map((loan) => this.#parts.lending.loanRecord(loan));
  }

  // ---- lending ----------------------------------------------------------------------------------

  /** `POST /loan_bids`: reserves `quantity` at the daily `rate`; status live. */
  createLoanBid(userId: number, params: CreateLoanBidParams): LoanBidRecord {
    return this.#parts.mutate(() => lending.createLoanBid(this.#parts, userId, params));
  }

  /** `GET /loan_bids`: the user's bids in `currency` (all currencies when omitted), newest first. */
  loanBids(userId: number, currency?: string): LoanBidRecord[] {
    return this.#parts.lending.bidsOf(userId, currency).map(bidRecord);
  }

  /** `PUT /loan_bids/{id}/close`: releases the unlent rest; status closed (404 `Loan bid not found`). */
  closeLoanBid(userId: number, loanBidId: number): LoanBidRecord {
    return this.#parts.mutate(() => {
      const bid = this.#parts.lending.bid(userId, loanBidId);
      this.#parts.lending.closeBid(bid);
      return bidRecord(bid);
    });
  }

  /** `GET /loans`: loans the user lent or borrowed, newest first. */
  loans(userId: number, currency?: string): LoanRecord[] {
    return this.#parts.lending.loansOf(userId, currency).map((loan) => this.#parts.lending.loanRecord(loan));
  }

  /** `PUT /loans/{id}`: whether repaid funds return to the loan bid (404 `Loan not found`). */
  updateLoan(userId: number, loanId: number, fundReloaned: boolean): LoanRecord {
    return this.#parts.mutate(() => {
      const loan = this.#parts.lending.loan(userId, loanId);
      this.#parts.lending.setFundReloaned(loan, fundReloaned);
      return this.#parts.lending.loanRecord(loan);
    });
  }

  // ---- funding ----------------------------------------------------------------------------------

  /** `POST /crypto_withdrawals`: state pending, reserving amount + withdrawal fee. */
  createCryptoWithdrawal(userId: number, params: CreateCryptoWithdrawalParams): CryptoWithdrawalRecord {
    return this.#parts.mutate(() => {
      this.#parts.user(userId);
      return this.#parts.funding.createCrypto(userId, params);
    });
  }

  /** `GET /crypto_withdrawals`: newest first, filtered. */
  cryptoWithdrawals(userId: number, filter: CryptoWithdrawalFilter = {}): CryptoWithdrawalRecord[] {
    return funding.cryptoWithdrawals(this.#parts, userId, filter);
  }

  /** `PUT /crypto_withdrawal/{id}/cancel`: only while pending (422 `Withdrawal can not be cancelled`). */
  cancelCryptoWithdrawal(userId: number, withdrawalId: number): CryptoWithdrawalRecord {
    return this.#parts.mutate(
      () => this.#parts.funding.cancel(userId, withdrawalId, 'crypto') as CryptoWithdrawalRecord,
    );
  }

  /** `GET /crypto_withdrawals/crypto_networks?currency=`. */
  cryptoNetworks(currency: string): CryptoNetworkRecord[] {
    return funding.cryptoNetworks(this.#parts, currency);
  }

  /** `GET /crypto_withdrawal_addresses?currency=`: the addresses the user has withdrawn to. */
  cryptoWithdrawalAddresses(userId: number, currency?: string): CryptoWithdrawalAddressRecord[] {
    return this.#parts.funding.addresses(userId, currency);
  }

  /** `GET /bank_accounts`. */
  bankAccounts(userId: number): BankAccountRecord[] {
    return this.#parts.funding.bankAccounts(userId);
  }

  /** `POST /withdrawals`: fiat withdrawal to one of the user's bank accounts; pending, reserving amount + fee. */
  createFiatWithdrawal(userId: number, params: CreateFiatWithdrawalParams): FiatWithdrawalRecord {
    return this.#parts.mutate(() => {
      this.#parts.user(userId);
      return this.#parts.funding.createFiat(userId, params);
    });
  }

  /** `GET /withdrawals`: newest first. */
  fiatWithdrawals(userId: number): FiatWithdrawalRecord[] {
    return this.#parts.funding.fiatOf(userId);
  }

  /** `PUT /withdrawals/{id}/cancel`: only while pending. */
  cancelFiatWithdrawal(userId: number, withdrawalId: number): FiatWithdrawalRecord {
    return this.#parts.mutate(() => this.#parts.funding.cancel(userId, withdrawalId, 'fiat') as FiatWithdrawalRecord);
  }

  /**
   * Sandbox-only: completes a pending withdrawal (crypto or fiat, by id): the amount leaves the
   * exchange, the fee goes to the fee account; state processed.
   */
  processWithdrawal(withdrawalId: number): CryptoWithdrawalRecord | FiatWithdrawalRecord {
    return this.#parts.mutate(() => this.#parts.funding.process(withdrawalId));
  }

  // ---- fees -------------------------------------------------------------------------------------

  /**
   * `GET /user/fee_tier`: always tier 0. Volumes of the last 30 days: the notional of the user's
   * executions on products quoted in `inCurrency` (USD when the catalogue has it, else the main
   * currency), split into spot (`currencyPairVolume`) and perpetual products.
   */
  feeTier(userId: number): FeeTierRecord {
    return fees.feeTier(this.#parts, userId);
  }

  /**
   * `POST /fees/estimate` for `create_order`: the taker fee (quantity × price × takerFee) in the
   * quote currency; price is the given one, else the best opposite price, else the last price.
   */
  estimateOrderFee(userId: number, params: OrderFeeEstimateParams): FeeEstimateRecord {
    return fees.estimateOrderFee(this.#parts, userId, params);
  }

  /** `POST /fees/estimate` for `withdraw`: the currency's withdrawal fee. */
  estimateWithdrawalFee(userId: number, params: WithdrawalFeeEstimateParams): FeeEstimateRecord {
    return fees.estimateWithdrawalFee(this.#parts, userId, params);
  }
}
