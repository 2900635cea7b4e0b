import type { Decimal } from 'decimal.js';
import { DecimalField, TextField } from '../core/fields.js';
import { CurrencyAccount } from './currency-account.js';

const optional = { nullable: true } as const;

/**
 * A crypto account.
 * @group Entities
 * @hideconstructor
 */
export class CryptoAccount extends CurrencyAccount {
  /** Deposit address. */
  @TextField('address', optional) address!: string | null;
  /** Minimum withdrawal. */
  @DecimalField('minimum_withdraw', optional) minimumWithdraw!: Decimal | null;
}
