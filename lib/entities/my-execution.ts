import { IntField, TextField } from '../core/fields.js';
import { Execution } from './execution.js';

/** One of your own executions (fills): a public execution plus your side and order. */
export class MyExecution extends Execution {
  /** Your side of the trade, `buy` or `sell`. */
  @TextField('my_side') mySide!: string;
  /** The order that filled (with `withDetails`, or inside an order). */
  @IntField('order_id', { nullable: true }) orderId!: number | null;
  /** That order's client id, if it had one. */
  @TextField('client_order_id', { nullable: true }) clientOrderId!: string | null;
}
