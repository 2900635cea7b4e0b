import type { Decimal } from 'decimal.js';
import { DateField, DecimalField, IntField, JsonField, TextField } from '../core/fields.js';

const optional = { nullable: true } as const;

/** A legacy transaction row (`GET /transactions`). */
export class Transaction {
  /** Transaction id. */
  @IntField('id') id!: number;
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
  /** The loan it settles, as sent. */
  @JsonField('loan', optional) loan!: unknown;
  /** Notes. */
  @TextField('notes', optional) notes!: string | null;
  /** When it happened. */
  @DateField('created_at') createdAt!: Date;
}
