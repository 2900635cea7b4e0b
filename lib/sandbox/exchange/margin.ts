/**
 * Margin: trades (positions) and trading accounts. The engine calls {@link Margin.open} and
 * {@link Margin.reduce} for the fills of margin orders; this module keeps the positions and their
 * money straight.
 *
 * Accounting (where the reference is silent): a margin fill moves no base currency for the trader.
 * The house account takes the trader's place in the fill's spot flows (a long fill of q at p: the
 * house receives q base and pays q × p quote), the trader's funding balance reserves the margin
 * (q × p / leverage) and the trade borrows the rest (see lending). Reducing a trade releases its
 * margin proportionally, repays its loans with interest, and moves the realised pnl between the
 * house and the trader. So the grand total of every currency stays constant. The funding currency
 * must be the product's quote currency. Unrealised pnl marks to the last traded price.
 * Maintenance margin is 5 % of the margin used; liquidation is not simulated (`liquidationPrice`
 * null), so a loss beyond the margin can take a balance below its reserved amount.
 * @module
 */
import type { ProductConfig } from './config.js';
import type { Context } from './context.js';
import { Decimal, ZERO } from './decimal.js';
import { ExchangeError } from './errors.js';
import { HOUSE_USER_ID, type Ledger } from './ledger.js';
import type { Lending } from './lending.js';
import type { MarketData } from './market-data.js';
import type { OrderState } from './order-state.js';
import type {
  MarginType,
  PositionSummaryRecord,
  TradeRecord,
  TradeSide,
  TradeStatus,
  TradingAccountRecord,
  TradingType,
} from './records.js';

const MAINTENANCE_RATE = new Decimal('0.05');

export interface TradeState {
  readonly id: number;
  readonly userId: number;
  readonly product: ProductConfig;
  readonly fundingCurrency: string;
  readonly side: TradeSide;
  readonly leverageLevel: number;
  readonly marginType: MarginType;
  readonly tradingType: TradingType;
  readonly orderId: number;
  quantity: Decimal;
  openQuantity: Decimal;
  closeQuantity: Decimal;
  /** Volume-weighted open price, rounded half up to 8 decimals. */
  openPrice: Decimal;
  /** Σ quantity × price of the opening fills still open (kept for the VWAP). */
  openNotional: Decimal;
  closeNotional: Decimal;
  closePnl: Decimal;
  marginUsed: Decimal;
  stopLoss: Decimal | null;
  takeProfit: Decimal | null;
  closeFee: Decimal;
  totalFee: Decimal;
  status: TradeStatus;
  readonly createdAtMs: number;
  updatedAtMs: number;
}

export interface TradingAccountState {
  readonly id: number;
  readonly userId: number;
  readonly product: ProductConfig;
  readonly fundingCurrency: string;
  leverageLevel: number;
  readonly createdAtMs: number;
  updatedAtMs: number;
}

export class Margin {
  readonly #context: Context;
  readonly #ledger: Ledger;
  readonly #lending: Lending;
  readonly #market: MarketData;
  readonly #trades = new Map<number, TradeState>();
  readonly #accounts = new Map<number, TradingAccountState>();

  constructor(context: Context, ledger: Ledger, lending: Lending, market: MarketData) {
    this.#context = context;
    this.#ledger = ledger;
    this.#lending = lending;
    this.#market = market;
  }

  // ---- trading accounts ----

  /** The trading account of (user, product, funding currency), created on first use. */
  tradingAccountFor(userId: number, product: ProductConfig, fundingCurrency: string): TradingAccountState {
    for (const account of this.#accounts.values()) {
      if (account.userId === userId && account.product.id === product.id && account.fundingCurrency === fundingCurrency)
        return account;
    }
    const nowMs = this.#context.nowMs();
    const levels = this.#context.config.leverageLevels;
    const account: TradingAccountState = {
      id: this.#context.nextId('tradingAccount'),
      userId,
      product,
      fundingCurrency,
      leverageLevel: Math.max(...levels),
      createdAtMs: nowMs,
      updatedAtMs: nowMs,
    };
    this.#accounts.set(account.id, account);
    return account;
  }

  tradingAccountsOf(userId: number): TradingAccountState[] {
    return [...this.#accounts.values()].filter((account) => account.userId === userId);
  }

  tradingAccount(userId: number, id: number): TradingAccountState {
    const account = this.#accounts.get(id);
    if (account?.userId !== userId) throw ExchangeError.notFound('Trading account not found');
    return account;
  }

  setLeverage(account: TradingAccountState, level: number): void {
    if (!this.#context.config.leverageLevels.includes(level)) throw ExchangeError.invalid('leverage_level', 'invalid');
    account.leverageLevel = level;
    account.updatedAtMs = this.#context.nowMs();
    this.#context.dirtyTraders.add(account.userId);
  }

  // ---- trades ----

  trade(userId: number, tradeId: number): TradeState {
    const trade = this.#trades.get(tradeId);
    if (trade?.userId !== userId) throw ExchangeError.notFound('Trade not found');
    return trade;
  }

  tradeById(tradeId: number): TradeState | undefined {
    return this.#trades.get(tradeId);
  }

  tradesOf(userId: number): TradeState[] {
    return [...this.#trades.values()].filter((trade) => trade.userId === userId).reverse();
  }

  /** Open trades of the product, oldest first. */
  openTradesOfProduct(productId: number): TradeState[] {
    return [...this.#trades.values()].filter((trade) => trade.status === 'open' && trade.product.id === productId);
  }

  /** The user's open trades on (product, funding) of one side, oldest first. */
  openTrades(userId: number, productId: number, fundingCurrency: string, side: TradeSide): TradeState[] {
    return [...this.#trades.values()].filter(
      (trade) =>
        trade.status === 'open' &&
        trade.userId === userId &&
        trade.product.id === productId &&
        trade.fundingCurrency === fundingCurrency &&
        trade.side === side,
    );
  }

  /**
   * Opens the order's trade, or extends it with a later fill: reserves q × p / leverage of the
   * funding currency and borrows the rest of the notional.
   */
  open(order: OrderState, quantity: Decimal, price: Decimal, fee: Decimal): TradeState {
    const nowMs = this.#context.nowMs();
    const notional = quantity.times(price);
    const margin = notional.div(order.leverageLevel);
    let trade = order.openedTradeId === null ? undefined : this.#trades.get(order.openedTradeId);
    if (trade?.status !== 'open') {
      trade = {
        id: this.#context.nextId('trade'),
        userId: order.userId,
        product: order.product,
        fundingCurrency: order.fundingCurrency,
        side: order.side === 'buy' ? 'long' : 'short',
        leverageLevel: order.leverageLevel,
        marginType: order.marginType ?? 'cross',
        tradingType: order.tradingType,
        orderId: order.id,
        quantity: ZERO,
        openQuantity: ZERO,
        closeQuantity: ZERO,
        openPrice: ZERO,
        openNotional: ZERO,
        closeNotional: ZERO,
        closePnl: ZERO,
        marginUsed: ZERO,
        stopLoss: order.stopLoss,
        takeProfit: order.takeProfit,
        closeFee: ZERO,
        totalFee: ZERO,
        status: 'open',
        createdAtMs: nowMs,
        updatedAtMs: nowMs,
      };
      this.#trades.set(trade.id, trade);
      order.openedTradeId = trade.id;
    }
    trade.quantity = trade.quantity.plus(quantity);
    trade.openQuantity = trade.openQuantity.plus(quantity);
    trade.openNotional = trade.openNotional.plus(notional);
    trade.openPrice = trade.openNotional.div(trade.openQuantity).toDecimalPlaces(8, Decimal.ROUND_HALF_UP);
    trade.marginUsed = trade.marginUsed.plus(margin);
    trade.totalFee = trade.totalFee.plus(fee);
    trade.updatedAtMs = nowMs;
    this.#ledger.forceReserve(trade.userId, trade.fundingCurrency, margin);
    this.#lending.borrow(trade.userId, trade.id, trade.fundingCurrency, notional.minus(margin));
    this.#queueTrade(trade);
    return trade;
  }

  /** Closes `quantity` of the trade at `price`: margin released, loans repaid, pnl realised. */
  reduce(trade: TradeState, quantity: Decimal, price: Decimal, fee: Decimal): void {
    const before = trade.openQuantity;
    const pnl =
      trade.side === 'long'
        ? price.minus(trade.openPrice).times(quantity)
        : trade.openPrice.minus(price).times(quantity);
    const whole = quantity.greaterThanOrEqualTo(before);
    const marginReleased = whole
      ? trade.marginUsed
      : trade.marginUsed.times(quantity).div(before).toDecimalPlaces(8, Decimal.ROUND_DOWN);
    this.#ledger.release(trade.userId, trade.fundingCurrency, marginReleased);
    trade.marginUsed = trade.marginUsed.minus(marginReleased);
    this.#lending.repayTrade(trade.id, quantity, before);
    const source = { action: 'pnl', objectType: 'Trade', objectId: trade.id } as const;
    if (pnl.isNegative())
      this.#ledger.transfer(trade.userId, HOUSE_USER_ID, trade.fundingCurrency, pnl.negated(), source);
    else this.#ledger.transfer(HOUSE_USER_ID, trade.userId, trade.fundingCurrency, pnl, source);
    trade.openQuantity = whole ? ZERO : before.minus(quantity);
    trade.openNotional = whole ? ZERO : trade.openPrice.times(trade.openQuantity);
    trade.closeQuantity = trade.closeQuantity.plus(quantity);
    trade.closeNotional = trade.closeNotional.plus(quantity.times(price));
    trade.closePnl = trade.closePnl.plus(pnl);
    trade.closeFee = trade.closeFee.plus(fee);
    trade.totalFee = trade.totalFee.plus(fee);
    if (trade.openQuantity.isZero()) trade.status = 'closed';
    trade.updatedAtMs = this.#context.nowMs();
    this.#queueTrade(trade);
  }

  setStops(trade: TradeState, stopLoss: Decimal | null | undefined, takeProfit: Decimal | null | undefined): void {
    if (stopLoss !== undefined) trade.stopLoss = stopLoss;
    if (takeProfit !== undefined) trade.takeProfit = takeProfit;
    trade.updatedAtMs = this.#context.nowMs();
    this.#queueTrade(trade);
  }

  adjustMargin(trade: TradeState, amount: Decimal): void {
    if (trade.status !== 'open') throw ExchangeError.unprocessable('Can not adjust margin of a closed trade');
    if (amount.isPositive()) {
      this.#ledger.reserve(trade.userId, trade.fundingCurrency, amount);
    } else {
      const minimum = trade.openQuantity.times(trade.openPrice).div(trade.leverageLevel);
      if (trade.marginUsed.plus(amount).lessThan(minimum))
        throw ExchangeError.invalid('margin', 'less_than_required_margin');
      this.#ledger.release(trade.userId, trade.fundingCurrency, amount.negated());
    }
    trade.marginUsed = trade.marginUsed.plus(amount);
    trade.updatedAtMs = this.#context.nowMs();
    this.#queueTrade(trade);
  }

  /** True when the last price has crossed the trade's stop loss (`stop_loss`) or take profit (`take_profit`). */
  triggeredBy(trade: TradeState, last: Decimal): 'stop_loss' | 'take_profit' | null {
    const long = trade.side === 'long';
    if (
      trade.stopLoss !== null &&
      (long ? last.lessThanOrEqualTo(trade.stopLoss) : last.greaterThanOrEqualTo(trade.stopLoss))
    )
      return 'stop_loss';
    if (
      trade.takeProfit !== null &&
      (long ? last.greaterThanOrEqualTo(trade.takeProfit) : last.lessThanOrEqualTo(trade.takeProfit))
    )
      return 'take_profit';
    return null;
  }

  /** Unrealised pnl and margin of the user's open trades funded in `currency`. */
  exposure(userId: number, currency: string): { pnl: Decimal; margin: Decimal } {
    let pnl = ZERO;
    let margin = ZERO;
    for (const trade of this.#trades.values()) {
      if (trade.userId !== userId || trade.status !== 'open' || trade.fundingCurrency !== currency) continue;
      pnl = pnl.plus(this.#openPnl(trade));
      margin = margin.plus(trade.marginUsed);
    }
    return { pnl, margin };
  }

  tradeRecord(trade: TradeState): TradeRecord {
    const open = trade.status === 'open';
    const openPnl = open ? this.#openPnl(trade) : ZERO;
    const loans = this.#lending.loansOfTrade(trade.id);
    const averageClose = trade.closeQuantity.isZero()
      ? ZERO
      : trade.closeNotional.div(trade.closeQuantity).toDecimalPlaces(8, Decimal.ROUND_HALF_UP);
    return {
      id: trade.id,
      traderId: trade.userId,
      productId: trade.product.id,
      productCode: trade.product.code,
      currencyPairCode: trade.product.currencyPairCode,
      fundingCurrency: trade.fundingCurrency,
      status: trade.status,
      side: trade.side,
      leverageLevel: trade.leverageLevel,
      marginType: trade.marginType,
      tradingType: trade.tradingType,
      quantity: trade.quantity,
      openQuantity: trade.openQuantity,
      closeQuantity: trade.closeQuantity,
      openPrice: trade.openPrice,
      closePrice: open ? this.#mark(trade) : averageClose,
      marginUsed: trade.marginUsed,
      maintenanceMargin: trade.marginUsed.times(MAINTENANCE_RATE),
      openPnl,
      closePnl: trade.closePnl,
      pnl: openPnl.plus(trade.closePnl),
      stopLoss: trade.stopLoss,
      takeProfit: trade.takeProfit,
      liquidationPrice: null,
      closeFee: trade.closeFee,
      totalFee: trade.totalFee,
      totalInterest: loans.reduce((sum, loan) => sum.plus(this.#lending.totalInterest(loan)), ZERO),
      dailyInterest: loans.reduce((sum, loan) => sum.plus(this.#lending.dailyInterest(loan)), ZERO),
      orderId: trade.orderId,
      createdAt: trade.createdAtMs / 1000,
      updatedAt: trade.updatedAtMs / 1000,
      lastSettlementAt: null,
    };
  }

  tradingAccountRecord(account: TradingAccountState): TradingAccountRecord {
    const long = this.#summary(this.openTrades(account.userId, account.product.id, account.fundingCurrency, 'long'));
    const short = this.#summary(this.openTrades(account.userId, account.product.id, account.fundingCurrency, 'short'));
    const balance = this.#ledger.account(account.userId, account.fundingCurrency).balance;
    const pnl = long.pnl.plus(short.pnl);
    const margin = long.marginUsed.plus(short.marginUsed);
    const equity = balance.plus(pnl);
    const position = long.position.minus(short.position);
    const net = position.isNegative() ? short : long;
    const mark = this.#market.lastPrice(account.product) ?? ZERO;
    const exposure = long.position.plus(short.position).times(mark);
    const positiveEquity = equity.isPositive() && !equity.isZero();
    return {
      id: account.id,
      traderId: account.userId,
      productId: account.product.id,
      productCode: account.product.code,
      currencyPairCode: account.product.currencyPairCode,
      fundingCurrency: account.fundingCurrency,
      leverageLevel: account.leverageLevel,
      maxLeverageLevel: Math.max(...this.#context.config.leverageLevels),
      currentLeverageLevel: positiveEquity ? exposure.div(equity).floor().toNumber() : 0,
      pnl,
      equity,
      margin,
      freeMargin: equity.minus(margin),
      position,
      balance,
      marginPercent: positiveEquity ? margin.div(equity).toDecimalPlaces(8, Decimal.ROUND_HALF_UP) : ZERO,
      baseOpenPrice: position.isZero() ? ZERO : net.baseOpenPrice,
      longSummary: long,
      shortSummary: short,
      status: 'active',
      createdAt: account.createdAtMs / 1000,
      updatedAt: account.updatedAtMs / 1000,
    };
  }

  #summary(trades: TradeState[]): PositionSummaryRecord {
    let position = ZERO;
    let notional = ZERO;
    let pnl = ZERO;
    let marginUsed = ZERO;
    for (const trade of trades) {
      position = position.plus(trade.openQuantity);
      notional = notional.plus(trade.openQuantity.times(trade.openPrice));
      pnl = pnl.plus(this.#openPnl(trade));
      marginUsed = marginUsed.plus(trade.marginUsed);
    }
    const baseOpenPrice = position.isZero() ? ZERO : notional.div(position).toDecimalPlaces(8, Decimal.ROUND_HALF_UP);
    return { position, pnl, baseOpenPrice, marginUsed };
  }

  #mark(trade: TradeState): Decimal {
    return this.#market.lastPrice(trade.product) ?? trade.openPrice;
  }

  #openPnl(trade: TradeState): Decimal {
    const mark = this.#mark(trade);
    const difference = trade.side === 'long' ? mark.minus(trade.openPrice) : trade.openPrice.minus(mark);
    return difference.times(trade.openQuantity);
  }

  #queueTrade(trade: TradeState): void {
    this.#context.dirtyTraders.add(trade.userId);
    this.#context.queue('trade', () => this.tradeRecord(trade));
  }
}
