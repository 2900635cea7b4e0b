import type { Decimal } from 'decimal.js';
import { DecimalField, IntField, TextField } from '../core/fields.js';

const optional = { nullable: true } as const;

/**
 * One currency's account with its free and reserved balance (`GET /accounts/{currency}`).
 * @group Entities
 * @hideconstructor
 */
export class Account {
  /** Account id. */
  @IntField('id', optional) id!: number | null;
  /** Currency, e.g. `USD`. */
  @TextField('currency') currency!: string;
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
}
