import type { Decimal } from 'decimal.js';
import { DateField, DecimalField, IntField, JsonField, TextField } from '../core/fields.js';
import type { FiatWithdrawalState, OrUnknown } from '../constants.js';

const optional = { nullable: true } as const;

/**
 * A fiat withdrawal to a bank account.
 * @group Entities
 * @hideconstructor
 */
export class Withdrawal {
  /** Withdrawal id. */
  @IntField('id') id!: number;
  /** Currency. */
  @TextField('currency') currency!: string;
  /** Amount. */
  @DecimalField('amount') amount!: Decimal;
  /** `pending` (cancellable), `processed`, `cancelled`, `reverted`, `declined`. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('state') state!: OrUnknown<FiatWithdrawalState>;
  /** The bank account, as the exchange describes it. */
  @JsonField('bank_account', optional) bankAccount!: unknown;
  /** When it was requested. */
  @DateField('created_at') createdAt!: Date;
  /** When it last changed. */
  @DateField('updated_at', optional) updatedAt!: Date | null;
}
