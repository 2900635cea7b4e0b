import { IntField, TextField } from '../core/fields.js';
import { Execution } from './execution.js';
import type { OrUnknown, Side } from '../constants.js';

/**
 * One of your own executions (fills): a public execution plus your side and order.
 * @group Entities
 * @hideconstructor
 */
export class MyExecution extends Execution {
  /** Your side of the trade, `buy` or `sell`. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('my_side') mySide!: OrUnknown<Side>;
  /** The order that filled (with `withDetails`, or inside an order). */
  @IntField('order_id', { nullable: true }) orderId!: number | null;
  /** That order's client id, if it had one. */
  @TextField('client_order_id', { nullable: true }) clientOrderId!: string | null;
}
