import type { Decimal } from 'decimal.js';
import { DateField, DecimalField, IntField, TextField } from '../core/fields.js';

const optional = { nullable: true } as const;

/**
 * The user's fee tier and traded volumes (`GET /user/fee_tier`).
 * @group Entities
 * @hideconstructor
 */
export class FeeTier {
  /** Tier number. */
  @IntField('fee_tier') feeTier!: number;
  /** Start of the period. */
  @DateField('from_time', optional) fromTime!: Date | null;
  /** End of the period. */
  @DateField('to_time', optional) toTime!: Date | null;
  /** Currency of the volumes. */
  @TextField('in_currency', optional) inCurrency!: string | null;
  /** Spot volume. */
  @DecimalField('currency_pair_volume', optional) currencyPairVolume!: Decimal | null;
  /** Perpetual volume. */
  @DecimalField('perpetual_volume', optional) perpetualVolume!: Decimal | null;
}
