import { IntField, TextField } from '../core/fields.js';

const optional = { nullable: true } as const;

/**
 * A bank account registered for fiat withdrawals.
 * @group Entities
 * @hideconstructor
 */
export class BankAccount {
  /** Bank account id (the `bankAccountId` of `withdrawals.create`). */
  @IntField('id') id!: number;
  /** Account holder. */
  @TextField('acc_name', optional) accName!: string | null;
  /** Bank. */
  @TextField('bank', optional) bank!: string | null;
  /** Branch. */
  @TextField('bank_branch', optional) bankBranch!: string | null;
  /** Account number. */
  @TextField('acc_number', optional) accNumber!: string | null;
  /** Address. */
  @TextField('address', optional) address!: string | null;
  /** SWIFT code. */
  @TextField('swift', optional) swift!: string | null;
  /** Country. */
  @TextField('country', optional) country!: string | null;
  /** Status, e.g. `approved`. */
  @TextField('status', optional) status!: string | null;
}
