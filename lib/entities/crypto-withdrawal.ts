import type { Decimal } from 'decimal.js';
import { DateField, DecimalField, IntField, TextField } from '../core/fields.js';
import type { CryptoWithdrawalState, OrUnknown } from '../constants.js';

const optional = { nullable: true } as const;

/**
 * A crypto withdrawal.
 * @group Entities
 * @hideconstructor
 */
export class CryptoWithdrawal {
  /** Withdrawal id. */
  @IntField('id') id!: number;
  /** Destination address. */
  @TextField('address') address!: string;
  /** Amount. */
  @DecimalField('amount') amount!: Decimal;
  /** Currency. */
  @TextField('currency') currency!: string;
  /** `pending`, `processing`, `processed`, `cancelled`, … (see {@link CryptoWithdrawalState}). An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('state') state!: OrUnknown<CryptoWithdrawalState>;
  /** Fee charged. */
  @DecimalField('withdrawal_fee', optional) withdrawalFee!: Decimal | null;
  /** Payment id / memo (XRP …). */
  @TextField('payment_id', optional) paymentId!: string | null;
  /** Transaction hash, once broadcast. */
  @TextField('transaction_hash', optional) transactionHash!: string | null;
  /** Network, e.g. `ERC20`. */
  @TextField('network', optional) network!: string | null;
  /** Chain name. */
  @TextField('chain_name', optional) chainName!: string | null;
  /** Wallet label. */
  @TextField('wallet_label', optional) walletLabel!: string | null;
  /** When it was broadcast. */
  @DateField('broadcasted_at', optional) broadcastedAt!: Date | null;
  /** When it was requested. */
  @DateField('created_at') createdAt!: Date;
  /** When it last changed. */
  @DateField('updated_at', optional) updatedAt!: Date | null;
}
