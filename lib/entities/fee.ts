import type { Decimal } from 'decimal.js';
import { DecimalField, IntField, JsonField, TextField } from '../core/fields.js';

const optional = { nullable: true } as const;

/**
 * A fee rule (`/fees`, `/user/fees`).
 * @group Entities
 * @hideconstructor
 */
export class Fee {
  /** Rule id. */
  @IntField('id') id!: number;
  /** `trade_fee`, `withdrawal_fee`, … */
  @TextField('fee_type') feeType!: string;
  /** Rule priority. */
  @IntField('priority', optional) priority!: number | null;
  /** When the rule applies, e.g. `{ fee_tier: "0", maker_taker: "taker" }` (numbers as exact strings). */
  @JsonField('conditions', optional) conditions!: unknown;
  /** Description. */
  @TextField('description', optional) description!: string | null;
  /** `percentage` or `fixed`. */
  @TextField('charge_type', optional) chargeType!: string | null;
  /** The rate or the amount. */
  @DecimalField('charge_value', optional) chargeValue!: Decimal | null;
  /** Currency of a fixed charge. */
  @TextField('charge_base_currency', optional) chargeBaseCurrency!: string | null;
}
