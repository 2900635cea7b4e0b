import type { Decimal } from 'decimal.js';
import { BoolField, DateField, DecimalField, IntField, TextField } from '../core/fields.js';
import type { LoanStatus, OrUnknown } from '../constants.js';

const optional = { nullable: true } as const;

/**
 * A loan: funds lent from a loan bid to a margin position.
 * @group Entities
 * @hideconstructor
 */
export class Loan {
  /** Loan id. */
  @IntField('id') id!: number;
  /** Amount lent. */
  @DecimalField('quantity') quantity!: Decimal;
  /** Daily interest rate. */
  @DecimalField('rate') rate!: Decimal;
  /** Currency lent. */
  @TextField('currency') currency!: string;
  /** `open` or `closed`. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('status') status!: OrUnknown<LoanStatus>;
  /** Lender's user id. */
  @IntField('lender_id', optional) lenderId!: number | null;
  /** Borrower's user id. */
  @IntField('borrower_id', optional) borrowerId!: number | null;
  /** Whether repaid funds are lent out again. */
  @BoolField('fund_reloaned', optional) fundReloaned!: boolean | null;
  /** When it was created. */
  @DateField('created_at', optional) createdAt!: Date | null;
  /** When it last changed. */
  @DateField('updated_at', optional) updatedAt!: Date | null;
}
