import { EntityArrayField } from '../core/fields.js';
import { FeeAmount } from './fee-amount.js';

const optional = { nullable: true } as const;

/**
 * Fee options for an action (`POST /fees/estimate`).
 * @group Entities
 * @hideconstructor
 */
export class FeeEstimate {
  /** Fees without a discount. */
  @EntityArrayField('default', () => FeeAmount, optional) default!: FeeAmount[] | null;
  /** Fees when paying with the discount currency (QASH). */
  @EntityArrayField('trade_fee_discount', () => FeeAmount, optional) tradeFeeDiscount!: FeeAmount[] | null;
}
