/**
 * Market data: products, order books and executions.
 * (Conventions of every record: see records.ts.)
 * @module
 */
import type { Decimal } from '../decimal.js';

/**
 * Side of an order or execution (an execution's is its taker's).
 * @group Exchange records
 */
export type Side = 'buy' | 'sell';

/**
 * `[price, quantity]` of an order-book level, or `[rate, amount]` of an interest-rate ladder level.
 * @group Exchange records
 */
export type LevelRecord = readonly [Decimal, Decimal];

/**
 * `GET /products/{id}`: the catalogue's static fields plus the statistics that move with trades.
 * @group Exchange records
 */
export interface ProductRecord {
  /** Product id. */
  readonly id: number;
  /** `CurrencyPair` or `Perpetual` (from the catalogue). */
  readonly productType: string;
  /** Product code; `CASH` unless the catalogue says otherwise. */
  readonly code: string;
  /** Display name from the catalogue, or null. */
  readonly name: string | null;
  /** The quote currency (same as `quotedCurrency`). */
  readonly currency: string;
  /** Pair code, e.g. `BTCUSD`. */
  readonly currencyPairCode: string;
  /** Symbol from the catalogue (the quote currency's, e.g. `$`), or null. */
  readonly symbol: string | null;
  /** The currency bought and sold. */
  readonly baseCurrency: string;
  /** The currency prices, fees and notionals are in. */
  readonly quotedCurrency: string;
  /** Realtime channel name; default `product_cash_<pair in lower case>_<id>`. */
  readonly pusherChannel: string;
  /** Price step (reported; orders off the tick are accepted). */
  readonly tickSize: Decimal;
  /** Taker fee rate as a fraction (`0.0015` = 0.15 %). */
  readonly takerFee: Decimal;
  /** Maker fee rate as a fraction. */
  readonly makerFee: Decimal;
  /** True when orders are refused with `order: product_disabled`. */
  readonly disabled: boolean;
  /** True when margin orders are accepted. */
  readonly marginEnabled: boolean;
  /** Catalogue flag, reported only. */
  readonly cfdEnabled: boolean;
  /** Catalogue flag, reported only. */
  readonly perpetualEnabled: boolean;
  /** sandbox: the smallest order quantity (`less_than_order_size` below it). */
  readonly minimumOrderQuantity: Decimal;
  /** Catalogue value, reported only; null when absent. */
  readonly fiatMinimumWithdraw: Decimal | null;
  /** Best bid on the book, null when that side is empty. */
  readonly marketBid: Decimal | null;
  /** Best ask on the book, null when that side is empty. */
  readonly marketAsk: Decimal | null;
  /**
   * The 24 h low: the lowest traded price of the rolling last 24 h (clients read it as the day's
   * low); without trades in the window, the current best bid.
   */
  readonly lowMarketBid: Decimal | null;
  /** The 24 h high: the highest traded price of the rolling last 24 h; without trades, the current best ask. */
  readonly highMarketAsk: Decimal | null;
  /** Base quantity traded over the rolling last 24 h. */
  readonly volume24h: Decimal;
  /**
   * The last traded price as it stood 24 h ago: the price of the last execution before the window;
   * without one, the catalogue's reference price; without that, the current last price.
   */
  readonly lastPrice24h: Decimal | null;
  /** Price of the last execution; before any, the catalogue's reference price (null without one). */
  readonly lastTradedPrice: Decimal | null;
  /** Quantity of the last execution; null before any. */
  readonly lastTradedQuantity: Decimal | null;
  /** Price band multipliers around the last price (see ExchangeOptions.priceBand). */
  readonly multiplierUp: Decimal;
  /** Lower price band multiplier (see `multiplierUp`). */
  readonly multiplierDown: Decimal;
  /** Unix seconds of the last change of any statistic. */
  readonly lastEventTimestamp: number;
  /** Unix seconds of this snapshot. */
  readonly timestamp: number;
}

/**
 * `GET /products/{id}/price_levels`: levels aggregated by price.
 * @group Exchange records
 */
export interface OrderBookRecord {
  /** The product of the book. */
  readonly productId: number;
  /** Buy levels, best (highest) price first. */
  readonly buyPriceLevels: readonly LevelRecord[];
  /** Sell levels, best (lowest) price first. */
  readonly sellPriceLevels: readonly LevelRecord[];
  /** Unix seconds of this snapshot. */
  readonly timestamp: number;
}

/**
 * A public execution (`GET /executions`).
 * @group Exchange records
 */
export interface ExecutionRecord {
  /** Execution id. */
  readonly id: number;
  /** The product traded. */
  readonly productId: number;
  /** Quantity traded, in the base currency. */
  readonly quantity: Decimal;
  /** Always the maker's (resting order's) price. */
  readonly price: Decimal;
  /** Side of the taker (the incoming order). */
  readonly takerSide: Side;
  /** Unix seconds of the match. */
  readonly createdAt: number;
  /** Unix seconds of the match (same as `createdAt`). */
  readonly timestamp: number;
}

/**
 * An execution seen by one of its two users (`GET /executions/me`, `order.executions`).
 * @group Exchange records
 */
export interface MyExecutionRecord extends ExecutionRecord {
  /** Side of this user's order in the match. */
  readonly mySide: Side;
  /** This user's order in the match. */
  readonly orderId: number;
  /** Client order id of that order, or null. */
  readonly clientOrderId: string | null;
  /** sandbox: the user it belongs to. */
  readonly userId: number;
}

/**
 * `execution` as seen by the user of one of its orders, written out field by field: an object
 * spread plus added keys would give every record its own hidden class (a V8 map per fill).
 */
export function myExecutionRecord(
  execution: ExecutionRecord,
  mySide: Side,
  orderId: number,
  clientOrderId: string | null,
  userId: number,
): MyExecutionRecord {
  return {
    id: execution.id,
    productId: execution.productId,
    quantity: execution.quantity,
    price: execution.price,
    takerSide: execution.takerSide,
    createdAt: execution.createdAt,
    timestamp: execution.timestamp,
    mySide,
    orderId,
    clientOrderId,
    userId,
  };
}
