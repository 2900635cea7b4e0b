import { toIdInput } from '../core/decimal.js';
import { QuoineRequestError } from '../core/errors.js';
import { path } from '../core/path.js';
import { ApiResource } from '../core/resource.js';
import type { CallOptions } from '../core/transport.js';
import { arrayOf, toInt } from '../core/wire-values.js';
import { TradingAccount } from '../entities/trading-account.js';

/** Margin trading accounts. */
export class TradingAccounts extends ApiResource {
  /**
   * Your trading accounts.
   * @example
   * ```ts
   * const accounts = await client.tradingAccounts.list();
   * ```
   */
  async list(options?: CallOptions): Promise<TradingAccount[]> {
    return this.many(TradingAccount, { method: 'GET', path: '/trading_accounts', auth: true, safety: 'read', options });
  }

  /**
   * One trading account.
   * @example
   * ```ts
   * const account = await client.tradingAccounts.get(1759);
   * ```
   */
  async get(id: number | string, options?: CallOptions): Promise<TradingAccount> {
    return this.one(TradingAccount, { method: 'GET', path: path`/trading_accounts/${toIdInput(id, 'id')}`, auth: true, safety: 'read', options });
  }

  /**
   * Sets a trading account's leverage level.
   * @example
   * ```ts
   * await client.tradingAccounts.updateLeverage(1759, 25);
   * ```
   */
  async updateLeverage(id: number | string, leverageLevel: number, options?: CallOptions): Promise<TradingAccount> {
    if (!Number.isSafeInteger(leverageLevel) || leverageLevel < 1) {
      throw new QuoineRequestError(`leverageLevel must be a whole number ≥ 1, got ${String(leverageLevel)}`, 'leverageLevel');
    }
    const body = { trading_account: { leverage_level: leverageLevel } };
    return this.one(TradingAccount, { method: 'PUT', path: path`/trading_accounts/${toIdInput(id, 'id')}`, body, auth: true, safety: 'write', options });
  }
}

/** The user's settings. */
export class Users extends ApiResource {
  /**
   * The leverage levels your account may use, e.g. `[100, 50, 25, 10, 5, 4, 2]`.
   * @example
   * ```ts
   * const levels = await client.users.leverageLimitation();
   * ```
   */
  async leverageLimitation(options?: CallOptions): Promise<number[]> {
    return this.value({ method: 'GET', path: '/users/leverage_limitation', auth: true, safety: 'read', options }, arrayOf(toInt));
  }
}
