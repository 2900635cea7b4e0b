import * as input from '../core/coerce.js';
import { path } from '../core/path.js';
import { ApiResource, listOf } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { TradingAccount } from '../entities/trading-account.js';

/**
 * `client.tradingAccounts`: margin trading accounts.
 * @group Resources
 */
export class TradingAccounts extends ApiResource {
  /**
   * Your trading accounts.
   * @example
   * ```ts
   * const accounts = await client.tradingAccounts.list();
   * ```
   */
  async list(options?: CallOptions): Promise<TradingAccount[]> {
    return this.GET(listOf(TradingAccount), '/trading_accounts', { options });
  }

  /**
   * One trading account.
   * @example
   * ```ts
   * const account = await client.tradingAccounts.get(1759);
   * ```
   */
  async get(id: number | string, options?: CallOptions): Promise<TradingAccount> {
    return this.GET(TradingAccount, path`/trading_accounts/${input.id(id, 'id')}`, { options });
  }

  /**
   * Sets a trading account's leverage level.
   * @example
   * ```ts
   * await client.tradingAccounts.updateLeverage(1759, 25);
   * ```
   */
  async updateLeverage(id: number | string, leverageLevel: number, options?: CallOptions): Promise<TradingAccount> {
    const body = { trading_account: { leverage_level: input.wholeNumber(leverageLevel, 'leverageLevel', 1) } };
    return this.PUT(TradingAccount, path`/trading_accounts/${input.id(id, 'id')}`, { body, options });
  }
}
