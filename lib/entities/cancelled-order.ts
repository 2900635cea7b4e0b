import { IntField, TextField } from '../core/fields.js';

const optional = { nullable: true } as const;

/**
 * An order cancelled by `orders.cancelAll`.
 * @group Entities
 * @hideconstructor
 */
export class CancelledOrder {
  /** Order id. */
  @IntField('id') id!: number;
  /** Its client id, if any. */
  @TextField('client_order_id', optional) clientOrderId!: string | null;
}
