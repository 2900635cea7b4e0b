import type { Decimal } from 'decimal.js';
import { DecimalField, Field, TextField, arrayCodec } from '../core/fields.js';
import { intCodec } from '../core/wire-values.js';

/**
 * What holds a currency's reserved balance (`GET /accounts/{currency}/reserved_balance_details`).
 * The exchange's response was never recorded; this reads the shape the sandbox serves.
 * @group Entities
 * @hideconstructor
 */
export class ReservedBalanceDetails {
  /** Currency. */
  @TextField('currency') currency!: string;
  /** Reserved balance. */
  @DecimalField('reserved_balance') reservedBalance!: Decimal;
  /** Live orders reserving this currency. */
  @Field('order_ids', arrayCodec(intCodec)) orderIds!: number[];
}
