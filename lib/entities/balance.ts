import type { Decimal } from 'decimal.js';
import { DecimalField, TextField } from '../core/fields.js';

/**
 * A currency's balance (`GET /accounts/balance`).
 * @group Entities
 * @hideconstructor
 */
export class Balance {
  /** Currency, e.g. `BTC`. */
  @TextField('currency') currency!: string;
  /** Balance. */
  @DecimalField('balance') balance!: Decimal;
}
