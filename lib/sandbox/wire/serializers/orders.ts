import type { CancelledOrderRecord, OrderRecord } from '../../exchange/records.js';
import type { WireObject } from '../json.js';
import { orderExecutionWire } from './market.js';
import { decimal, epochSeconds, text } from './values.js';

/**
 * Which response an order appears in; the Liquid era typed each differently (§7.2):
 * - `action`: create / edit / cancel: `price`, `average_price`, `order_fee` numbers;
 * - `detail`: `GET /orders/{id}`: `price`, `average_price` numbers, `order_fee` a string, plus
 *   `settings`, trailing-stop fields and `executions`;
 * - `list`: `GET /orders` rows: every decimal a string, `source_exchange` 0, the detail fields.
 * The Quoine profile is the 2016 docs' order in every case (decimals strings).
 */
export type OrderView = 'action' | 'detail' | 'list';

export function orderWire(order: OrderRecord, liquid: boolean, view: OrderView, withExecutions = false): WireObject {
  const wire = liquid ? liquidOrder(order, view) : quoineOrder(order);
  if (view === 'detail' || withExecutions)
    wire['executions'] = order.executions.map((execution) => orderExecutionWire(execution, liquid));
  return wire;
}

/** `PUT /orders/cancel_all`: `{"models": [{id, client_order_id}]}` without page counters (§7.2 #19). */
export function cancelledOrdersWire(orders: readonly CancelledOrderRecord[]): WireObject {
  return { models: orders.map((order) => ({ id: order.id, client_order_id: order.clientOrderId })) };
}

function head(order: OrderRecord, priceAsNumber: boolean): WireObject {
  return {
    id: order.id,
    order_type: order.orderType,
    quantity: text(order.quantity),
    disc_quantity: text(order.discQuantity),
    iceberg_total_quantity: text(order.icebergTotalQuantity),
    side: order.side,
    filled_quantity: text(order.filledQuantity),
    price: decimal(order.price, priceAsNumber),
    created_at: epochSeconds(order.createdAt),
    updated_at: epochSeconds(order.updatedAt),
    status: order.status,
    leverage_level: order.leverageLevel,
  };
}

function tail(order: OrderRecord): WireObject {
  return {
    margin_used: text(order.marginUsed),
    margin_interest: text(order.marginInterest),
    unwound_trade_leverage_level: order.unwoundTradeLeverageLevel,
  };
}

function quoineOrder(order: OrderRecord): WireObject {
  return Object.assign(
    head(order, false),
    {
      source_exchange: order.sourceExchange,
      product_id: order.productId,
      product_code: order.productCode,
      funding_currency: order.fundingCurrency,
      currency_pair_code: order.currencyPairCode,
      order_fee: text(order.orderFee),
    },
    tail(order),
  );
}

function liquidOrder(order: OrderRecord, view: OrderView): WireObject {
  const numbers = view !== 'list';
  const wire = Object.assign(head(order, numbers), {
    source_exchange: view === 'list' ? 0 : order.sourceExchange,
    product_id: order.productId,
    margin_type: order.marginType,
    take_profit: text(order.takeProfit),
    stop_loss: text(order.stopLoss),
    trading_type: order.tradingType,
    product_code: order.productCode,
    funding_currency: order.fundingCurrency,
    crypto_account_id: order.cryptoAccountId,
    currency_pair_code: order.currencyPairCode,
    average_price: decimal(order.averagePrice, numbers),
    target: order.target,
    order_fee: decimal(order.orderFee, view === 'action'),
    source_action: order.sourceAction,
    unwound_trade_id: order.unwoundTradeId,
    trade_id: order.tradeId,
    client_order_id: order.clientOrderId,
  });
  if (view !== 'action') {
    wire['settings'] = order.settings;
    wire['trailing_stop_type'] = order.trailingStopType;
    wire['trailing_stop_value'] = text(order.trailingStopValue);
    wire['stop_triggered_time'] = order.stopTriggeredTime === null ? null : epochSeconds(order.stopTriggeredTime);
  }
  return Object.assign(wire, tail(order));
}
