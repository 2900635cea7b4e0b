/**
 * Settlement of fills: one execution per match at the maker's price, and for each side the
 * release of its reservation, the balance moves, the fee to the fee account, and (margin orders)
 * the trade opened, extended or reduced. The rules are those listed in engine.ts.
 * @module
 */
import type { Context } from './context.js';
import { minDecimal, type Decimal } from './decimal.js';
import { FEE_USER_ID, HOUSE_USER_ID, type Ledger } from './ledger.js';
import type { Margin } from './margin.js';
import type { TradeState } from './margin-state.js';
import type { MarketData } from './market-data.js';
import type { OrderState } from './order-state.js';
import type { ExecutionRecord } from './records.js';
import { myExecutionRecord } from './records/market.js';

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
    const nowMs = this.#context.nowMs();
    const execution: ExecutionRecord = {
      id: this.#context.nextId('execution'),
      productId: taker.product.id,
      quantity,
      price,
      takerSide: taker.side,
      createdAt: nowMs / 1000,
      timestamp: nowMs / 1000,
    };
    const notional = quantity.times(price);
    this.#settle(taker, 'taker', execution, notional);
    this.#settle(maker, 'maker', execution, notional);
    const tapeRow = this.#market.record(execution);
    this.#market.recordMine(taker, tapeRow);
    this.#market.recordMine(maker, tapeRow);
    if (this.#context.listens('execution')) this.#context.queue('execution', copyExecution(execution));
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
