/**
 * Margin: trades (positions) and trading accounts. The engine calls {@link Margin.open} and
 * {@link Margin.reduce} for the fills of margin orders; this module keeps the positions and their
 * money straight. The state it keeps, and how that reads as records, is in margin-state.ts.
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
import {
  openPnl,
  tradeRecord,
  tradingAccountRecord,
  type TradeState,
  type TradingAccountState,
} from './margin-state.js';
import type { OrderState } from './order-state.js';
import type { TradeRecord, TradeSide, TradingAccountRecord } from './records.js';

export class Margin {
  readonly #context: Context;
  readonly #ledger: Ledger;
  readonly #lending: Lending;
  readonly #market: MarketData;
  readonly #trades = new Map<number, TradeState>();
  /** The open trades, oldest first (trades never reopen): the triggers and netting read these, not every trade ever. */
  readonly #open = new Set<TradeState>();
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
    if (this.#open.size === 0) return [];
    return [...this.#open].filter((trade) => trade.product.id === productId);
  }

  /** The user's open trades on (product, funding) of one side, oldest first. */
  openTrades(userId: number, productId: number, fundingCurrency: string, side: TradeSide): TradeState[] {
    return [...this.#open].filter(
      (trade) =>
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
      this.#open.add(trade);
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
    if (trade.openQuantity.isZero()) {
      trade.status = 'closed';
      this.#open.delete(trade);
    }
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
    for (const trade of this.#open) {
      if (trade.userId !== userId || trade.fundingCurrency !== currency) continue;
      pnl = pnl.plus(openPnl(trade, this.#market));
      margin = margin.plus(trade.marginUsed);
    }
    return { pnl, margin };
  }

  tradeRecord(trade: TradeState): TradeRecord {
    return tradeRecord(trade, this.#market, this.#lending);
  }

  tradingAccountRecord(account: TradingAccountState): TradingAccountRecord {
    const { userId, product, fundingCurrency } = account;
    return tradingAccountRecord(
      account,
      {
        long: this.openTrades(userId, product.id, fundingCurrency, 'long'),
        short: this.openTrades(userId, product.id, fundingCurrency, 'short'),
        balance: this.#ledger.account(userId, fundingCurrency).balance,
        maxLeverageLevel: Math.max(...this.#context.config.leverageLevels),
      },
      this.#market,
    );
  }

  #queueTrade(trade: TradeState): void {
    this.#context.dirtyTraders.add(trade.userId);
    if (this.#context.listens('trade')) this.#context.queue('trade', this.tradeRecord(trade));
  }
}
