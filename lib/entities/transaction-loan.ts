import type { Decimal } from 'decimal.js';
import { DecimalField, TextField } from '../core/fields.js';

const optional = { nullable: true } as const;

/**
 * The loan a lending transaction row settles (`loan` of `GET /transactions`, a 2020 capture).
 * @group Entities
 * @hideconstructor
 */
export class TransactionLoan {
  /** Currency lent. */
  @TextField('currency', optional) currency!: string | null;
  /** Amount lent. */
  @DecimalField('quantity', optional) quantity!: Decimal | null;
  /** Daily interest rate. */
  @DecimalField('rate', optional) rate!: Decimal | null;
}
