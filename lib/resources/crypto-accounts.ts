import { ApiResource, listOf } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { CryptoAccount } from '../entities/crypto-account.js';

/**
 * Crypto accounts (`client.accounts.crypto`).
 * @group Resources
 */
export class CryptoAccounts extends ApiResource {
  /**
   * Your crypto accounts.
   * @example
   * ```ts
   * const crypto = await client.accounts.crypto.list();
   * ```
   */
  async list(options?: CallOptions): Promise<CryptoAccount[]> {
    return this.GET(listOf(CryptoAccount), '/crypto_accounts', { options });
  }
}
