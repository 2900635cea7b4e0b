/**
 * Settlement of fills: one execution per match at the maker's price, and for each side the
 * release of its reservation, the balance moves, the fee to the fee account, and (margin orders)
 * the trade opened, extended or reduced. The rules are those listed in engine.ts.
 * @module
 */
import type { Context } from './context.js';
import { minDecimal, type Decimal } from './decimal.js';
import { FEE_USER_ID, HOUSE_USER_ID, type Ledger, type Source } from './ledger.js';
import type { Margin } from './margin.js';
import type { TradeState } from './margin-state.js';
import type { MarketData } from './market-data.js';
import type { OrderState } from './order-state.js';
import type { ExecutionRecord } from './records.js';
import { myExecutionRecord } from './records/market.js';
import { decimalOfUnits, pow10 } from './units.js';

type Role = 'taker' | 'maker';

export class Settlement {
  readonly #context: Context;
  readonly #ledger: Ledger;
  readonly #market: MarketData;
  readonly #margin: Margin;

  constructor(context: Context, ledger: Ledger, market: MarketData, margin: Margin) {
    this.#context = context;
    this.#ledger = ledger;
    this.#market = market;
    this.#margin = margin;
  }

  /** Settles a match of `quantity` at the maker's `price` between a taker and a resting maker. */
  execute(taker: OrderState, maker: OrderState, quantity: Decimal, price: Decimal): void {
    const execution = this.#execution(taker, quantity, price);
    const notional = quantity.times(price);
    this.#settle(taker, 'taker', execution, notional);
    this.#settle(maker, 'maker', execution, notional);
    this.#publish(execution, taker, maker);
  }

  /**
   * {@link execute} on the integer path: both orders {@link settlesInUnits}, `quantity` in units of
   * the product's quantity scale, at the maker's price. Same records, balances and history as the
   * Decimal path, in exact integer arithmetic.
   */
  executeUnits(taker: OrderState, maker: OrderState, quantity: bigint): void {
    const product = taker.product;
    const execution = this.#execution(taker, quantityDecimal(quantity, taker, maker), maker.price);
    const notional = quantity * (maker.priceUnits as bigint);
    const trade: Source = { action: 'trade', objectType: 'Execution', objectId: execution.id };
    const fee: Source = { action: 'fee', objectType: 'Execution', objectId: execution.id };
    this.#settleUnits(taker, product.scales.takerFee, execution, quantity, notional, trade, fee);
    this.#settleUnits(maker, product.scales.makerFee, execution, quantity, notional, trade, fee);
    this.#publish(execution, taker, maker);
  }

  /** The execution of a match, with its id and the mutation's time. */
  #execution(taker: OrderState, quantity: Decimal, price: Decimal): ExecutionRecord {
    const nowMs = this.#context.nowMs();
    return {
      id: this.#context.nextId('execution'),
      productId: taker.product.id,
      quantity,
      price,
      takerSide: taker.side,
      createdAt: nowMs / 1000,
      timestamp: nowMs / 1000,
    };
  }

  /** A settled execution goes on its product's tape and into both orders' fills, and out to listeners. */
  #publish(execution: ExecutionRecord, taker: OrderState, maker: OrderState): void {
    const tapeRow = this.#market.record(execution);
    this.#market.recordMine(taker, tapeRow);
    this.#market.recordMine(maker, tapeRow);
    if (this.#context.listens('execution')) this.#context.queue('execution', copyExecution(execution));
  }

  /** One side of a fill on the integer path (`rate` in units of the fee scale); as {@link #settle}. */
  #settleUnits(
    order: OrderState,
    rate: bigint,
    execution: ExecutionRecord,
    quantity: bigint,
    notional: bigint,
    trade: Source,
    feeSource: Source,
  ): void {
    const product = order.product;
    const scales = product.scales;
    const scale = scales.reserve;
    const fee = notional * rate;
    const cost =
      order.reserveMode === 'unit' ? quantity * (order.unitReserveUnits as bigint) : notional * pow10(scales.fee) + fee;
    const reserved = order.reservedUnits as bigint;
    const release = reserved < cost ? reserved : cost;
    // Each account looked up once (a spot order reserves its base or its quote currency).
    const ledger = this.#ledger;
    const base = ledger.account(order.userId, product.base);
    const quote = ledger.account(order.userId, product.quote);
    ledger.releaseAccountUnits(order.reserveCurrency === product.base ? base : quote, release, scale);
    const buy = order.side === 'buy';
    ledger.changeAccountUnits(base, buy ? quantity : -quantity, scales.quantity, trade);
    ledger.changeAccountUnits(quote, buy ? -notional : notional, scales.notional, trade);
    if (fee !== 0n)
      ledger.transferAccountUnits(quote, ledger.account(FEE_USER_ID, product.quote), fee, scale, feeSource);
    order.addFillUnits(quantity, notional, fee, release);
    this.#filled(order, execution);
  }

  /** One side of a fill (`notional` = quantity × price): the order's reservation, balances, fee, trade, and its own execution. */
  #settle(order: OrderState, role: Role, execution: ExecutionRecord, notional: Decimal): void {
    const { quantity, price } = execution;
    const product = order.product;
    const rate = role === 'taker' ? product.takerFee : product.makerFee;
    const fee = rate.isZero() ? rate : notional.times(rate);
    const release = minDecimal(
      order.reserved,
      order.reserveMode === 'unit' ? quantity.times(order.unitReserve) : fillCost(order, notional, fee),
    );
    this.#ledger.release(order.userId, order.reserveCurrency, release);
    order.reserved = order.reserved.minus(release);

    const trade = { action: 'trade', objectType: 'Execution', objectId: execution.id } as const;
    const feeSource = { action: 'fee', objectType: 'Execution', objectId: execution.id } as const;
    const buy = order.side === 'buy';
    const holder = order.tradingType === 'spot' ? order.userId : HOUSE_USER_ID;
    this.#ledger.change(holder, product.base, buy ? quantity : quantity.negated(), trade);
    this.#ledger.change(holder, product.quote, buy ? notional.negated() : notional, trade);
    this.#ledger.transfer(order.userId, FEE_USER_ID, product.quote, fee, feeSource);
    if (order.tradingType !== 'spot') this.#settleMargin(order, quantity, price, role);

    order.filled = order.filled.plus(quantity);
    order.filledNotional = order.filledNotional.plus(notional);
    if (!fee.isZero()) order.fee = order.fee.plus(fee);
    this.#filled(order, execution);
  }

  /** One side's fill is settled: the order's time moves, and its own execution goes out to listeners. */
  #filled(order: OrderState, execution: ExecutionRecord): void {
    order.updatedAtMs = this.#context.nowMs();
    if (this.#context.listens('myExecution'))
      this.#context.queue(
        'myExecution',
        myExecutionRecord(execution, order.side, order.id, order.clientOrderId, order.userId),
      );
  }

  /** A margin fill: reduce the trade being closed or the opposite trades (netout), open with the rest. */
  #settleMargin(order: OrderState, quantity: Decimal, price: Decimal, role: Role): void {
    const rate = role === 'taker' ? order.product.takerFee : order.product.makerFee;
    const feeOf = (part: Decimal): Decimal => part.times(price).times(rate);
    let rest = quantity;
    const targets: TradeState[] = [];
    if (order.closeTradeId !== null) {
      const trade = this.#margin.tradeById(order.closeTradeId);
      if (trade?.status === 'open') targets.push(trade);
    } else if (order.orderDirection !== 'two_direction') {
      const opposite = order.side === 'buy' ? 'short' : 'long';
      targets.push(...this.#margin.openTrades(order.userId, order.product.id, order.fundingCurrency, opposite));
    }
    for (const trade of targets) {
      if (rest.isZero()) break;
      const part = minDecimal(rest, trade.openQuantity);
      this.#margin.reduce(trade, part, price, feeOf(part));
      rest = rest.minus(part);
    }
    // A close order never opens a position; other margin orders open (or extend) with the rest.
    if (rest.isPositive() && !rest.isZero() && order.closeTradeId === null)
      this.#margin.open(order, rest, price, feeOf(rest));
  }
}

/** The Decimal of a fill's quantity: an order's own quantity when the fill is all of it (no Decimal made). */
function quantityDecimal(quantity: bigint, taker: OrderState, maker: OrderState): Decimal {
  if (quantity === maker.quantityUnits) return maker.quantity;
  if (quantity === taker.quantityUnits) return taker.quantity;
  return decimalOfUnits(quantity, taker.product.scales.quantity);
}

/** What a fill costs the order's side: notional (spot) or margin (notional / leverage), plus the fee. */
function fillCost(order: OrderState, notional: Decimal, fee: Decimal): Decimal {
  return order.tradingType === 'spot' ? notional.plus(fee) : notional.div(order.leverageLevel).plus(fee);
}

/**
 * Copies of execution records are written out field by field: an object spread plus added keys
 * gives every copy its own hidden class (a V8 map and descriptor array per fill, retained for life).
 */
function copyExecution(execution: ExecutionRecord): ExecutionRecord {
  return {
    id: execution.id,
    productId: execution.productId,
    quantity: execution.quantity,
    price: execution.price,
    takerSide: execution.takerSide,
    createdAt: execution.createdAt,
    timestamp: execution.timestamp,
  };
}
