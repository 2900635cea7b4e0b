import type { CreateOrderParams, EditOrderParams } from '../../exchange/index.js';
import { pageOf, readPageRequest } from '../pagination.js';
import {
  decimalParam,
  enumParam,
  flagParam,
  idParam,
  integerParam,
  queryParams,
  stringParam,
  unwrap,
  type Params,
} from '../params.js';
import { HttpError } from '../responses.js';
import { callerId, pathId, type RouteContext } from '../route-context.js';
import { privateRoute, type Route } from '../router.js';
import { myExecutionWire } from '../../wire/serializers/market.js';
import { cancelledOrdersWire, orderWire } from '../../wire/serializers/orders.js';
import { tradeWire } from '../../wire/serializers/trading.js';

const ORDER_NOT_FOUND = 'Order not found';
const ORDER_TYPES = ['limit', 'market', 'market_with_range', 'limit_post_only', 'stop', 'trailing_stop'] as const;
const SIDES = ['buy', 'sell'] as const;
const TRADING_TYPES = ['spot', 'margin', 'cfd', 'perpetual'] as const;

/**
 * Orders, quoine-api.md §7.2 (#11–#21) and `GET /executions/me` (§7.3 #22). Literal paths
 * (`cancel_all`, `client:{id}`) are registered before `{id}`.
 */
export const orderRoutes: readonly Route[] = [
  privateRoute('POST', '/orders', (context) => {
    const order = context.exchange.createOrder(callerId(context), createOrderParams(unwrap(context.params, 'order')));
    return orderWire(order, context.liquid, 'action');
  }),
  privateRoute('GET', '/orders', (context) => {
    const query = queryParams(context.query);
    // An empty `status=` matched nothing on the real exchange (§7.2 note).
    const orders =
      context.query.get('status') === ''
        ? []
        : context.exchange.orderList(callerId(context), {
            productId: idParam(query, 'product_id', 'optional'),
            status: stringParam(query, 'status', 'optional'),
            fundingCurrency: stringParam(query, 'funding_currency', 'optional'),
            tradingType: stringParam(query, 'trading_type', 'optional'),
            side: stringParam(query, 'side', 'optional'),
          });
    const withDetails = flagParam(context.query, 'with_details');
    return pageOf(orders, readPageRequest(context.query), (order) =>
      orderWire(order, context.liquid, 'list', withDetails),
    );
  }),
  privateRoute('PUT', '/orders/cancel_all', (context) => {
    const params = unwrap(context.params, 'order');
    const cancelled = context.exchange.cancelAllOrders(callerId(context), {
      productId: idParam(params, 'product_id', 'optional'),
      side: enumParam(params, 'side', SIDES, 'optional'),
      tradingType: stringParam(params, 'trading_type', 'optional'),
    });
    return cancelledOrdersWire(cancelled);
  }),
  privateRoute('GET', '/orders/client:{clientOrderId}', (context) =>
    orderWire(context.exchange.orderByClientId(callerId(context), clientId(context)), context.liquid, 'detail'),
  ),
  privateRoute('PUT', '/orders/client:{clientOrderId}/cancel', (context) =>
    orderWire(context.exchange.cancelOrderByClientId(callerId(context), clientId(context)), context.liquid, 'action'),
  ),
  privateRoute('PUT', '/orders/client:{clientOrderId}', (context) => {
    const edit = editOrderParams(unwrap(context.params, 'order'));
    return orderWire(
      context.exchange.editOrderByClientId(callerId(context), clientId(context), edit),
      context.liquid,
      'action',
    );
  }),
  privateRoute('GET', '/orders/{id}', (context) =>
    orderWire(context.exchange.order(callerId(context), orderId(context)), context.liquid, 'detail'),
  ),
  privateRoute('PUT', '/orders/{id}/cancel', (context) =>
    orderWire(context.exchange.cancelOrder(callerId(context), orderId(context)), context.liquid, 'action'),
  ),
  privateRoute('PUT', '/orders/{id}', (context) => {
    const edit = editOrderParams(unwrap(context.params, 'order'));
    return orderWire(context.exchange.editOrder(callerId(context), orderId(context), edit), context.liquid, 'action');
  }),
  privateRoute('GET', '/orders/{id}/trades', (context) =>
    context.exchange
      .orderTrades(callerId(context), orderId(context))
      .map((trade) => tradeWire(trade, context.liquid, 'order')),
  ),
  privateRoute('GET', '/orders/{id}/executions', (context) => {
    const executions = context.exchange.orderExecutionList(callerId(context), orderId(context));
    return pageOf(executions, readPageRequest(context.query), (execution) =>
      myExecutionWire(execution, context.liquid, true),
    );
  }),
  privateRoute('GET', '/executions/me', (context) => {
    const productId = idParam(queryParams(context.query), 'product_id');
    const withDetails = flagParam(context.query, 'with_details');
    return pageOf(
      context.exchange.myExecutionList(callerId(context), productId),
      readPageRequest(context.query),
      (execution) => myExecutionWire(execution, context.liquid, withDetails),
    );
  }),
];

function orderId(context: RouteContext): number {
  return pathId(context, 'id', ORDER_NOT_FOUND);
}

function clientId(context: RouteContext): string {
  return context.path['clientOrderId'] ?? '';
}

/** `POST /orders` fields (§7.2 #11), wrapped or flat, numbers or numeric strings. */
function createOrderParams(params: Params): CreateOrderParams {
  const orderType = enumParam(params, 'order_type', ORDER_TYPES);
  const productId = idParam(params, 'product_id');
  const side = enumParam(params, 'side', SIDES);
  const quantity = decimalParam(params, 'quantity');
  return {
    orderType,
    productId,
    side,
    quantity,
    price: decimalParam(params, 'price', 'optional'),
    priceRange: decimalParam(params, 'price_range', 'optional'),
    clientOrderId: stringParam(params, 'client_order_id', 'optional'),
    trailingStopType: trailingStopType(params),
    trailingStopValue: decimalParam(params, 'trailing_stop_value', 'optional'),
    tradingType: enumParam(params, 'trading_type', TRADING_TYPES, 'optional'),
    leverageLevel: integerParam(params, 'leverage_level', 'optional'),
    fundingCurrency: stringParam(params, 'funding_currency', 'optional'),
    orderDirection: enumParam(
      params,
      'order_direction',
      ['one_direction', 'two_direction', 'netout'] as const,
      'optional',
    ),
    marginType: enumParam(params, 'margin_type', ['cross', 'isolated'] as const, 'optional'),
    takeProfit: decimalParam(params, 'take_profit', 'optional'),
    stopLoss: decimalParam(params, 'stop_loss', 'optional'),
  };
}

/** `price` or `percentage`; the Japanese docs' `fiat` means `price` (§6). */
function trailingStopType(params: Params): 'price' | 'percentage' | undefined {
  const type = enumParam(params, 'trailing_stop_type', ['price', 'percentage', 'fiat'] as const, 'optional');
  return type === 'fiat' ? 'price' : type;
}

/** `PUT /orders/{id}` fields: quantity and/or price; neither is 400 missing parameters. */
function editOrderParams(params: Params): EditOrderParams {
  const quantity = decimalParam(params, 'quantity', 'optional');
  const price = decimalParam(params, 'price', 'optional');
  if (quantity === undefined && price === undefined) throw HttpError.missingParameters();
  return { quantity, price };
}
