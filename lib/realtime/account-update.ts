import type { Decimal } from 'decimal.js';
import { DateField, DecimalField, IntField, TextField } from '../core/fields.js';

const optional = { nullable: true } as const;

/**
 * A balance update of one of your currency accounts (`user_account_{currency}`, event `updated`).
 *
 * The payload of this channel was never captured (quoine-api.md §8.5 lists it as "account balance
 * update"; the older `user_{id}_account_{ccy}` channel carried `data.balance`). We parse the
 * fields of the REST account object that may be present: `balance` is required, everything else
 * is `null` when absent, and `currency` falls back to the channel's currency (upper-cased).
 * @group Realtime
 * @hideconstructor
 */
export class AccountUpdate {
  /** Account id, when sent. */
  @IntField('id', optional) id!: number | null;
  /** Currency, e.g. `JPY` (from the channel when the payload has none). */
  @TextField('currency', optional) currency!: string | null;
  /** Total balance. */
  @DecimalField('balance') balance!: Decimal;
  /** Balance not reserved by orders, loan bids or withdrawals. */
  @DecimalField('free_balance', optional) freeBalance!: Decimal | null;
  /** Balance reserved by live orders, loan bids and pending withdrawals. */
  @DecimalField('reserved_balance', optional) reservedBalance!: Decimal | null;
  /** Unrealised pnl of open positions funded in this currency. */
  @DecimalField('pnl', optional) pnl!: Decimal | null;
  /** Margin in use. */
  @DecimalField('margin', optional) margin!: Decimal | null;
  /** Maintenance margin. */
  @DecimalField('maintenance_margin', optional) maintenanceMargin!: Decimal | null;
  /** When the balance changed, when sent. */
  @DateField('updated_at', optional) updatedAt!: Date | null;
}
