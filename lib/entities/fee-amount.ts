import type { Decimal } from 'decimal.js';
import { DecimalField, TextField } from '../core/fields.js';

/**
 * One fee of an estimate.
 * @group Entities
 * @hideconstructor
 */
export class FeeAmount {
  /** Fee type, e.g. `trade_fee`. */
  @TextField('fee_type') feeType!: string;
  /** Amount (negative for discounts). */
  @DecimalField('amount') amount!: Decimal;
  /** Currency. */
  @TextField('currency') currency!: string;
}
