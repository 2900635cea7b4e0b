import type { Decimal } from 'decimal.js';
import { DecimalField, TextField } from '../core/fields.js';

/**
 * The account's total value in its main currency (`GET /accounts/main_asset`).
 * @group Entities
 * @hideconstructor
 */
export class MainAsset {
  /** The main currency, e.g. `JPY`. */
  @TextField('currency') currency!: string;
  /** Total value of all accounts in that currency. */
  @DecimalField('total_amount') totalAmount!: Decimal;
}
