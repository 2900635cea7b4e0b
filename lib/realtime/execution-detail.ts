import { IntField } from '../core/fields.js';
import { Execution } from '../entities/execution.js';

/**
 * A public execution with the ids of both orders it matched
 * (`execution_details_cash_{pair}`, event `created`).
 * @group Realtime
 * @hideconstructor
 */
export class ExecutionDetail extends Execution {
  /** The buy order's id. */
  @IntField('buy_order_id') buyOrderId!: number;
  /** The sell order's id. */
  @IntField('sell_order_id') sellOrderId!: number;
}
