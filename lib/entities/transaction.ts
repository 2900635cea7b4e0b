import type { Decimal } from 'decimal.js';
import { DateField, DecimalField, EntityField, IntField, JsonField, TextField } from '../core/fields.js';
import { TransactionLoan } from './transaction-loan.js';

const optional = { nullable: true } as const;

/**
 * A legacy transaction row (`GET /transactions`).
 * @group Entities
 * @hideconstructor
 */
export class Transaction {
  /** Transaction id. */
  @IntField('id') id!: number;
  /** The action the row belongs to (null in every capture). */
  @IntField('action_id', optional) actionId!: number | null;
  /** Currency of the amounts (present in the 2020 capture). */
  @TextField('currency', optional) currency!: string | null;
  /** Type, e.g. `funding`, `trade`. */
  @TextField('transaction_type') transactionType!: string;
  /** Gross amount. */
  @DecimalField('gross_amount') grossAmount!: Decimal;
  /** Net amount. */
  @DecimalField('net_amount', optional) netAmount!: Decimal | null;
  /** Exchange fee. */
  @DecimalField('exchange_fee', optional) exchangeFee!: Decimal | null;
  /** Network fee. */
  @DecimalField('network_fee', optional) networkFee!: Decimal | null;
  /** Source account. */
  @IntField('from_account_id', optional) fromAccountId!: number | null;
  /** Destination account. */
  @IntField('to_account_id', optional) toAccountId!: number | null;
  /** Source role. */
  @TextField('from_role', optional) fromRole!: string | null;
  /** Destination role. */
  @TextField('to_role', optional) toRole!: string | null;
  /** State. */
  @TextField('state', optional) state!: string | null;
  /** Transaction hash. */
  @TextField('transaction_hash', optional) transactionHash!: string | null;
  /** The execution it settles, as sent. */
  @JsonField('execution', optional) execution!: unknown;
  /** The loan it settles (lending rows). */
  @EntityField('loan', () => TransactionLoan, optional) loan!: TransactionLoan | null;
  /** Notes. */
  @TextField('notes', optional) notes!: string | null;
  /** When it happened. */
  @DateField('created_at') createdAt!: Date;
}
