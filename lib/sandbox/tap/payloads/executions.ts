/**
 * The payloads of the public execution channels (quoine-api.md §8.5):
 * - `executions_cash_{pair}`: `{id, quantity, price, taker_side, created_at, timestamp}` — the
 *   public execution as REST has it in each profile (Liquid: `quantity`/`price` numbers, as the
 *   2021 client models them; Quoine: strings) plus the `timestamp` text the channel documents
 *   (the Quoine profile's REST row has none).
 * - `execution_details_cash_{pair}`: that execution plus `buy_order_id`, `sell_order_id`; in the
 *   Liquid profile `quantity` a string and `price` a number, as the one client that typed this
 *   channel had them.
 * @module
 */
import type { ExecutionRecord } from '../../exchange/index.js';
import { executionWire } from '../../wire/serializers/market.js';
import { text, timestampText } from '../../wire/serializers/values.js';
import type { WireObject } from '../../wire/json.js';

/** The two order ids of an execution. */
export interface ExecutionOrders {
  readonly buyOrderId: number;
  readonly sellOrderId: number;
}

/** An `executions_cash_…` payload. */
export function executionEventWire(execution: ExecutionRecord, liquid: boolean): WireObject {
  const wire = executionWire(execution, liquid);
  wire['timestamp'] = timestampText(execution.timestamp);
  return wire;
}

/** An `execution_details_cash_…` payload. */
export function executionDetailsWire(execution: ExecutionRecord, orders: ExecutionOrders, liquid: boolean): WireObject {
  const wire = executionEventWire(execution, liquid);
  if (liquid) wire['quantity'] = text(execution.quantity);
  wire['buy_order_id'] = orders.buyOrderId;
  wire['sell_order_id'] = orders.sellOrderId;
  return wire;
}
