/**
 * Orders: their enums, the order record and the cancel-all row.
 * (Conventions of every record: see records.ts.)
 * @module
 */
import type { Decimal } from '../decimal.js';
import type { MyExecutionRecord, Side } from './market.js';

/**
 * Order type; stop and trailing_stop orders wait for their trigger, then run as market orders.
 * @group Exchange records
 */
export type OrderType = 'limit' | 'market' | 'market_with_range' | 'limit_post_only' | 'stop' | 'trailing_stop';

/**
 * Status of an order: live and partially_filled orders are still working.
 * @group Exchange records
 */
export type OrderStatus = 'live' | 'partially_filled' | 'filled' | 'cancelled';

/**
 * Trading type of an order or trade: `spot`, or one of the margin types.
 * @group Exchange records
 */
export type TradingType = 'spot' | 'margin' | 'cfd' | 'perpetual';

/**
 * Margin type of a margin order or trade.
 * @group Exchange records
 */
export type MarginType = 'cross' | 'isolated';

/**
 * How a margin order treats the user's opposite open trades: `netout` and `one_direction` reduce them first, `two_direction` always opens.
 * @group Exchange records
 */
export type OrderDirection = 'one_direction' | 'two_direction' | 'netout';

/**
 * Unit of a trailing stop's distance: a price difference or a percentage.
 * @group Exchange records
 */
export type TrailingStopType = 'price' | 'percentage';

/**
 * An order (`GET /orders/{id}`); `executions` are the order's own, oldest first.
 * @group Exchange records
 */
export interface OrderRecord {
  /** Order id. */
  readonly id: number;
  /** sandbox: the owner. */
  readonly userId: number;
  /** Order type. */
  readonly orderType: OrderType;
  /** Ordered quantity in the base currency (as last edited). */
  readonly quantity: Decimal;
  /** Always 0 (the sandbox has no iceberg orders). */
  readonly discQuantity: Decimal;
  /** Always 0 (the sandbox has no iceberg orders). */
  readonly icebergTotalQuantity: Decimal;
  /** Buy or sell. */
  readonly side: Side;
  /** Quantity filled so far. */
  readonly filledQuantity: Decimal;
  /**
   * The limit price; for market orders the average fill price (0 before any fill); for
   * market_with_range the range limit; for stop orders the trigger price.
   */
  readonly price: Decimal;
  /** sandbox: the price_range of a market_with_range order, else null. */
  readonly priceRange: Decimal | null;
  /** Unix seconds of placement. */
  readonly createdAt: number;
  /** Unix seconds of the last change (fill, edit, cancel, trigger). */
  readonly updatedAt: number;
  /** Order status. */
  readonly status: OrderStatus;
  /** Leverage of a margin order; 1 for spot. */
  readonly leverageLevel: number;
  /** Always `QUOINE`. */
  readonly sourceExchange: string;
  /** The product traded. */
  readonly productId: number;
  /** The product's code (e.g. `CASH`). */
  readonly productCode: string;
  /** The product's pair code, e.g. `BTCUSD`. */
  readonly currencyPairCode: string;
  /** Funding currency: always the product's quote currency. */
  readonly fundingCurrency: string;
  /** Margin orders: `cross` (default) or `isolated`; null for spot. */
  readonly marginType: MarginType | null;
  /** Margin orders: the take-profit level given to the trade it opens; else null. */
  readonly takeProfit: Decimal | null;
  /** Margin orders: the stop-loss level given to the trade it opens; else null. */
  readonly stopLoss: Decimal | null;
  /** Spot or one of the margin trading types. */
  readonly tradingType: TradingType;
  /** sandbox: the margin order direction (null for spot). */
  readonly orderDirection: OrderDirection | null;
  /** Always null. */
  readonly cryptoAccountId: number | null;
  /** Average fill price, rounded half up to 8 decimals; 0 before any fill. */
  readonly averagePrice: Decimal;
  /** `spot` for spot orders; `open` or `close` for margin orders (close: it reduces a trade). */
  readonly target: string;
  /** Fees charged on the order's fills so far, in the quote currency. */
  readonly orderFee: Decimal;
  /** `manual`, or `stop_loss` / `take_profit` / `close_trade` for orders the exchange placed. */
  readonly sourceAction: string;
  /** A close order (`target` close): the trade it reduces; else null. */
  readonly unwoundTradeId: number | null;
  /** A close order: the leverage of the trade it reduces; else null. */
  readonly unwoundTradeLeverageLevel: number | null;
  /** The trade this margin order opened, or the trade a close order reduces; else null. */
  readonly tradeId: number | null;
  /** The client order id given at placement, or null. */
  readonly clientOrderId: string | null;
  /** Always 0 (margin is reported on the trade). */
  readonly marginUsed: Decimal;
  /** Always 0 (interest is reported on the trade). */
  readonly marginInterest: Decimal;
  /** Always null. */
  readonly settings: null;
  /** Trailing stops: whether the distance is a price or a percentage; else null. */
  readonly trailingStopType: TrailingStopType | null;
  /** Trailing stops: the trailing distance; else null. */
  readonly trailingStopValue: Decimal | null;
  /** Unix seconds when a stop / trailing stop triggered, else null. */
  readonly stopTriggeredTime: number | null;
  /** The order's own executions, oldest first. */
  readonly executions: readonly MyExecutionRecord[];
}

/**
 * `{id, client_order_id}` of `PUT /orders/cancel_all`.
 * @group Exchange records
 */
export interface CancelledOrderRecord {
  /** Id of the cancelled order. */
  readonly id: number;
  /** Its client order id, or null. */
  readonly clientOrderId: string | null;
}
