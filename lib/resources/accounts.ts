import { path } from '../core/path.js';
import { ApiResource } from '../core/resource.js';
import type { CallOptions } from '../core/transport.js';
import { currencyCode } from '../core/validate.js';
import { Account } from '../entities/account.js';
import { DepositInfo } from '../entities/deposit-info.js';
import { ReservedBalanceDetails } from '../entities/reserved-balance-details.js';
import { AccountsOverview } from '../entities/accounts-overview.js';
import { Balance } from '../entities/balance.js';
import { MainAsset } from '../entities/main-asset.js';
import { CryptoAccount } from '../entities/crypto-account.js';
import { FiatAccount } from '../entities/fiat-account.js';

/** Fiat accounts (`client.accounts.fiat`). */
export class FiatAccounts extends ApiResource {
  /**
   * Your fiat accounts.
   * @example
   * ```ts
   * const fiat = await client.accounts.fiat.list();
   * ```
   */
  async list(options?: CallOptions): Promise<FiatAccount[]> {
    return this.many(FiatAccount, { method: 'GET', path: '/fiat_accounts', auth: true, safety: 'read', options });
  }

  /**
   * Opens a fiat account in `currency`.
   * @example
   * ```ts
   * await client.accounts.fiat.create('SGD');
   * ```
   */
  async create(currency: string, options?: CallOptions): Promise<FiatAccount> {
    const body = { currency: currencyCode(currency, 'currency') };
    return this.one(FiatAccount, { method: 'POST', path: '/fiat_accounts', body, auth: true, safety: 'write', options });
  }
}

/** Crypto accounts (`client.accounts.crypto`). */
export class CryptoAccounts extends ApiResource {
  /**
   * Your crypto accounts.
   * @example
   * ```ts
   * const crypto = await client.accounts.crypto.list();
   * ```
   */
  async list(options?: CallOptions): Promise<CryptoAccount[]> {
    return this.many(CryptoAccount, { method: 'GET', path: '/crypto_accounts', auth: true, safety: 'read', options });
  }
}

/** Your accounts and balances. */
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
    return this.one(AccountsOverview, { method: 'GET', path: '/accounts', auth: true, safety: 'read', options });
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
    return this.one(Account, { method: 'GET', path: path`/accounts/${currencyCode(currency, 'currency')}`, auth: true, safety: 'read', options });
  }

  /**
   * Every balance.
   * @example
   * ```ts
   * for (const b of await client.accounts.balances()) console.log(b.currency, b.balance.toFixed());
   * ```
   */
  async balances(options?: CallOptions): Promise<Balance[]> {
    return this.many(Balance, { method: 'GET', path: '/accounts/balance', auth: true, safety: 'read', options });
  }

  /**
   * The total value of your accounts in your main currency.
   * @example
   * ```ts
   * const { currency, totalAmount } = await client.accounts.mainAsset();
   * ```
   */
  async mainAsset(options?: CallOptions): Promise<MainAsset> {
    return this.one(MainAsset, { method: 'GET', path: '/accounts/main_asset', auth: true, safety: 'read', options });
  }

  /**
   * What holds a currency's reserved balance (live orders). Shape as the sandbox serves it.
   * @example
   * ```ts
   * const { reservedBalance, orderIds } = await client.accounts.reservedBalanceDetails('JPY');
   * ```
   */
  async reservedBalanceDetails(currency: string, options?: CallOptions): Promise<ReservedBalanceDetails> {
    const c = currencyCode(currency, 'currency');
    return this.one(ReservedBalanceDetails, { method: 'GET', path: path`/accounts/${c}/reserved_balance_details`, auth: true, safety: 'read', options });
  }

  /**
   * The deposit address of a crypto currency (`GET /fund_infos`).
   * @example
   * ```ts
   * const { address } = await client.accounts.depositInfo('BTC');
   * ```
   */
  async depositInfo(currency: string, options?: CallOptions): Promise<DepositInfo> {
    const query = { currency: currencyCode(currency, 'currency') };
    return this.one(DepositInfo, { method: 'GET', path: '/fund_infos', query, auth: true, safety: 'read', options });
  }

  /**
   * Creates (or returns) the deposit address of a crypto currency (`POST /fund_infos`).
   * @example
   * ```ts
   * const info = await client.accounts.createDepositInfo('ETH');
   * ```
   */
  async createDepositInfo(currency: string, options?: CallOptions): Promise<DepositInfo> {
    const body = { fund_info: { currency: currencyCode(currency, 'currency') } };
    return this.one(DepositInfo, { method: 'POST', path: '/fund_infos', body, auth: true, safety: 'write', options });
  }
}
