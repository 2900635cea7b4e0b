import * as input from '../core/coerce.js';
import { path } from '../core/path.js';
import { ApiResource, listOf } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { Account } from '../entities/account.js';
import { DepositInfo } from '../entities/deposit-info.js';
import { ReservedBalanceDetails } from '../entities/reserved-balance-details.js';
import { AccountsOverview } from '../entities/accounts-overview.js';
import { Balance } from '../entities/balance.js';
import { MainAsset } from '../entities/main-asset.js';
import { CryptoAccounts } from './crypto-accounts.js';
import { FiatAccounts } from './fiat-accounts.js';

/**
 * `client.accounts`: your accounts and balances.
 * @group Resources
 */
export class Accounts extends ApiResource {
  /** Fiat accounts. */
  readonly fiat = new FiatAccounts(this.transport);
  /** Crypto accounts. */
  readonly crypto = new CryptoAccounts(this.transport);

  /**
   * Every fiat and crypto account.
   * @example
   * ```ts
   * const { fiatAccounts, cryptoAccounts } = await client.accounts.list();
   * ```
   */
  async list(options?: CallOptions): Promise<AccountsOverview> {
    return this.GET(AccountsOverview, '/accounts', { options });
  }

  /**
   * One currency's account, with free and reserved balance.
   * @example
   * ```ts
   * const usd = await client.accounts.get('USD');
   * console.log(usd.freeBalance?.toFixed());
   * ```
   */
  async get(currency: string, options?: CallOptions): Promise<Account> {
    return this.GET(Account, path`/accounts/${input.currency(currency, 'currency')}`, { options });
  }

  /**
   * Every balance.
   * @example
   * ```ts
   * for (const b of await client.accounts.balances()) console.log(b.currency, b.balance.toFixed());
   * ```
   */
  async balances(options?: CallOptions): Promise<Balance[]> {
    return this.GET(listOf(Balance), '/accounts/balance', { options });
  }

  /**
   * The total value of your accounts in your main currency.
   * @example
   * ```ts
   * const { currency, totalAmount } = await client.accounts.mainAsset();
   * ```
   */
  async mainAsset(options?: CallOptions): Promise<MainAsset> {
    return this.GET(MainAsset, '/accounts/main_asset', { options });
  }

  /**
   * What holds a currency's reserved balance (live orders). Shape as the sandbox serves it.
   * @example
   * ```ts
   * const { reservedBalance, orderIds } = await client.accounts.reservedBalanceDetails('JPY');
   * ```
   */
  async reservedBalanceDetails(currency: string, options?: CallOptions): Promise<ReservedBalanceDetails> {
    return this.GET(
      ReservedBalanceDetails,
      path`/accounts/${input.currency(currency, 'currency')}/reserved_balance_details`,
      { options },
    );
  }

  /**
   * The deposit address of a crypto currency (`GET /fund_infos`).
   * @example
   * ```ts
   * const { address } = await client.accounts.depositInfo('BTC');
   * ```
   */
  async depositInfo(currency: string, options?: CallOptions): Promise<DepositInfo> {
    return this.GET(DepositInfo, '/fund_infos', { query: { currency: input.currency(currency, 'currency') }, options });
  }

  /**
   * Creates (or returns) the deposit address of a crypto currency (`POST /fund_infos`).
   * @example
   * ```ts
   * const info = await client.accounts.createDepositInfo('ETH');
   * ```
   */
  async createDepositInfo(currency: string, options?: CallOptions): Promise<DepositInfo> {
    const body = { fund_info: { currency: input.currency(currency, 'currency') } };
    return this.POST(DepositInfo, '/fund_infos', { body, options });
  }
}
