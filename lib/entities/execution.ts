import type { Decimal } from 'decimal.js';
import { DateField, DecimalField, IntField, TextField } from '../core/fields.js';
import type { OrUnknown, Side } from '../constants.js';

/**
 * A public trade (execution) on a product.
 * @group Entities
 * @hideconstructor
 */
export class Execution {
  /** Execution id. */
  @IntField('id') id!: number;
  /** Quantity traded, in base currency. */
  @DecimalField('quantity') quantity!: Decimal;
  /** Price. */
  @DecimalField('price') price!: Decimal;
  /** Side of the taker, `buy` or `sell`. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('taker_side') takerSide!: OrUnknown<Side>;
  /** When it happened (whole seconds). */
  @DateField('created_at') createdAt!: Date;
  /** When it happened, with sub-second precision (Liquid era; `null` when not sent). */
  @DateField('timestamp', { nullable: true }) timestamp!: Date | null;
}
