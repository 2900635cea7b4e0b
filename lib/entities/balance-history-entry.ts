import type { Decimal } from 'decimal.js';
import { DateField, DecimalField, IntField, TextField } from '../core/fields.js';

const optional = { nullable: true } as const;

/**
 * A balance-history row (`GET /balance_history`).
 * @group Entities
 * @hideconstructor
 */
export class BalanceHistoryEntry {
  /** Row id. */
  @IntField('id') id!: number;
  /** Currency. */
  @TextField('currency') currency!: string;
  /** Change of the balance. */
  @DecimalField('amount') amount!: Decimal;
  /** Balance after the change. */
  @DecimalField('balance') balance!: Decimal;
  /** What caused it, e.g. `trade`, `fee`. */
  @TextField('source_action', optional) sourceAction!: string | null;
  /** Type of the source object, e.g. `Execution`. */
  @TextField('source_object_type', optional) sourceObjectType!: string | null;
  /** Id of the source object. */
  @IntField('source_object_id', optional) sourceObjectId!: number | null;
  /** When it happened (sub-second). */
  @DateField('timestamp') timestamp!: Date;
}
