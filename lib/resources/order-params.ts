/**
 * What `client.orders` takes: the parameters of placements, edits, lists and cancel-all, as the
 * caller writes them (camelCase, money as {@link DecimalInput}). `order-body.ts` checks them and
 * turns them into wire bodies.
 * @module
 */
import type { MarginOrderDirection, OrderStatus, OrderType, Side, TradingType } from '../constants.js';
import type { DecimalInput } from '../core/decimal.js';
import type { PageOptions } from '../core/resource.js';

/**
 * Parameters of {@link Orders.create}. Money as `Decimal`, decimal string or exact number.
 * @group Parameters
 */
export interface OrderCreateParams {
  /** Order type. */
  readonly orderType: OrderType;
  /** Product id. */
  readonly productId: number | string;
  /** `buy` or `sell`. */
  readonly side: Side;
  /** Quantity in base currency (> 0). */
  readonly quantity: DecimalInput;
  /** Limit price: required for `limit`, `limit_post_only` and `stop`; for `market_with_range`, this or `priceRange`; refused for `market`. */
  readonly price?: DecimalInput;
  /** Slippage allowed from the market price (`market_with_range` only). */
  readonly priceRange?: DecimalInput;
  /** `price` or `percentage` (`trailing_stop` only, required there). */
  readonly trailingStopType?: 'price' | 'percentage';
  /** Trailing distance (`trailing_stop` only, required there). */
  readonly trailingStopValue?: DecimalInput;
  /**
   * Your id for the order (≤ 36 letters, digits or `-`), unique among your last 100. With it the
   * SDK can safely retry the placement after a lost response, and find the order afterwards.
   */
  readonly clientOrderId?: string;
}

/**
 * Parameters of {@link Orders.createMargin}: an order with leverage.
 * @group Parameters
 */
export interface MarginOrderCreateParams extends OrderCreateParams {
  /** Leverage (2, 4, 5, 10, 25, or a level from `users.leverageLimitation()`). */
  readonly leverageLevel: number;
  /** Currency funding the position. */
  readonly fundingCurrency?: string;
  /** How it combines with open positions. */
  readonly orderDirection?: MarginOrderDirection;
  /** `cross` or `isolated`. */
  readonly marginType?: 'cross' | 'isolated';
  /** `margin` (default), `cfd` or `perpetual`. */
  readonly tradingType?: TradingType;
  /** Take-profit price. */
  readonly takeProfit?: DecimalInput;
  /** Stop-loss price. */
  readonly stopLoss?: DecimalInput;
}

/**
 * Extra options of the shortcut methods (`limitBuy` …).
 * @group Parameters
 */
export interface OrderShortcutOptions {
  /** Your id for the order; see {@link OrderCreateParams.clientOrderId}. */
  readonly clientOrderId?: string;
}

/**
 * Options of {@link Orders.marketBuy} and {@link Orders.marketSell}.
 * @group Parameters
 */
export interface MarketOrderOptions extends OrderShortcutOptions {
  /** Slippage allowed from the market price: makes it a `market_with_range` order. */
  readonly priceRange?: DecimalInput;
}

/**
 * Filters of {@link Orders.list}.
 * @group Parameters
 */
export interface OrderListOptions extends PageOptions {
  /** Funding currency. */
  readonly fundingCurrency?: string;
  /** Product id. */
  readonly productId?: number | string;
  /** Status. */
  readonly status?: OrderStatus;
  /** Trading type. */
  readonly tradingType?: TradingType;
  /** Include each order's executions. */
  readonly withDetails?: boolean;
}

/**
 * Changes of {@link Orders.update}: one or both.
 * @group Parameters
 */
export interface OrderUpdateParams {
  /** New quantity. */
  readonly quantity?: DecimalInput;
  /** New price. */
  readonly price?: DecimalInput;
}

/**
 * Filters of {@link Orders.cancelAll}.
 * @group Parameters
 */
export interface CancelAllOptions {
  /** Only this product. */
  readonly productId?: number | string;
  /** Only this side. */
  readonly side?: Side;
  /** Only this trading type (`spot`, `margin` …). */
  readonly tradingType?: TradingType;
}
