import { TextField } from '../core/fields.js';

/**
 * Where to deposit a crypto currency (`GET`/`POST /fund_infos`). The exchange's response was never
 * recorded; this reads the shape the sandbox serves.
 * @group Entities
 * @hideconstructor
 */
export class DepositInfo {
  /** Currency. */
  @TextField('currency') currency!: string;
  /** Deposit address. */
  @TextField('address') address!: string;
  /** Memo or destination tag, when the currency needs one. */
  @TextField('memo_value', { nullable: true }) memoValue!: string | null;
}
