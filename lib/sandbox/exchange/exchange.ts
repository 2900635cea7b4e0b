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
 *
 * The rules chosen where the reference is silent are documented in engine.ts (matching, fees,
 * reservations, stops), margin.ts (positions), lending.ts (loans, interest), funding.ts
 * (withdrawals) and config.ts / inputs.ts (price band, defaults).
 * @module
 */
import { resolveConfig, type Config, type ProductConfig } from './config.js';
import { Context } from './context.js';
import { Decimal, ZERO, type DecimalInput } from './decimal.js';
import { ExchangeError } from './errors.js';
import type { ExchangeEventName, ExchangeListener } from './events.js';
import { Engine } from './engine.js';
import { Funding } from './funding.js';
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
import { FEE_USER_ID, HOUSE_USER_ID, Ledger, type AccountState } from './ledger.js';
import { Lending, bidRecord } from './lending.js';
import { Margin } from './margin.js';
import { MarketData } from './market-data.js';
import { checkPrecision } from './order-validation.js';
import { decimalOf, optionalDecimal, positive, requiredDecimal } from './parse.js';
import { Prng } from './prng.js';
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
import { lendingTransactionOf, transactionOf, transactionTypesOf } from './transactions.js';

const FEE_TIER_WINDOW_MS = 30 * 86_400_000;

/** The in-memory, synchronous sandbox exchange behind the sandbox's REST API. */
export class Exchange {
  readonly #context: Context;
  readonly #config: Config;
  readonly #ledger: Ledger;
  readonly #market: MarketData;
  readonly #lending: Lending;
  readonly #margin: Margin;
  readonly #engine: Engine;
  readonly #funding: Funding;
  readonly #users = new Set<number>();
  #depth = 0;

  constructor(options: ExchangeOptions) {
    this.#config = resolveConfig(options);
    this.#context = new Context(this.#config, options.now ?? Date.now);
    this.#ledger = new Ledger(this.#context);
    this.#market = new MarketData(this.#context);
    this.#lending = new Lending(this.#context, this.#ledger);
    this.#margin = new Margin(this.#context, this.#ledger, this.#lending, this.#market);
    this.#engine = new Engine(this.#context, this.#ledger, this.#market, this.#margin, this.#lending);
    this.#funding = new Funding(this.#context, this.#ledger, new Prng(this.#config.seed));
  }

  // ---- events ---------------------------------------------------------------------------------

  /** Listens to an event; returns the function that stops listening. Payloads are snapshots. */
  on<K extends ExchangeEventName>(event: K, listener: ExchangeListener<K>): () => void {
    return this.#context.events.on(event, listener);
  }

  /** Stops a listener added with {@link Exchange.on}. */
  off<K extends ExchangeEventName>(event: K, listener: ExchangeListener<K>): void {
    this.#context.events.off(event, listener);
  }

  // ---- clock ----------------------------------------------------------------------------------

  /** The injected clock, in Unix seconds with a fractional part (what records carry). */
  nowSeconds(): number {
    return this.#context.nowSeconds();
  }

  // ---- users, accounts, ledger ----------------------------------------------------------------

  /**
   * Creates a user funded with `balances` (each recorded as a `deposit`); every currency of the
   * catalogue gets an account (zero when not funded). Also gives the user one bank account and a
   * trading account per margin-enabled product (funded in the quote currency). Returns the user id.
   */
  createUser(balances: Readonly<Record<string, DecimalInput>> = {}): number {
    return this.#mutate(() => {
      const amounts = Object.entries(balances).map(([currency, amount]) => [this.#currency(currency), positiveOrZero(amount)] as const);
      const userId = this.#context.nextId('user');
      this.#users.add(userId);
      for (const currency of this.#config.currencies.values()) {
        const account = this.#ledger.account(userId, currency.currency);
        if (currency.type === 'crypto') account.opened = true;
      }
      for (const [currency, amount] of amounts) this.#deposit(userId, currency, amount);
      this.#funding.openBankAccount(userId);
      for (const product of this.#config.products.values()) {
        if (product.marginEnabled) this.#margin.tradingAccountFor(userId, product, product.quote);
      }
      return userId;
    });
  }

  /** True when the user exists. */
  hasUser(userId: number): boolean {
    return this.#users.has(userId);
  }

  /** Sandbox-only funding: credits `amount` (> 0) of `currency` to the user (`deposit` history entry). */
  deposit(userId: number, currency: string, amount: DecimalInput): AccountRecord {
    return this.#mutate(() => {
      this.#user(userId);
      const code = this.#currency(currency);
      this.#deposit(userId, code, positive(decimalOf(amount, 'amount'), 'amount'));
      return this.#accountRecord(this.#ledger.account(userId, code));
    });
  }

  /** Every account of the user (fiat first, then crypto, each in catalogue order). */
  accounts(userId: number): AccountRecord[] {
    return [...this.fiatAccounts(userId), ...this.cryptoAccounts(userId)];
  }

  /** The user's account in `currency` (404 `Account not found` for a currency the catalogue lacks). */
  account(userId: number, currency: string): AccountRecord {
    this.#user(userId);
    if (!this.#config.currencies.has(currency)) throw ExchangeError.notFound('Account not found');
    return this.#accountRecord(this.#ledger.account(userId, currency));
  }

  /** The user's fiat accounts that exist (all fiat currencies the user holds or created). */
  fiatAccounts(userId: number): AccountRecord[] {
    return this.#accountsOfType(userId, 'fiat');
  }

  /** The user's crypto accounts. */
  cryptoAccounts(userId: number): AccountRecord[] {
    return this.#accountsOfType(userId, 'crypto');
  }

  /** `POST /fiat_accounts`: opens (or returns the existing) fiat account in `currency`. */
  createFiatAccount(userId: number, currency: string): AccountRecord {
    return this.#mutate(() => {
      this.#user(userId);
      const config = this.#config.currencies.get(currency);
      if (config === undefined || config.type !== 'fiat') throw ExchangeError.invalid('currency', 'invalid');
      const account = this.#ledger.account(userId, currency);
      account.opened = true;
      this.#context.markAccount(userId, currency);
      return this.#accountRecord(account);
    });
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
    this.#user(userId);
    let total = ZERO;
    for (const account of this.#ledger.accountsOf(userId)) total = total.plus(account.balance.times(this.#rateToMain(account.currency)));
    return { currency: this.#config.mainCurrency, totalAmount: total.toDecimalPlaces(8, Decimal.ROUND_DOWN) };
  }

  /** `GET /balance_history`: every balance change of the user, newest first, filtered. */
  balanceHistory(userId: number, filter: BalanceHistoryFilter = {}): BalanceHistoryRecord[] {
    this.#user(userId);
    return this.#ledger
      .historyOf(userId)
      .filter(
        (entry) =>
          (filter.currency === undefined || entry.currency === filter.currency) &&
          (filter.sourceAction === undefined || entry.sourceAction === filter.sourceAction) &&
          (filter.sourceObjectType === undefined || entry.sourceObjectType === filter.sourceObjectType) &&
          (filter.sourceObjectId === undefined || entry.sourceObjectId === filter.sourceObjectId) &&
          (filter.timestampGte === undefined || entry.timestamp >= filter.timestampGte) &&
          (filter.timestampLte === undefined || entry.timestamp <= filter.timestampLte),
      )
      .map((entry) => ({ ...entry }))
      .reverse();
  }

  /**
   * `GET /transactions`: the legacy view of the balance history and of the user's lending
   * movements, newest first; `transactionType` is one type or a comma-separated list.
   */
  transactions(userId: number, filter: TransactionFilter = {}): TransactionRecord[] {
    const types = transactionTypesOf(filter.transactionType);
    const history = this.balanceHistory(userId, filter.currency === undefined ? {} : { currency: filter.currency }).map((entry) =>
      transactionOf(
        entry,
        this.#ledger.account(userId, entry.currency).id,
        entry.sourceObjectType === 'Loan' ? this.#lending.loanById(entry.sourceObjectId) : undefined,
      ),
    );
    const lending = this.#lending.movementsOf(userId).flatMap((movement) => {
      const loan = this.#lending.loanById(movement.loanId);
      if (loan === undefined || (filter.currency !== undefined && loan.currency !== filter.currency)) return [];
      const accountIdOf = (partyId: number): number | null => (partyId === HOUSE_USER_ID ? null : this.#ledger.account(partyId, loan.currency).id);
      return [lendingTransactionOf(movement, loan, userId, accountIdOf)];
    });
    return [...history, ...lending]
      .filter((row) => types === undefined || types.has(row.transactionType))
      .sort((a, b) => b.id - a.id);
  }

  /**
   * The ledger check: for every currency, the sum of all balances of all users, the fee account and
   * the house account. It changes only by deposits and processed withdrawals.
   */
  totals(): Record<string, Decimal> {
    return this.#ledger.totals();
  }

  /**
   * The reservation check: for every user and currency, the reserved balance must equal what its
   * live orders, open trades (margin), loan bids and lent funds, and pending withdrawals hold.
   * Returns one line per mismatch (`user 3001 USD: reserved 10 expected 12`); empty when consistent.
   */
  auditReservations(): string[] {
    const mismatches: string[] = [];
    for (const userId of this.#users) {
      const expected = new Map<string, Decimal>();
      const add = (currency: string, amount: Decimal): void => {
        expected.set(currency, (expected.get(currency) ?? ZERO).plus(amount));
      };
      for (const order of this.#engine.ordersOf(userId)) {
        if (order.status === 'live' || order.status === 'partially_filled') add(order.reserveCurrency, order.reserved);
      }
      for (const trade of this.#margin.tradesOf(userId)) if (trade.status === 'open') add(trade.fundingCurrency, trade.marginUsed);
      for (const bid of this.#lending.bidsOf(userId, undefined)) if (bid.status === 'live') add(bid.currency, bid.quantity.minus(bid.filled));
      for (const loan of this.#lending.loansOf(userId, undefined)) {
        if (loan.status === 'open' && loan.lenderId === userId && loan.bidId !== null) add(loan.currency, loan.quantity.minus(loan.repaid));
      }
      for (const withdrawal of [...this.#funding.cryptoOf(userId), ...this.#funding.fiatOf(userId)]) {
        if (withdrawal.state === 'pending') add(withdrawal.currency, withdrawal.amount.plus(withdrawal.withdrawalFee));
      }
      for (const account of this.#ledger.accountsOf(userId)) {
        const want = expected.get(account.currency) ?? ZERO;
        if (!account.reserved.equals(want)) {
          mismatches.push(`user ${userId} ${account.currency}: reserved ${account.reserved.toFixed()} expected ${want.toFixed()}`);
        }
      }
    }
    return mismatches;
  }

  /** The exchange's fee account: every fee charged ends up here. */
  feeAccountBalances(): BalanceRecord[] {
    return this.#ledger.accountsOf(FEE_USER_ID).map((account) => ({ currency: account.currency, balance: account.balance }));
  }

  // ---- products and market data -----------------------------------------------------------------

  /** Every product, catalogue order, with live statistics. */
  products(): ProductRecord[] {
    return [...this.#config.products.values()].map((product) => this.#market.productRecord(product, this.#engine.book(product.id)));
  }

  /** One product (404 `Product not found`). */
  product(productId: number): ProductRecord {
    const product = this.#product(productId);
    return this.#market.productRecord(product, this.#engine.book(product.id));
  }

  /** The order book aggregated by price; `depth` levels per side (default the bookDepth option), or all with `full`. */
  orderBook(productId: number, options: { readonly full?: boolean | undefined; readonly depth?: number | undefined } = {}): OrderBookRecord {
    const product = this.#product(productId);
    const depth = options.full === true ? undefined : (options.depth ?? this.#config.bookDepth);
    const book = this.#engine.book(product.id);
    return { productId, buyPriceLevels: book.snapshot('buy', depth), sellPriceLevels: book.snapshot('sell', depth), timestamp: this.nowSeconds() };
  }

  /** `GET /executions`: the product's public executions, newest first. */
  executions(productId: number): ExecutionRecord[] {
    this.#product(productId);
    return this.#market.newestFirst(productId);
  }

  /** `GET /executions?timestamp=`: executions at or after `timestamp` (Unix seconds), oldest first, at most `limit`. */
  executionsSince(productId: number, timestamp: number, limit?: number): ExecutionRecord[] {
    this.#product(productId);
    return this.#market.since(productId, timestamp, limit);
  }

  /** `GET /executions/me`: the user's executions on the product, newest first. */
  myExecutions(userId: number, productId: number): MyExecutionRecord[] {
    this.#user(userId);
    this.#product(productId);
    return this.#market.mine(userId, productId);
  }

  /** `GET /ir_ladders/{currency}`: live loan bids aggregated by rate, lowest rate first; `asks` empty. */
  interestRateLadder(currency: string): InterestRateLadderRecord {
    return this.#lending.ladder(currency);
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
    return this.#mutate(() => {
      this.#user(userId);
      return this.#engine.create(userId, params);
    }, (order) => this.#engine.record(order));
  }

  /** `GET /orders/{id}` with its executions (404 `Order not found`). */
  order(userId: number, orderId: number): OrderRecord {
    return this.#engine.record(this.#engine.order(userId, orderId));
  }

  /** `GET /orders/client:{id}`: the newest order of the user with that client order id (404 `Order not found`). */
  orderByClientId(userId: number, clientOrderId: string): OrderRecord {
    return this.#engine.record(this.#engine.orderByClientId(userId, clientOrderId));
  }

  /** True when `clientOrderId` is among the user's last 100 client order ids (a new order with it is refused). */
  isRecentClientOrderId(userId: number, clientOrderId: string): boolean {
    return this.#engine.isRecentClientOrderId(userId, clientOrderId);
  }

  /** `GET /orders`: the user's orders, newest first, filtered. */
  orders(userId: number, filter: OrderFilter = {}): OrderRecord[] {
    return this.#engine
      .ordersOf(userId)
      .filter(
        (order) =>
          (filter.productId === undefined || order.product.id === filter.productId) &&
          (filter.status === undefined || order.status === filter.status) &&
          (filter.fundingCurrency === undefined || order.fundingCurrency === filter.fundingCurrency) &&
          (filter.tradingType === undefined || order.tradingType === filter.tradingType) &&
          (filter.side === undefined || order.side === filter.side),
      )
      .map((order) => this.#engine.record(order));
  }

  /**
   * `PUT /orders/{id}`: new quantity and/or price of a live, unfilled order. A price change or a
   * quantity increase loses time priority; an edit that crosses matches like a new order. Refused:
   * 422 `order: Can not update partially filled order`, 422 `Can not update non-live order`.
   */
  editOrder(userId: number, orderId: number, params: EditOrderParams): OrderRecord {
    return this.#mutate(() => this.#engine.edit(this.#engine.order(userId, orderId), params), (order) => this.#engine.record(order));
  }

  /** `PUT /orders/client:{id}`: {@link editOrder} by client order id. */
  editOrderByClientId(userId: number, clientOrderId: string, params: EditOrderParams): OrderRecord {
    return this.#mutate(() => this.#engine.edit(this.#engine.orderByClientId(userId, clientOrderId), params), (order) => this.#engine.record(order));
  }

  /**
   * `PUT /orders/{id}/cancel`: cancels a live order and releases its reserved funds. A non-live
   * order answers per the `nonLiveCancel` option: 404 `Order not found` (default) or the order unchanged.
   */
  cancelOrder(userId: number, orderId: number): OrderRecord {
    return this.#mutate(() => this.#engine.cancel(this.#engine.order(userId, orderId)), (order) => this.#engine.record(order));
  }

  /** `PUT /orders/client:{id}/cancel`. */
  cancelOrderByClientId(userId: number, clientOrderId: string): OrderRecord {
    return this.#mutate(() => this.#engine.cancel(this.#engine.orderByClientId(userId, clientOrderId)), (order) => this.#engine.record(order));
  }

  /** `PUT /orders/cancel_all`: cancels the user's live orders matching the filter (held stop orders included). */
  cancelAllOrders(userId: number, filter: CancelAllFilter = {}): CancelledOrderRecord[] {
    return this.#mutate(() =>
      this.#engine.cancelAll(userId, filter).map((order) => ({ id: order.id, clientOrderId: order.clientOrderId })),
    );
  }

  /** `GET /orders/{id}/trades`: the trades the (margin) order opened. */
  orderTrades(userId: number, orderId: number): TradeRecord[] {
    const order = this.#engine.order(userId, orderId);
    const trade = order.openedTradeId === null ? undefined : this.#margin.tradeById(order.openedTradeId);
    return trade === undefined ? [] : [this.#margin.tradeRecord(trade)];
  }

  /** `GET /orders/{id}/executions`: the order's executions, newest first. */
  orderExecutions(userId: number, orderId: number): MyExecutionRecord[] {
    return this.#engine.record(this.#engine.order(userId, orderId)).executions.slice().reverse();
  }

  // ---- margin -----------------------------------------------------------------------------------

  /** `GET /users/leverage_limitation`: leverage levels the user may use, highest first. */
  leverageLimitation(userId: number): number[] {
    this.#user(userId);
    return [...this.#config.leverageLevels].sort((a, b) => b - a);
  }

  /** `GET /trading_accounts`. */
  tradingAccounts(userId: number): TradingAccountRecord[] {
    this.#user(userId);
    return this.#margin.tradingAccountsOf(userId).map((account) => this.#margin.tradingAccountRecord(account));
  }

  /** `GET /trading_accounts/{id}` (404 `Trading account not found`). */
  tradingAccount(userId: number, tradingAccountId: number): TradingAccountRecord {
    return this.#margin.tradingAccountRecord(this.#margin.tradingAccount(userId, tradingAccountId));
  }

  /** `PUT /trading_accounts/{id}`: the default leverage (422 `leverage_level: invalid` outside the allowed list). */
  updateLeverage(userId: number, tradingAccountId: number, leverageLevel: number): TradingAccountRecord {
    return this.#mutate(() => {
      const account = this.#margin.tradingAccount(userId, tradingAccountId);
      this.#margin.setLeverage(account, leverageLevel);
      return this.#margin.tradingAccountRecord(account);
    });
  }

  /** `GET /trades`: newest first, filtered. */
  trades(userId: number, filter: TradeFilter = {}): TradeRecord[] {
    return this.#margin
      .tradesOf(userId)
      .filter(
        (trade) =>
          (filter.fundingCurrency === undefined || trade.fundingCurrency === filter.fundingCurrency) &&
          (filter.status === undefined || trade.status === filter.status) &&
          (filter.productId === undefined || trade.product.id === filter.productId) &&
          (filter.side === undefined || trade.side === filter.side) &&
          (filter.tradingType === undefined || trade.tradingType === filter.tradingType),
      )
      .map((trade) => this.#margin.tradeRecord(trade));
  }

  /** One trade (404 `Trade not found`). */
  trade(userId: number, tradeId: number): TradeRecord {
    return this.#margin.tradeRecord(this.#margin.trade(userId, tradeId));
  }

  /**
   * `PUT /trades/{id}/close`: closes the trade (or `closedQuantity` of it) with a market order
   * against the book at the best opposite prices; releases margin, repays loans with interest and
   * realises pnl into the funding balance. What the book cannot fill stays open; an empty book
   * answers 422 `trade: not_enough_liquidity`.
   */
  closeTrade(userId: number, tradeId: number, closedQuantity?: DecimalInput): TradeRecord {
    return this.#mutate(() => {
      const trade = this.#margin.trade(userId, tradeId);
      if (trade.status !== 'open') throw ExchangeError.unprocessable('Trade is already closed');
      const given = optionalDecimal(closedQuantity, 'closed_quantity');
      const quantity = given === undefined ? trade.openQuantity : checkPrecision(positive(given, 'closed_quantity'), trade.product, 'closed_quantity');
      this.#engine.closeTrade(trade, quantity, 'manual');
      return trade;
    }, (trade) => this.#margin.tradeRecord(trade));
  }

  /**
   * `PUT /trades/close_all`: closes every open trade of the user (of one side if given), oldest
   * first; returns them (newest first) in their state after closing.
   */
  closeAllTrades(userId: number, side?: TradeSide): TradeRecord[] {
    return this.#mutate(() => {
      this.#user(userId);
      const open = this.#margin.tradesOf(userId).filter((trade) => trade.status === 'open' && (side === undefined || trade.side === side));
      for (const trade of [...open].reverse()) {
        if (trade.status !== 'open') continue;
        try {
          this.#engine.closeTrade(trade, trade.openQuantity, 'manual');
        } catch (error) {
          // An empty book leaves the trade open; it is still listed with its state.
          if (!(error instanceof ExchangeError)) throw error;
        }
      }
      return open;
    }, (trades) => trades.map((trade) => this.#margin.tradeRecord(trade)));
  }

  /** `PUT /trades/{id}`: stop loss / take profit (null clears one). */
  updateTrade(userId: number, tradeId: number, params: UpdateTradeParams): TradeRecord {
    return this.#mutate(() => {
      const trade = this.#margin.trade(userId, tradeId);
      if (trade.status !== 'open') throw ExchangeError.unprocessable('Trade is already closed');
      const level = (value: DecimalInput | null | undefined, field: string): Decimal | null | undefined => {
        if (value === undefined) return undefined;
        if (value === null) return null;
        const decimal = decimalOf(value, field);
        return decimal.isZero() ? null : positive(decimal, field);
      };
      this.#margin.setStops(trade, level(params.stopLoss, 'stop_loss'), level(params.takeProfit, 'take_profit'));
      // A level already crossed closes the trade at the end of this call.
      this.#context.movedProducts.add(trade.product.id);
      return trade;
    }, (trade) => this.#margin.tradeRecord(trade));
  }

  /**
   * `PUT /trades/{id}/adjust_margin` (body not recorded; sandbox choice: a signed `amount`):
   * a positive amount reserves more margin from the funding balance, a negative one releases
   * margin down to at least the trade's initial requirement (open quantity × open price / leverage).
   */
  adjustTradeMargin(userId: number, tradeId: number, amount: DecimalInput): TradeRecord {
    return this.#mutate(() => {
      const trade = this.#margin.trade(userId, tradeId);
      const delta = requiredDecimal(amount, 'amount');
      if (delta.isZero()) throw ExchangeError.invalid('amount', 'must_not_be_zero');
      this.#margin.adjustMargin(trade, delta);
      return trade;
    }, (trade) => this.#margin.tradeRecord(trade));
  }

  /** `GET /trades/{id}/loans`. */
  tradeLoans(userId: number, tradeId: number): LoanRecord[] {
    const trade = this.#margin.trade(userId, tradeId);
    return this.#lending.loansOfTrade(trade.id).map((loan) => this.#lending.loanRecord(loan));
  }

  // ---- lending ----------------------------------------------------------------------------------

  /** `POST /loan_bids`: reserves `quantity` at the daily `rate`; status live. */
  createLoanBid(userId: number, params: CreateLoanBidParams): LoanBidRecord {
    return this.#mutate(() => {
      this.#user(userId);
      const given = params as Partial<CreateLoanBidParams>;
      if (given.currency === undefined || given.quantity === undefined || given.rate === undefined) {
        throw ExchangeError.badRequest('missing parameters');
      }
      return bidRecord(this.#lending.createBid(userId, params.currency, decimalOf(params.quantity, 'quantity'), decimalOf(params.rate, 'rate')));
    });
  }

  /** `GET /loan_bids`: the user's bids in `currency` (all currencies when omitted), newest first. */
  loanBids(userId: number, currency?: string): LoanBidRecord[] {
    return this.#lending.bidsOf(userId, currency).map(bidRecord);
  }

  /** `PUT /loan_bids/{id}/close`: releases the unlent rest; status closed (404 `Loan bid not found`). */
  closeLoanBid(userId: number, loanBidId: number): LoanBidRecord {
    return this.#mutate(() => {
      const bid = this.#lending.bid(userId, loanBidId);
      this.#lending.closeBid(bid);
      return bidRecord(bid);
    });
  }

  /** `GET /loans`: loans the user lent or borrowed, newest first. */
  loans(userId: number, currency?: string): LoanRecord[] {
    return this.#lending.loansOf(userId, currency).map((loan) => this.#lending.loanRecord(loan));
  }

  /** `PUT /loans/{id}`: whether repaid funds return to the loan bid (404 `Loan not found`). */
  updateLoan(userId: number, loanId: number, fundReloaned: boolean): LoanRecord {
    return this.#mutate(() => {
      const loan = this.#lending.loan(userId, loanId);
      this.#lending.setFundReloaned(loan, fundReloaned);
      return this.#lending.loanRecord(loan);
    });
  }

  // ---- funding ----------------------------------------------------------------------------------

  /** `POST /crypto_withdrawals`: state pending, reserving amount + withdrawal fee. */
  createCryptoWithdrawal(userId: number, params: CreateCryptoWithdrawalParams): CryptoWithdrawalRecord {
    return this.#mutate(() => {
      this.#user(userId);
      return this.#funding.createCrypto(userId, params);
    });
  }

  /** `GET /crypto_withdrawals`: newest first, filtered. */
  cryptoWithdrawals(userId: number, filter: CryptoWithdrawalFilter = {}): CryptoWithdrawalRecord[] {
    return this.#funding
      .cryptoOf(userId)
      .filter(
        (row) =>
          (filter.currency === undefined || row.currency === filter.currency) &&
          (filter.address === undefined || row.address === filter.address) &&
          (filter.state === undefined || row.state === filter.state) &&
          (filter.timestamp === undefined || row.createdAt >= filter.timestamp),
      );
  }

  /** `PUT /crypto_withdrawal/{id}/cancel`: only while pending (422 `Withdrawal can not be cancelled`). */
  cancelCryptoWithdrawal(userId: number, withdrawalId: number): CryptoWithdrawalRecord {
    return this.#mutate(() => this.#funding.cancel(userId, withdrawalId, 'crypto') as CryptoWithdrawalRecord);
  }

  /** `GET /crypto_withdrawals/crypto_networks?currency=`. */
  cryptoNetworks(currency: string): CryptoNetworkRecord[] {
    return (this.#config.currencies.get(currency)?.networks ?? []).map((network) => ({ network, currency }));
  }

  /** `GET /crypto_withdrawal_addresses?currency=`: the addresses the user has withdrawn to. */
  cryptoWithdrawalAddresses(userId: number, currency?: string): CryptoWithdrawalAddressRecord[] {
    return this.#funding.addresses(userId, currency);
  }

  /** `GET /bank_accounts`. */
  bankAccounts(userId: number): BankAccountRecord[] {
    return this.#funding.bankAccounts(userId);
  }

  /** `POST /withdrawals`: fiat withdrawal to one of the user's bank accounts; pending, reserving amount + fee. */
  createFiatWithdrawal(userId: number, params: CreateFiatWithdrawalParams): FiatWithdrawalRecord {
    return this.#mutate(() => {
      this.#user(userId);
      return this.#funding.createFiat(userId, params);
    });
  }

  /** `GET /withdrawals`: newest first. */
  fiatWithdrawals(userId: number): FiatWithdrawalRecord[] {
    return this.#funding.fiatOf(userId);
  }

  /** `PUT /withdrawals/{id}/cancel`: only while pending. */
  cancelFiatWithdrawal(userId: number, withdrawalId: number): FiatWithdrawalRecord {
    return this.#mutate(() => this.#funding.cancel(userId, withdrawalId, 'fiat') as FiatWithdrawalRecord);
  }

  /**
   * Sandbox-only: completes a pending withdrawal (crypto or fiat, by id): the amount leaves the
   * exchange, the fee goes to the fee account; state processed.
   */
  processWithdrawal(withdrawalId: number): CryptoWithdrawalRecord | FiatWithdrawalRecord {
    return this.#mutate(() => this.#funding.process(withdrawalId));
  }

  // ---- fees -------------------------------------------------------------------------------------

  /**
   * `GET /user/fee_tier`: always tier 0. Volumes of the last 30 days: the notional of the user's
   * executions on products quoted in `inCurrency` (USD when the catalogue has it, else the main
   * currency), split into spot (`currencyPairVolume`) and perpetual products.
   */
  feeTier(userId: number): FeeTierRecord {
    this.#user(userId);
    const nowMs = this.#context.nowMs();
    const fromSeconds = (nowMs - FEE_TIER_WINDOW_MS) / 1000;
    const inCurrency = this.#config.currencies.has('USD') ? 'USD' : this.#config.mainCurrency;
    let spot = ZERO;
    let perpetual = ZERO;
    for (const execution of this.#market.allMine(userId)) {
      const product = this.#config.products.get(execution.productId);
      if (product === undefined || product.quote !== inCurrency || execution.createdAt < fromSeconds) continue;
      const notional = execution.quantity.times(execution.price);
      if (product.productType === 'Perpetual') perpetual = perpetual.plus(notional);
      else spot = spot.plus(notional);
    }
    return { feeTier: 0, fromTime: fromSeconds, toTime: nowMs / 1000, inCurrency, currencyPairVolume: spot, perpetualVolume: perpetual };
  }

  /**
   * `POST /fees/estimate` for `create_order`: the taker fee (quantity × price × takerFee) in the
   * quote currency; price is the given one, else the best opposite price, else the last price.
   */
  estimateOrderFee(userId: number, params: OrderFeeEstimateParams): FeeEstimateRecord {
    this.#user(userId);
    const product = this.#product(params.productId);
    const quantity = requiredDecimal(params.quantity, 'quantity');
    const opposite = this.#engine.book(product.id).bestPrice(params.side === 'buy' ? 'sell' : 'buy');
    const price = optionalDecimal(params.price, 'price') ?? opposite ?? this.#market.lastPrice(product) ?? ZERO;
    const amount = quantity.times(price).times(product.takerFee);
    return { feeOptions: { default: [{ feeType: 'trade_fee', amount, currency: product.quote }], tradeFeeDiscount: [] } };
  }

  /** `POST /fees/estimate` for `withdraw`: the currency's withdrawal fee. */
  estimateWithdrawalFee(userId: number, params: WithdrawalFeeEstimateParams): FeeEstimateRecord {
    this.#user(userId);
    const currency = this.#config.currencies.get(params.currency);
    if (currency === undefined) throw ExchangeError.invalid('currency', 'invalid');
    requiredDecimal(params.amount, 'amount');
    return {
      feeOptions: { default: [{ feeType: 'withdrawal_fee', amount: currency.withdrawalFee, currency: currency.currency }], tradeFeeDiscount: [] },
    };
  }

  // ---- internals --------------------------------------------------------------------------------

  /**
   * Runs a mutation atomically: the change, then the triggers it caused, then the snapshot (taken
   * before events go out), then the events.
   */
  #mutate<T, R = T>(change: () => T, snapshot?: (value: T) => R): R {
    this.#depth += 1;
    try {
      const value = change();
      if (this.#depth === 1) this.#engine.runTriggers();
      return snapshot === undefined ? (value as unknown as R) : snapshot(value);
    } finally {
      this.#depth -= 1;
      if (this.#depth === 0) this.#flush();
    }
  }

  #flush(): void {
    this.#context.flush({
      account: (userId, currency) => {
        if (this.#users.has(userId) && this.#context.events.has('account')) {
          this.#context.events.emit('account', this.#accountRecord(this.#ledger.account(userId, currency)));
        }
      },
      product: (productId) => {
        if (this.#context.events.has('product')) this.#context.events.emit('product', this.product(productId));
        if (this.#context.events.has('book')) this.#context.events.emit('book', this.orderBook(productId, { full: true }));
      },
      tradingAccounts: (userId) => {
        if (!this.#users.has(userId) || !this.#context.events.has('tradingAccount')) return;
        for (const account of this.#margin.tradingAccountsOf(userId)) {
          this.#context.events.emit('tradingAccount', this.#margin.tradingAccountRecord(account));
        }
      },
    });
  }

  #deposit(userId: number, currency: string, amount: Decimal): void {
    if (amount.isZero()) return;
    this.#ledger.change(userId, currency, amount, { action: 'deposit', objectType: 'Deposit', objectId: this.#context.nextId('deposit') });
  }

  #user(userId: number): void {
    if (!this.#users.has(userId)) throw ExchangeError.notFound('User not found');
  }

  #currency(code: string): string {
    if (!this.#config.currencies.has(code)) throw ExchangeError.invalid('currency', 'invalid');
    return code;
  }

  #product(productId: number): ProductConfig {
    const product = this.#config.products.get(productId);
    if (product === undefined) throw ExchangeError.notFound('Product not found');
    return product;
  }

  #accountsOfType(userId: number, type: 'fiat' | 'crypto'): AccountRecord[] {
    this.#user(userId);
    const list: AccountRecord[] = [];
    for (const currency of this.#config.currencies.values()) {
      if (currency.type !== type) continue;
      const account = this.#ledger.account(userId, currency.currency);
      if (account.opened) list.push(this.#accountRecord(account));
    }
    return list;
  }

  #accountRecord(account: AccountState): AccountRecord {
    const currency = this.#config.currencies.get(account.currency);
    const crypto = currency?.type === 'crypto';
    const exposure = this.#margin.exposure(account.userId, account.currency);
    const rates = this.#lending.rateRange(account.currency);
    const free = account.balance.minus(account.reserved);
    return {
      id: account.id,
      userId: account.userId,
      currency: account.currency,
      currencyType: currency?.type ?? 'crypto',
      currencySymbol: currency?.symbol ?? null,
      balance: account.balance,
      reservedBalance: account.reserved,
      freeBalance: free,
      pnl: exposure.pnl,
      margin: exposure.margin,
      freeMargin: free.plus(exposure.pnl),
      maintenanceMargin: exposure.margin.times('0.05'),
      lowestOfferInterestRate: rates.lowest,
      highestOfferInterestRate: rates.highest,
      exchangeRate: this.#rateToMain(account.currency),
      address: crypto ? `sandbox-${account.currency.toLowerCase()}-${account.userId}-${account.id}` : null,
      minimumWithdraw: crypto ? (currency?.minimumWithdrawal ?? null) : null,
    };
  }

  /** Value of one unit of `currency` in the main currency (see mainAsset). */
  #rateToMain(currency: string): Decimal {
    const main = this.#config.mainCurrency;
    if (currency === main) return new Decimal(1);
    for (const product of this.#config.products.values()) {
      const last = this.#market.lastPrice(product);
      if (last === null || last.isZero()) continue;
      if (product.base === currency && product.quote === main) return last;
      if (product.base === main && product.quote === currency) return new Decimal(1).div(last).toDecimalPlaces(8, Decimal.ROUND_DOWN);
    }
    return ZERO;
  }
}

/** A starting balance: a decimal ≥ 0. */
function positiveOrZero(amount: DecimalInput): Decimal {
  const value = decimalOf(amount, 'amount');
  if (value.isNegative()) throw ExchangeError.invalid('amount', 'must_be_positive');
  return value;
}
