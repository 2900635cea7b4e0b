/**
 * The exchange's internal order, and its snapshot as an {@link OrderRecord}.
 * @module
 */
import type { ProductConfig } from './config.js';
import { Decimal, ZERO } from './decimal.js';
import type {
  MarginType,
  MyExecutionRecord,
  OrderDirection,
  OrderRecord,
  OrderStatus,
  OrderType,
  Side,
  TradingType,
  TrailingStopType,
} from './records.js';

/**
 * How an order's reservation is released on a fill: `unit` releases `unitReserve` per unit filled
 * (limit orders: reserved at their own price); `actual` releases what the fill actually cost
 * (market orders: reserved against the sweep of the book).
 */
export type ReserveMode = 'unit' | 'actual';

export interface OrderState {
  readonly id: number;
  readonly userId: number;
  readonly product: ProductConfig;
  readonly side: Side;
  readonly orderType: OrderType;
  quantity: Decimal;
  /** Limit price, market_with_range limit, or stop trigger; zero for market orders. */
  price: Decimal;
  readonly priceRange: Decimal | null;
  filled: Decimal;
  /** Σ quantity × price of the fills. */
  filledNotional: Decimal;
  fee: Decimal;
  status: OrderStatus;
  readonly createdAtMs: number;
  updatedAtMs: number;
  readonly clientOrderId: string | null;
  readonly tradingType: TradingType;
  readonly leverageLevel: number;
  readonly fundingCurrency: string;
  readonly orderDirection: OrderDirection | null;
  readonly marginType: MarginType | null;
  readonly takeProfit: Decimal | null;
  readonly stopLoss: Decimal | null;
  readonly trailingStopType: TrailingStopType | null;
  readonly trailingStopValue: Decimal | null;
  /** Trailing stops: the most favourable last price since placement. */
  trailAnchor: Decimal | null;
  stopTriggeredAtMs: number | null;
  /** The currency and amount still reserved for the unfilled rest. */
  readonly reserveCurrency: string;
  reserved: Decimal;
  reserveMode: ReserveMode;
  unitReserve: Decimal;
  /** True while resting on the book. */
  onBook: boolean;
  /** Stop / trailing stop orders waiting for their trigger. */
  held: boolean;
  readonly sourceAction: string;
  readonly target: string;
  /** A close order: the trade it reduces. */
  readonly closeTradeId: number | null;
  /** Margin: the trade this order opened (extended by its later fills). */
  openedTradeId: number | null;
  /** The order's last fill in the exchange's fills store (fills.ts), or -1; and how many it has. */
  lastFill: number;
  fillCount: number;
}

/** What the order filters read (`GET /orders`), without the order's money. */
export type OrderSummary = Pick<OrderState, 'id' | 'side' | 'status' | 'tradingType' | 'fundingCurrency'> & {
  readonly productId: number;
};

export function remaining(order: OrderState): Decimal {
  return order.quantity.minus(order.filled);
}

/** Live: on the book, held, or in the middle of matching. */
export function isLive(order: OrderState): boolean {
  return order.status === 'live' || order.status === 'partially_filled';
}

/** The average fill price, rounded half up to 8 decimals (a division need not terminate). */
export function averagePrice(order: OrderState): Decimal {
  if (order.filled.isZero()) return ZERO;
  return order.filledNotional.div(order.filled).toDecimalPlaces(8, Decimal.ROUND_HALF_UP);
}

/** The trigger price of a stop order now (trailing: anchor ∓ distance). */
export function triggerPrice(order: OrderState): Decimal {
  if (order.orderType !== 'trailing_stop' || order.trailAnchor === null || order.trailingStopValue === null)
    return order.price;
  const distance =
    order.trailingStopType === 'percentage'
      ? order.trailAnchor.times(order.trailingStopValue).div(100)
      : order.trailingStopValue;
  return order.side === 'sell' ? order.trailAnchor.minus(distance) : order.trailAnchor.plus(distance);
}

/** The order's record; `executions` are its fills, oldest first. */
export function orderRecord(order: OrderState, tradeId: number | null, executions: MyExecutionRecord[]): OrderRecord {
  const isMarket = order.orderType === 'market';
  const stop = order.orderType === 'stop' || order.orderType === 'trailing_stop';
  return {
    id: order.id,
    userId: order.userId,
    orderType: order.orderType,
    quantity: order.quantity,
    discQuantity: ZERO,
    icebergTotalQuantity: ZERO,
    side: order.side,
    filledQuantity: order.filled,
    price: isMarket ? averagePrice(order) : stop ? triggerPrice(order) : order.price,
    priceRange: order.priceRange,
    createdAt: order.createdAtMs / 1000,
    updatedAt: order.updatedAtMs / 1000,
    status: order.status,
    leverageLevel: order.leverageLevel,
    sourceExchange: 'QUOINE',
    productId: order.product.id,
    productCode: order.product.code,
    currencyPairCode: order.product.currencyPairCode,
    fundingCurrency: order.fundingCurrency,
    marginType: order.marginType,
    takeProfit: order.takeProfit,
    stopLoss: order.stopLoss,
    tradingType: order.tradingType,
    orderDirection: order.orderDirection,
    cryptoAccountId: null,
    averagePrice: averagePrice(order),
    target: order.target,
    orderFee: order.fee,
    sourceAction: order.sourceAction,
    unwoundTradeId: order.closeTradeId,
    unwoundTradeLeverageLevel: order.closeTradeId === null ? null : order.leverageLevel,
    tradeId,
    clientOrderId: order.clientOrderId,
    marginUsed: ZERO,
    marginInterest: ZERO,
    settings: null,
    trailingStopType: order.trailingStopType,
    trailingStopValue: order.trailingStopValue,
    stopTriggeredTime: order.stopTriggeredAtMs === null ? null : order.stopTriggeredAtMs / 1000,
    executions,
  };
}
