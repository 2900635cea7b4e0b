import type { Decimal } from 'decimal.js';
import { DateField, DecimalField, IntField, TextField } from '../core/fields.js';
import type { LoanBidStatus, OrUnknown } from '../constants.js';

const optional = { nullable: true } as const;

/**
 * A lending offer.
 * @group Entities
 * @hideconstructor
 */
export class LoanBid {
  /** Bid id. */
  @IntField('id') id!: number;
  /** `limit`. */
  @TextField('bidask_type', optional) bidaskType!: string | null;
  /** Amount offered. */
  @DecimalField('quantity') quantity!: Decimal;
  /** Currency lent. */
  @TextField('currency') currency!: string;
  /** `bid`. */
  @TextField('side', optional) side!: string | null;
  /** Amount lent out so far. */
  @DecimalField('filled_quantity', optional) filledQuantity!: Decimal | null;
  /** `live` or `closed`. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('status') status!: OrUnknown<LoanBidStatus>;
  /** Daily interest rate. */
  @DecimalField('rate') rate!: Decimal;
  /** Lender's user id. */
  @IntField('user_id', optional) userId!: number | null;
  /** When it was created. */
  @DateField('created_at', optional) createdAt!: Date | null;
  /** When it last changed. */
  @DateField('updated_at', optional) updatedAt!: Date | null;
}
