import { IntField, TextField } from '../core/fields.js';

const optional = { nullable: true } as const;

/**
 * A saved withdrawal address.
 * @group Entities
 * @hideconstructor
 */
export class CryptoWithdrawalAddress {
  /** Address id. */
  @IntField('id') id!: number;
  /** The address. */
  @TextField('address') address!: string;
  /** Currency. */
  @TextField('currency') currency!: string;
  /** Network. */
  @TextField('network', optional) network!: string | null;
  /** Chain name. */
  @TextField('chain_name', optional) chainName!: string | null;
  /** Status, e.g. `confirmed`. */
  @TextField('status', optional) status!: string | null;
  /** Your label. */
  @TextField('label', optional) label!: string | null;
  /** Memo type (XLM …). */
  @TextField('memo_type', optional) memoType!: string | null;
  /** Memo value. */
  @TextField('memo_value', optional) memoValue!: string | null;
  /** Name of the recipient, when given (travel-rule field; never captured with a value). */
  @TextField('recipient_name', optional) recipientName!: string | null;
  /** The exchange the address belongs to, when given (never captured with a value). */
  @TextField('crypto_exchange', optional) cryptoExchange!: string | null;
}
