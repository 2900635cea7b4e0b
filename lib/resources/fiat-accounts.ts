import * as input from '../core/coerce.js';
import { ApiResource, listOf } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { FiatAccount } from '../entities/fiat-account.js';

/**
 * Fiat accounts (`client.accounts.fiat`).
 * @group Resources
 */
export class FiatAccounts extends ApiResource {
  /**
   * Your fiat accounts.
   * @example
   * ```ts
   * const fiat = await client.accounts.fiat.list();
   * ```
   */
  async list(options?: CallOptions): Promise<FiatAccount[]> {
    return this.GET(listOf(FiatAccount), '/fiat_accounts', { options });
  }

  /**
   * Opens a fiat account in `currency`.
   * @example
   * ```ts
   * await client.accounts.fiat.create('SGD');
   * ```
   */
  async create(currency: string, options?: CallOptions): Promise<FiatAccount> {
    return this.POST(FiatAccount, '/fiat_accounts', {
      body: { currency: input.currency(currency, 'currency') },
      options,
    });
  }
}
