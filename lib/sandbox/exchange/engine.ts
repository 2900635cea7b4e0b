/**
 * The matching engine: orders, books, price-time priority matching, settlement of fills (spot and
 * margin), stop / trailing-stop and stop-loss / take-profit triggers.
 *
 * Rules where the reference is silent:
 * - Executions happen at the maker's (resting order's) price. Fees are charged in the quote
 *   currency: the taker pays `takerFee`, the maker `makerFee`, each × quantity × price, exactly
 *   (no rounding); the buyer pays price + fee, the seller receives price − fee.
 * - Reservations: a limit buy reserves quantity × price × (1 + max(takerFee, makerFee)) of the quote;
 *   a sell reserves the base quantity; a market (or market_with_range) buy reserves the cost of
 *   sweeping the book for its quantity plus the taker fee and is refused with
 *   `user: not_enough_free_balance` when that exceeds the free balance; a margin order reserves
 *   price / leverage + fee per unit (its sweep for market orders). A stop buy reserves at its trigger
 *   price; on trigger the reservation is redone against the book.
 * - Market and market_with_range orders never rest: the unfilled rest is cancelled (status
 *   `cancelled` when anything is left unfilled, `filled` otherwise).
 * - limit_post_only that would match on arrival (or after a crossing edit) is cancelled, not refused.
 * - A user's orders may match each other (no self-trade prevention).
 * - Stop orders trigger when the last traded price reaches their price (buy: ≥, sell: ≤); trailing
 *   stops trail the best last price since placement by a distance in price or in percent
 *   (`trailingStopValue` 5 with type `percentage` = 5 %). Triggered, they run as market orders.
 * - Margin orders: `netout` and `one_direction` reduce the user's opposite open trades on the same
 *   product first (oldest first), the rest opens one trade per order, extended by its later fills;
 *   `two_direction` always opens. Stop loss / take profit close a trade with a market order when
 *   the last traded price crosses them.
 *
 * Money: a spot order whose amounts fit its product's scales is matched, reserved and settled in
 * exact scaled integers (units.ts, order-units.ts: the integer path); margin and close orders, and
 * states with more places than the scales, take the Decimal path. Both give the same records.
 *
 * One job, the order life cycle (place, edit, cancel, trigger, match, settle), over 500 lines
 * because its steps share the order state and the book (the match loop has a round for each
 * path); what stands alone lives beside it: the order registry (order-registry.ts), reservation
 * pricing (reservations.ts), the held stops (held-stops.ts), validation (order-validation.ts) and
 * settlement of fills (settlement.ts).
 * @module
 */
import type { ProductConfig } from './config.js';
import type { Context } from './context.js';
import { Decimal, ZERO, maxDecimal, minDecimal } from './decimal.js';
import { ErrorText, ExchangeError } from './errors.js';
import type { CancelAllFilter, CreateOrderParams, EditOrderParams } from './inputs.js';
import type { Ledger } from './ledger.js';
import type { Lending } from './lending.js';
import type { Margin } from './margin.js';
import type { TradeState } from './margin-state.js';
import type { MarketData } from './market-data.js';
import { HeldStops } from './held-stops.js';
import { OrderBook } from './order-book.js';
import { OrderRegistry } from './order-registry.js';
import { priceCrosses, sweep, unitReserve, unitReserveUnits } from './reservations.js';
import { Settlement } from './settlement.js';
import { OrderState, isLive, orderRecord, remaining, triggerPrice, type OrderSummary } from './order-state.js';
import { isFilledUp, isPartlyFilled, isUnfilled, remainingUnits, settlesInUnits } from './order-units.js';
import { checkBand, checkQuantity, checkTick, validateOrder, type ValidOrder } from './order-validation.js';
import { optionalDecimal, positive } from './parse.js';
import type { OrderRecord, Side } from './records.js';
import { integerPath } from './units.js';

/** Upper bound of trigger rounds in one mutation (each round consumes a stop order or a trade). */
const MAX_TRIGGER_ROUNDS = 100_000;

/** The trades whose close could not fill, not retried in the mutation (the set made on the first). */
interface FailedCloses {
  ids: Set<number> | undefined;
}

export class Engine {
  readonly #context: Context;
  readonly #ledger: Ledger;
  readonly #market: MarketData;
  readonly #margin: Margin;
  readonly #lending: Lending;
  readonly #settlement: Settlement;
  readonly #books = new Map<number, OrderBook>();
  readonly #registry: OrderRegistry;
  /** Orders finished in the mutation in progress (moved into compact storage once it is over). */
  #finishedNow: OrderState[] = [];
  /** Stop and trailing-stop orders waiting for their trigger, per product, oldest first. */
  readonly #held = new HeldStops();

  constructor(context: Context, ledger: Ledger, market: MarketData, margin: Margin, lending: Lending) {
    this.#context = context;
    this.#ledger = ledger;
    this.#market = market;
    this.#margin = margin;
    this.#lending = lending;
    this.#settlement = new Settlement(context, ledger, market, margin);
    this.#registry = new OrderRegistry((productId) => context.config.products.get(productId) as ProductConfig);
  }

  book(productId: number): OrderBook {
    let book = this.#books.get(productId);
    if (book === undefined) {
      book = new OrderBook();
      this.#books.set(productId, book);
    }
    return book;
  }

  // ---- queries ----

  order(userId: number, orderId: number): OrderState {
    return this.#registry.order(userId, orderId);
  }

  orderByClientId(userId: number, clientOrderId: string): OrderState {
    return this.#registry.orderByClientId(userId, clientOrderId);
  }

  isRecentClientOrderId(userId: number, clientOrderId: string): boolean {
    return this.#registry.isRecentClientOrderId(userId, clientOrderId);
  }

  /** How many orders the user has. */
  orderCount(userId: number): number {
    return this.#registry.countOf(userId);
  }

  /** What the order filters read of the user's order number `index`, newest first (no money built). */
  orderSummaryNewestFirst(userId: number, index: number): OrderSummary {
    return this.#registry.summaryAt(userId, this.#registry.countOf(userId) - 1 - index);
  }

  /** The user's live orders, oldest first. */
  liveOrdersOf(userId: number): OrderState[] {
    return this.#registry.objectsOf(userId).filter(isLive);
  }

  /** Moves the orders finished by the mutation just over into compact storage (see order-registry.ts). */
  retireFinished(): void {
    const finished = this.#finishedNow;
    this.#finishedNow = [];
    for (const order of finished) this.#registry.retire(order);
  }

  record(order: OrderState): OrderRecord {
    return orderRecord(order, order.openedTradeId ?? order.closeTradeId, this.#market.fills.recordsOf(order));
  }

  // ---- create ----

  create(userId: number, params: CreateOrderParams): OrderState {
    const valid = validateOrder(params, this.#context.config, (product) => this.#market.lastPrice(product));
    if (valid.clientOrderId !== null && this.isRecentClientOrderId(userId, valid.clientOrderId)) {
      throw ExchangeError.invalid('client_order_id', 'has_already_been_taken');
    }
    const order = this.#newOrder(userId, valid, 'manual', null);
    const held = valid.orderType === 'stop' || valid.orderType === 'trailing_stop';
    this.#checkLending(order);
    this.#reserveForPlacement(order, held);
    this.#register(order);
    if (order.tradingType !== 'spot') this.#margin.tradingAccountFor(userId, order.product, order.fundingCurrency);
    if (held) this.#hold(order);
    else this.#run(order);
    this.#queueOrder(order);
    return order;
  }

  /** A market order closing `quantity` of the trade (close API, stop loss, take profit). */
  closeTrade(trade: TradeState, quantity: Decimal, sourceAction: string): OrderState {
    const side: Side = trade.side === 'long' ? 'sell' : 'buy';
    const book = this.book(trade.product.id);
    if (book.best(side === 'buy' ? 'sell' : 'buy') === undefined)
      throw ExchangeError.invalid('trade', 'not_enough_liquidity');
    const valid: ValidOrder = {
      product: trade.product,
      side,
      orderType: 'market',
      quantity: minDecimal(quantity, trade.openQuantity),
      price: ZERO,
      priceRange: null,
      clientOrderId: null,
      tradingType: trade.tradingType,
      leverageLevel: trade.leverageLevel,
      fundingCurrency: trade.fundingCurrency,
      orderDirection: null,
      marginType: trade.marginType,
      takeProfit: null,
      stopLoss: null,
      trailingStopType: null,
      trailingStopValue: null,
    };
    const order = this.#newOrder(trade.userId, valid, sourceAction, trade.id);
    this.#register(order);
    this.#run(order);
    this.#queueOrder(order);
    return order;
  }

  // ---- edit and cancel ----

  edit(order: OrderState, params: EditOrderParams): OrderState {
    if (!isLive(order)) throw ExchangeError.unprocessable(ErrorText.nonLiveOrder);
    if (!order.filled.isZero()) throw ExchangeError.invalid('order', ErrorText.partiallyFilled);
    const quantity = optionalDecimal(params.quantity, 'quantity');
    const priceGiven = optionalDecimal(params.price, 'price');
    if (quantity === undefined && priceGiven === undefined) throw ExchangeError.badRequest(ErrorText.missingParameters);
    if (quantity !== undefined) checkQuantity(quantity, order.product);
    const price = priceGiven === undefined ? undefined : checkTick(positive(priceGiven, 'price'), order.product);
    if (price !== undefined && (order.orderType === 'limit' || order.orderType === 'limit_post_only')) {
      checkBand(price, order.product, this.#context.config, this.#market.lastPrice(order.product));
    }
    const newQuantity = quantity ?? order.quantity;
    const newPrice = price ?? order.price;
    const losesPriority = !newPrice.equals(order.price) || newQuantity.greaterThan(order.quantity);

    // Redo the reservation for the new terms; on refusal the old one stands.
    const oldReserved = order.reserved;
    this.#ledger.release(order.userId, order.reserveCurrency, oldReserved);
    const unit = unitReserve(order, order.held && order.orderType === 'trailing_stop' ? triggerPrice(order) : newPrice);
    try {
      this.#ledger.reserve(order.userId, order.reserveCurrency, newQuantity.times(unit));
    } catch (error) {
      this.#ledger.forceReserve(order.userId, order.reserveCurrency, oldReserved);
      throw error;
    }
    order.reserved = newQuantity.times(unit);
    order.unitReserve = unit;
    order.reserveMode = 'unit';

    const book = this.book(order.product.id);
    const wasOnBook = order.onBook;
    if (wasOnBook && losesPriority) book.remove(order);
    order.quantity = newQuantity;
    order.price = newPrice;
    order.updatedAtMs = this.#context.nowMs();
    if (wasOnBook) {
      if (losesPriority) {
        if (order.orderType === 'limit_post_only' && this.#crosses(order, order.price))
          this.#finish(order, 'cancelled');
        else this.#run(order);
      }
      this.#market.touch(order.product.id);
    }
    this.#queueOrder(order);
    return order;
  }

  /** Cancels a live order; a non-live one answers per the `nonLiveCancel` option. */
  cancel(order: OrderState): OrderState {
    if (!isLive(order)) {
      if (this.#context.config.nonLiveCancel === 'not-found') throw ExchangeError.notFound(ErrorText.orderNotFound);
      return order;
    }
    this.#cancelLive(order);
    return order;
  }

  cancelAll(userId: number, filter: CancelAllFilter): OrderState[] {
    const cancelled: OrderState[] = [];
    for (const order of this.#registry.objectsOf(userId)) {
      if (!isLive(order)) continue;
      if (filter.productId !== undefined && order.product.id !== filter.productId) continue;
      if (filter.side !== undefined && order.side !== filter.side) continue;
      if (filter.tradingType !== undefined && order.tradingType !== filter.tradingType) continue;
      this.#cancelLive(order);
      cancelled.push(order);
    }
    return cancelled;
  }

  // ---- triggers ----

  /**
   * Runs the triggers of every product whose last price moved: stop and trailing-stop orders, then
   * stop loss / take profit of trades, until nothing more triggers.
   */
  runTriggers(): void {
    if (this.#context.movedProducts.size === 0) return;
    // Made on the first failed close (most runs close nothing: a fill moves the price every time).
    const failedCloses: FailedCloses = { ids: undefined };
    for (let round = 0; round < MAX_TRIGGER_ROUNDS; round += 1) {
      const productId = this.#context.movedProducts.values().next().value;
      if (productId === undefined) return;
      if (!this.#triggerOne(productId, failedCloses)) this.#context.movedProducts.delete(productId);
    }
  }

  /** Triggers one stop order or trade of the product; false when nothing triggered. */
  #triggerOne(productId: number, failedCloses: FailedCloses): boolean {
    const product = this.#context.config.products.get(productId);
    if (product === undefined) return false;
    const last = this.#market.lastPrice(product);
    if (last === null) return false;
    const triggered = this.#held.nextTriggered(productId, last);
    if (triggered !== undefined) {
      this.#fire(triggered);
      return true;
    }
    for (const trade of this.#margin.openTradesOfProduct(productId)) {
      if (failedCloses.ids?.has(trade.id) === true) continue;
      const reason = this.#margin.triggeredBy(trade, last);
      if (reason === null) continue;
      try {
        this.closeTrade(trade, trade.openQuantity, reason);
      } catch (error) {
        if (!(error instanceof ExchangeError)) throw error;
      }
      // Whatever the book could not fill stays open; do not retry it in this mutation.
      (failedCloses.ids ??= new Set()).add(trade.id);
      return true;
    }
    return false;
  }

  /** A stop order's trigger: it leaves the held list and runs as a market order. */
  #fire(order: OrderState): void {
    this.#held.release(order);
    order.stopTriggeredAtMs = this.#context.nowMs();
    order.updatedAtMs = order.stopTriggeredAtMs;
    this.#ledger.release(order.userId, order.reserveCurrency, order.reserved);
    order.reserved = ZERO;
    try {
      this.#reserveForPlacement(order, false);
    } catch (error) {
      if (!(error instanceof ExchangeError)) throw error;
      this.#finish(order, 'cancelled');
      this.#queueOrder(order);
      return;
    }
    this.#run(order);
    this.#queueOrder(order);
  }

  // ---- internals: placement ----

  #newOrder(userId: number, valid: ValidOrder, sourceAction: string, closeTradeId: number | null): OrderState {
    const trailAnchor = valid.orderType === 'trailing_stop' ? this.#market.lastPrice(valid.product) : null;
    return new OrderState(userId, valid, this.#context.nowMs(), sourceAction, closeTradeId, trailAnchor);
  }

  /** Gives the order its id and files it under its user and client order id. */
  #register(order: OrderState): void {
    (order as { id: number }).id = this.#context.nextId('order');
    this.#registry.add(order);
  }

  /** Reserves what the order may spend, or refuses with `user: not_enough_free_balance`. */
  #reserveForPlacement(order: OrderState, held: boolean): void {
    if (order.closeTradeId !== null) return;
    const limitOrder = order.orderType === 'limit' || order.orderType === 'limit_post_only';
    const spotSell = order.tradingType === 'spot' && order.side === 'sell';
    let amount: Decimal;
    if (limitOrder || held || spotSell) {
      order.reserveMode = 'unit';
      if (!held && this.#reserveInUnits(order)) return;
      const price = held ? triggerPrice(order) : order.price;
      order.unitReserve = unitReserve(order, price);
      amount = order.quantity.times(order.unitReserve);
    } else {
      const swept = sweep(order, this.book(order.product.id), this.#marketLimit(order));
      order.reserveMode = 'actual';
      const fee = swept.notional.times(order.product.takerFee);
      amount = (order.tradingType === 'spot' ? swept.notional : swept.notional.div(order.leverageLevel)).plus(
        maxDecimal(fee, ZERO),
      );
    }
    this.#ledger.reserve(order.userId, order.reserveCurrency, amount);
    order.reserved = amount;
  }

  /** The reservation at the order's own price on the integer path ({@link unitReserveUnits}); false when it does not apply. */
  #reserveInUnits(order: OrderState): boolean {
    const unit = unitReserveUnits(order);
    if (unit === null) return false;
    const amount = (order.quantityUnits as bigint) * unit;
    this.#ledger.reserveUnits(order.userId, order.reserveCurrency, amount, order.product.scales.reserve);
    order.setReservedUnits(unit, amount);
    return true;
  }

  /** Without house lending, a margin order needs enough live loan bids for what it will borrow. */
  #checkLending(order: OrderState): void {
    if (order.tradingType === 'spot' || this.#context.config.houseLending || order.closeTradeId !== null) return;
    const price = order.price.isZero() ? (this.#market.lastPrice(order.product) ?? ZERO) : order.price;
    const notional = order.quantity.times(price);
    const need = notional.minus(notional.div(order.leverageLevel));
    if (this.#lending.liquidity(order.fundingCurrency, order.userId).lessThan(need)) {
      throw ExchangeError.invalid('user', ErrorText.notEnoughFreeBalance);
    }
  }

  /** The price limit of a market-type order: none (market), or market_with_range's limit. */
  #marketLimit(order: OrderState): Decimal | null {
    if (order.orderType !== 'market_with_range') return null;
    if (order.priceRange === null) return order.price;
    const opposite = this.book(order.product.id).bestPrice(order.side === 'buy' ? 'sell' : 'buy');
    if (opposite === null) return null;
    return order.side === 'buy' ? opposite.plus(order.priceRange) : opposite.minus(order.priceRange);
  }

  #hold(order: OrderState): void {
    this.#held.hold(order);
    // A stop whose trigger is already reached fires at the end of this mutation.
    this.#context.movedProducts.add(order.product.id);
  }

  /** Matches a new (or re-priced, or triggered) order and rests or cancels the rest. */
  #run(order: OrderState): void {
    const triggeredStop = order.orderType === 'stop' || order.orderType === 'trailing_stop';
    if (order.orderType === 'limit_post_only') {
      if (this.#crosses(order, order.price)) {
        this.#finish(order, 'cancelled');
        return;
      }
      this.#rest(order);
      return;
    }
    if (order.orderType === 'limit') {
      this.#match(order, order.price);
      if (isFilledUp(order)) this.#finish(order, 'filled');
      else this.#rest(order);
      return;
    }
    const limit = triggeredStop ? null : this.#marketLimit(order);
    if (order.orderType === 'market_with_range' && limit === null && order.priceRange !== null) {
      this.#finish(order, 'cancelled');
      return;
    }
    this.#match(order, limit);
    this.#finish(order, isFilledUp(order) ? 'filled' : 'cancelled');
  }

  #rest(order: OrderState): void {
    this.book(order.product.id).add(order);
    order.status = isUnfilled(order) ? 'live' : 'partially_filled';
    this.#market.touch(order.product.id);
  }

  #cancelLive(order: OrderState): void {
    if (order.onBook) {
      this.book(order.product.id).remove(order);
      this.#market.touch(order.product.id);
    }
    if (order.held) this.#held.release(order);
    this.#finish(order, 'cancelled');
    order.updatedAtMs = this.#context.nowMs();
    this.#queueOrder(order);
  }

  /** Ends an order: releases what it still reserves; it moves into compact storage after the mutation. */
  #finish(order: OrderState, status: 'filled' | 'cancelled'): void {
    if (order.reservedUnits === null || !integerPath.enabled)
      this.#ledger.release(order.userId, order.reserveCurrency, order.reserved);
    else
      this.#ledger.releaseUnits(order.userId, order.reserveCurrency, order.reservedUnits, order.product.scales.reserve);
    order.reserved = ZERO;
    order.status = status;
    this.#finishedNow.push(order);
  }

  // ---- internals: matching and settlement ----

  /** True when a limit at `price` would match the opposite best price. */
  #crosses(order: OrderState, price: Decimal): boolean {
    const best = this.book(order.product.id).bestPrice(order.side === 'buy' ? 'sell' : 'buy');
    return best !== null && priceCrosses(order.side, best, price);
  }

  /**
   * Matches the taker against the opposite side, best first. Terminates by construction, whatever
   * the stored quantities: each round fills `min(taker rest, maker rest)`, so either the maker is
   * used up and leaves the book, or the taker is used up and the loop ends. Which one is decided by
   * that comparison, never by re-reading a remainder after the arithmetic (a remainder beyond the
   * exchange's 100 significant digits does not shrink when a tiny fill is added, which once made
   * this loop spin forever). At most one round per resting order, plus one.
   */
  #match(taker: OrderState, limit: Decimal | null): void {
    const book = this.book(taker.product.id);
    const opposite: Side = taker.side === 'buy' ? 'sell' : 'buy';
    // The Decimal rounds carry the taker's rest from one to the next; null: read it from the order.
    let takerRest: Decimal | null = null;
    for (;;) {
      const inUnits = settlesInUnits(taker);
      if (inUnits) {
        if (remainingUnits(taker) <= 0n) break;
      } else {
        takerRest ??= remaining(taker);
        if (!takerRest.isPositive() || takerRest.isZero()) break;
      }
      const level = book.best(opposite);
      if (level === undefined || (limit !== null && !priceCrosses(taker.side, level.price, limit))) break;
      const maker = level.orders[0];
      if (maker === undefined) break;
      let makerUsedUp: boolean;
      if (inUnits && settlesInUnits(maker)) {
        // The integer round: the same decision in exact units (a maker with nothing left leaves unfilled).
        const rest = remainingUnits(taker);
        const makerRest = remainingUnits(maker);
        makerUsedUp = makerRest <= rest;
        if (makerRest > 0n) this.#settlement.executeUnits(taker, maker, makerUsedUp ? makerRest : rest);
        takerRest = null;
      } else {
        const rest: Decimal = takerRest ?? remaining(taker);
        const makerRest = remaining(maker);
        makerUsedUp = !makerRest.greaterThan(rest);
        // A maker with nothing left (only a corrupt state can hold one) leaves the book unfilled.
        if (makerRest.isPositive() && !makerRest.isZero())
          this.#settlement.execute(taker, maker, makerUsedUp ? makerRest : rest, level.price);
        takerRest = makerUsedUp ? rest.minus(maxDecimal(makerRest, ZERO)) : ZERO;
      }
      if (makerUsedUp) {
        book.remove(maker);
        this.#finish(maker, 'filled');
      } else maker.status = 'partially_filled';
      this.#queueOrder(maker);
      // Not used up, the maker took the taker's whole rest: at most one round per resting order, plus one.
      if (!makerUsedUp) break;
    }
    if (isPartlyFilled(taker)) taker.status = 'partially_filled';
  }

  #queueOrder(order: OrderState): void {
    if (this.#context.listens('order')) this.#context.queue('order', this.record(order));
  }
}
