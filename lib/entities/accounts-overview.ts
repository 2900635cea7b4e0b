import { EntityArrayField } from '../core/fields.js';
import { CryptoAccount } from './crypto-account.js';
import { FiatAccount } from './fiat-account.js';

/**
 * Every account of the user (`GET /accounts`).
 * @group Entities
 * @hideconstructor
 */
export class AccountsOverview {
  /** Fiat accounts. */
  @EntityArrayField('fiat_accounts', () => FiatAccount) fiatAccounts!: FiatAccount[];
  /** Crypto accounts. */
  @EntityArrayField('crypto_accounts', () => CryptoAccount) cryptoAccounts!: CryptoAccount[];
}
