/**
 * The wire side of `client.orders`' input: each parameter object checked field by field (with the
 * coercers of `core/coerce.ts`) and turned into the query or JSON body the exchange reads. Bad
 * input throws a `QuoineRequestError` naming the field, before anything is sent.
 * @module
 */
import { LeverageLevel, MarginOrderDirection, OrderStatus, OrderType, Side, TradingType } from '../constants.js';
import * as input from '../core/coerce.js';
import type { DecimalInput } from '../core/decimal.js';
import { QuoineRequestError } from '../core/errors.js';
import { defined } from '../core/resource.js';
import type { Query } from '../core/request-spec.js';
import type {
  CancelAllOptions,
  MarginOrderCreateParams,
  MarketOrderOptions,
  OrderCreateParams,
  OrderListOptions,
  OrderUpdateParams,
} from './order-params.js';

const ORDER_TYPES = Object.values(OrderType);
const SIDES = Object.values(Side);
const STATUSES = Object.values(OrderStatus);
const TRADING_TYPES = Object.values(TradingType);
const DIRECTIONS = Object.values(MarginOrderDirection);
/** The 2017 levels plus those later accounts were offered (quoine-api.md §6). */
const LEVERAGE_LEVELS: readonly number[] = [...Object.values(LeverageLevel), 50, 100];
const NEEDS_PRICE: readonly string[] = [OrderType.Limit, OrderType.LimitPostOnly, OrderType.Stop];

/** The wire body of an order, checked field by field. */
export function orderBody(params: OrderCreateParams, method: string): Record<string, unknown> {
  input.object(params, 'params', `${method}'s params`);
  const type = input.oneOf(params.orderType, ORDER_TYPES, 'orderType');
  const refuse = (field: keyof OrderCreateParams, why: string): never => {
    throw new QuoineRequestError(`${field} ${why} (${type} order)`, field);
  };
  if (NEEDS_PRICE.includes(type) && params.price === undefined) refuse('price', 'is required');
  if (type === OrderType.Market && params.price !== undefined)
    refuse('price', 'is not used; use a limit order, or priceRange with market_with_range');
  if (type === OrderType.MarketWithRange && params.price === undefined && params.priceRange === undefined)
    refuse('priceRange', 'or price is required');
  if (type !== OrderType.MarketWithRange && params.priceRange !== undefined)
    refuse('priceRange', 'is only for market_with_range orders');
  const trailing = type === OrderType.TrailingStop;
  if (trailing && (params.trailingStopType === undefined || params.trailingStopValue === undefined))
    refuse('trailingStopValue', 'and trailingStopType are required');
  if (!trailing && (params.trailingStopType !== undefined || params.trailingStopValue !== undefined))
    refuse('trailingStopValue', 'is only for trailing_stop orders');
  return defined({
    order_type: type,
    product_id: input.id(params.productId, 'productId'),
    side: input.oneOf(params.side, SIDES, 'side'),
    quantity: input.decimalText(params.quantity, 'quantity', 'positive'),
    price: input.optional(params.price, (v) => input.decimalText(v, 'price', 'positive')),
    price_range: input.optional(params.priceRange, (v) => input.decimalText(v, 'priceRange', 'positive')),
    trailing_stop_type: input.optional(params.trailingStopType, (v) =>
      input.oneOf(v, ['price', 'percentage'], 'trailingStopType'),
    ),
    trailing_stop_value: input.optional(params.trailingStopValue, (v) =>
      input.decimalText(v, 'trailingStopValue', 'positive'),
    ),
    client_order_id: input.optional(params.clientOrderId, (v) => input.clientOrderId(v)),
  });
}

/** The wire body of a margin order: the order's fields plus leverage, funding and stops. */
export function marginOrderBody(params: MarginOrderCreateParams): Record<string, unknown> {
  const body = orderBody(params, 'orders.createMargin');
  const margin = defined({
    leverage_level: input.oneOf(params.leverageLevel, LEVERAGE_LEVELS, 'leverageLevel'),
    funding_currency: input.optional(params.fundingCurrency, (v) => input.currency(v, 'fundingCurrency')),
    order_direction: input.optional(params.orderDirection, (v) => input.oneOf(v, DIRECTIONS, 'orderDirection')),
    margin_type: input.optional(params.marginType, (v) => input.oneOf(v, ['cross', 'isolated'], 'marginType')),
    trading_type: input.oneOf(
      params.tradingType ?? TradingType.Margin,
      TRADING_TYPES.filter((t) => t !== 'spot'),
      'tradingType',
    ),
    take_profit: input.optional(params.takeProfit, (v) => input.decimalText(v, 'takeProfit', 'positive')),
    stop_loss: input.optional(params.stopLoss, (v) => input.decimalText(v, 'stopLoss', 'positive')),
  });
  return { ...body, ...margin };
}

/** The parameters of a market shortcut: `market`, or `market_with_range` when it has a `priceRange`. */
export function marketParams(
  productId: number | string,
  side: Side,
  quantity: DecimalInput,
  extra: MarketOrderOptions,
): OrderCreateParams {
  const { priceRange, ...rest } = input.object(extra, 'extra');
  return priceRange === undefined
    ? { orderType: OrderType.Market, productId, side, quantity, ...rest }
    : { orderType: OrderType.MarketWithRange, productId, side, quantity, priceRange, ...rest };
}

/** The `order` object of an edit: quantity, price or both. */
export function editBody(changes: OrderUpdateParams): Record<string, unknown> {
  input.object(changes, 'changes');
  const order = defined({
    quantity: input.optional(changes.quantity, (v) => input.decimalText(v, 'quantity', 'positive')),
    price: input.optional(changes.price, (v) => input.decimalText(v, 'price', 'positive')),
  });
  if (Object.keys(order).length === 0)
    throw new QuoineRequestError('orders.update needs quantity, price or both', 'quantity');
  return order;
}

/** The query of `GET /orders` (paging aside). */
export function listQuery(filters: OrderListOptions): Query {
  return {
    funding_currency: input.optional(filters.fundingCurrency, (v) => input.currency(v, 'fundingCurrency')),
    product_id: input.optional(filters.productId, (v) => input.id(v, 'productId')),
    status: input.optional(filters.status, (v) => input.oneOf(v, STATUSES, 'status')),
    trading_type: input.optional(filters.tradingType, (v) => input.oneOf(v, TRADING_TYPES, 'tradingType')),
    with_details: input.flag(filters.withDetails),
  };
}

/** The body of `PUT /orders/cancel_all`. */
export function cancelAllBody(filters: CancelAllOptions): Record<string, unknown> {
  input.object(filters, 'filters');
  return defined({
    product_id: input.optional(filters.productId, (v) => input.id(v, 'productId')),
    side: input.optional(filters.side, (v) => input.oneOf(v, SIDES, 'side')),
    trading_type: input.optional(filters.tradingType, (v) => input.oneOf(v, TRADING_TYPES, 'tradingType')),
  });
}
