/**
 * The `user_account_{funding_currency}_orders` payload (quoine-api.md §8.5). The fields are those
 * of the REST order as create/edit/cancel answer it (no `executions`), typed as the channel's own
 * evidence records rather than as REST:
 * - Liquid: every decimal a JSON number (the docs' sample has `quantity: 0.01`, `price: 200.0`,
 *   `order_fee`, `filled_quantity`, `margin_used`, `margin_interest` as numbers, and a 2021 client's
 *   captured updates have `disc_quantity`, `iceberg_total_quantity`, `average_price` as numbers too;
 *   `take_profit`/`stop_loss`, null in every sample, follow the other decimals when set). Numbers
 *   are written from the exact decimal text, never through a float. `product_id` stays a number
 *   (one sample has the string `"27"`, another a number) and `source_exchange` is `"QUOINE"`.
 * - Quoine: the 2016 docs' order, every decimal a string, as over REST (no realtime sample of the
 *   era exists; its docs typed all order decimals as strings).
 * @module
 */
import type { OrderRecord } from '../../exchange/index.js';
import { orderWire } from '../../wire/serializers/orders.js';
import { number } from '../../wire/serializers/values.js';
import type { WireObject } from '../../wire/json.js';

/** One order event's payload in the given profile. */
export function orderEventWire(order: OrderRecord, liquid: boolean): WireObject {
  const wire = orderWire(order, liquid, 'action');
  if (!liquid) return wire;
  // Assigned over the REST object: same fields in the same order, only the decimals retyped.
  return Object.assign(wire, {
    quantity: number(order.quantity),
    disc_quantity: number(order.discQuantity),
    iceberg_total_quantity: number(order.icebergTotalQuantity),
    filled_quantity: number(order.filledQuantity),
    price: number(order.price),
    take_profit: number(order.takeProfit),
    stop_loss: number(order.stopLoss),
    average_price: number(order.averagePrice),
    order_fee: number(order.orderFee),
    margin_used: number(order.marginUsed),
    margin_interest: number(order.marginInterest),
  });
}
