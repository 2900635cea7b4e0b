import { toIdInput, toWireDecimal, type DecimalInput } from '../core/decimal.js';
import type { PagedCall } from '../core/pagination.js';
import { path } from '../core/path.js';
import { ApiResource, type PageOptions } from '../core/resource.js';
import type { CallOptions } from '../core/transport.js';
import { currencyCode, defined, optional, text } from '../core/validate.js';
import { BalanceHistoryEntry } from '../entities/balance-history-entry.js';
import { CryptoNetwork } from '../entities/crypto-network.js';
import { CryptoWithdrawal } from '../entities/crypto-withdrawal.js';
import { CryptoWithdrawalAddress } from '../entities/crypto-withdrawal-address.js';
import { Transaction } from '../entities/transaction.js';
import { Withdrawal } from '../entities/withdrawal.js';
import { BankAccount } from '../entities/bank-account.js';
import { toUnixSeconds } from './executions.js';

/** Filters of {@link CryptoWithdrawals.list}. */
export interface CryptoWithdrawalListOptions extends PageOptions {
  /** Currency. */
  readonly currency?: string;
  /** Destination address. */
  readonly address?: string;
  /** State, e.g. `pending`. */
  readonly state?: string;
}

/** Parameters of {@link CryptoWithdrawals.create}. */
export interface CryptoWithdrawalCreateParams {
  /** Currency. */
  readonly currency: string;
  /** Destination address. */
  readonly address: string;
  /** Amount. */
  readonly amount: DecimalInput;
  /** Network, e.g. `ERC20`. */
  readonly network?: string;
  /** Payment id (XRP). */
  readonly paymentId?: string;
  /** Memo type (XLM). */
  readonly memoType?: string;
  /** Memo value (XLM). */
  readonly memoValue?: string;
  /** Two-factor code, unless the token has an IP whitelist. */
  readonly authCode?: string;
}

/** Crypto withdrawals. */
export class CryptoWithdrawals extends ApiResource {
  /**
   * Your crypto withdrawals, page by page.
   * @example
   * ```ts
   * for await (const w of client.cryptoWithdrawals.list({ currency: 'BTC' })) console.log(w.state);
   * ```
   */
  list(filters: CryptoWithdrawalListOptions = {}, options?: CallOptions): PagedCall<CryptoWithdrawal> {
    return this.paged(CryptoWithdrawal, () => {
      const query = {
        currency: optional(filters.currency, (v) => currencyCode(v, 'currency')),
        address: optional(filters.address, (v) => text(v, 'address')),
        state: optional(filters.state, (v) => text(v, 'state', 32)),
      };
      return [{ method: 'GET', path: '/crypto_withdrawals', query, auth: true, safety: 'read', options }, filters] as const;
    });
  }

  /**
   * Requests a crypto withdrawal.
   * @example
   * ```ts
   * await client.cryptoWithdrawals.create({ currency: 'BTC', address: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', amount: '0.01' });
   * ```
   */
  async create(params: CryptoWithdrawalCreateParams, options?: CallOptions): Promise<CryptoWithdrawal> {
    const withdrawal = defined({
      currency: currencyCode(params.currency, 'currency'),
      address: text(params.address, 'address'),
      amount: toWireDecimal(params.amount, 'amount', 'positive'),
      network: optional(params.network, (v) => text(v, 'network', 32)),
      payment_id: optional(params.paymentId, (v) => text(v, 'paymentId')),
      memo_type: optional(params.memoType, (v) => text(v, 'memoType', 32)),
      memo_value: optional(params.memoValue, (v) => text(v, 'memoValue')),
    });
    const body = defined({ auth_code: optional(params.authCode, (v) => text(v, 'authCode', 32)), crypto_withdrawal: withdrawal });
    return this.one(CryptoWithdrawal, { method: 'POST', path: '/crypto_withdrawals', body, auth: true, safety: 'write', options });
  }

  /**
   * Cancels a pending crypto withdrawal.
   * @example
   * ```ts
   * await client.cryptoWithdrawals.cancel(4);
   * ```
   */
  async cancel(id: number | string, options?: CallOptions): Promise<CryptoWithdrawal> {
    return this.one(CryptoWithdrawal, { method: 'PUT', path: path`/crypto_withdrawal/${toIdInput(id, 'id')}/cancel`, auth: true, safety: 'write', options });
  }

  /**
   * The networks a currency can be withdrawn on.
   * @example
   * ```ts
   * const networks = await client.cryptoWithdrawals.networks('USDT');
   * ```
   */
  async networks(currency: string, options?: CallOptions): Promise<CryptoNetwork[]> {
    const query = { currency: currencyCode(currency, 'currency') };
    return this.many(CryptoNetwork, { method: 'GET', path: '/crypto_withdrawals/crypto_networks', query, auth: true, safety: 'read', options });
  }

  /**
   * Your saved withdrawal addresses for a currency, page by page.
   * @example
   * ```ts
   * const page = await client.cryptoWithdrawals.addresses({ currency: 'BTC' });
   * ```
   */
  addresses(query: PageOptions & { readonly currency: string }, options?: CallOptions): PagedCall<CryptoWithdrawalAddress> {
    return this.paged(CryptoWithdrawalAddress, () => {
      const q = { currency: currencyCode(query.currency, 'currency') };
      return [{ method: 'GET', path: '/crypto_withdrawal_addresses', query: q, auth: true, safety: 'read', options }, query] as const;
    });
  }
}

/** Parameters of {@link Withdrawals.create}. */
export interface WithdrawalCreateParams {
  /** Currency. */
  readonly currency: string;
  /** Amount. */
  readonly amount: DecimalInput;
  /** Bank account id. */
  readonly bankAccountId: number | string;
  /** Two-factor code, unless the token has an IP whitelist. */
  readonly authCode?: string;
}

/** Fiat withdrawals. */
export class Withdrawals extends ApiResource {
  /**
   * Your bank accounts: where fiat withdrawals go.
   * @example
   * ```ts
   * const [account] = await client.withdrawals.bankAccounts();
   * ```
   */
  async bankAccounts(options?: CallOptions): Promise<BankAccount[]> {
    return this.many(BankAccount, { method: 'GET', path: '/bank_accounts', auth: true, safety: 'read', options });
  }

  /**
   * Your fiat withdrawals, page by page.
   * @example
   * ```ts
   * const page = await client.withdrawals.list();
   * ```
   */
  list(paging: PageOptions = {}, options?: CallOptions): PagedCall<Withdrawal> {
    return this.paged(Withdrawal, () => {
      return [{ method: 'GET', path: '/withdrawals', auth: true, safety: 'read', options }, paging] as const;
    });
  }

  /**
   * Requests a fiat withdrawal to a bank account.
   * @example
   * ```ts
   * await client.withdrawals.create({ currency: 'JPY', amount: '250000', bankAccountId: 100, authCode: '123456' });
   * ```
   */
  async create(params: WithdrawalCreateParams, options?: CallOptions): Promise<Withdrawal> {
    const withdrawal = {
      currency: currencyCode(params.currency, 'currency'),
      amount: toWireDecimal(params.amount, 'amount', 'positive'),
      bank_account_id: toIdInput(params.bankAccountId, 'bankAccountId'),
    };
    const body = defined({ auth_code: optional(params.authCode, (v) => text(v, 'authCode', 32)), withdrawal });
    return this.one(Withdrawal, { method: 'POST', path: '/withdrawals', body, auth: true, safety: 'write', options });
  }

  /**
   * Cancels a pending fiat withdrawal.
   * @example
   * ```ts
   * await client.withdrawals.cancel(12388);
   * ```
   */
  async cancel(id: number | string, options?: CallOptions): Promise<Withdrawal> {
    return this.one(Withdrawal, { method: 'PUT', path: path`/withdrawals/${toIdInput(id, 'id')}/cancel`, auth: true, safety: 'write', options });
  }
}

/** Filters of {@link Transactions.list}. */
export interface TransactionListOptions extends PageOptions {
  /** Currency. */
  readonly currency?: string;
  /** Type, e.g. `funding`. */
  readonly transactionType?: string;
}

/** The legacy transaction log. */
export class Transactions extends ApiResource {
  /**
   * Your transactions, page by page.
   * @example
   * ```ts
   * for await (const t of client.transactions.list({ currency: 'USD' })) console.log(t.grossAmount.toFixed());
   * ```
   */
  list(filters: TransactionListOptions = {}, options?: CallOptions): PagedCall<Transaction> {
    return this.paged(Transaction, () => {
      const query = {
        currency: optional(filters.currency, (v) => currencyCode(v, 'currency')),
        transaction_type: optional(filters.transactionType, (v) => text(v, 'transactionType', 64)),
      };
      return [{ method: 'GET', path: '/transactions', query, auth: true, safety: 'read', options }, filters] as const;
    });
  }
}

/** Filters of {@link BalanceHistory.list}. */
export interface BalanceHistoryListOptions extends PageOptions {
  /** Currency. */
  readonly currency?: string;
  /** Source action, e.g. `trade`. */
  readonly sourceAction?: string;
  /** Source group. */
  readonly sourceGroup?: string;
  /** Source object type, e.g. `Execution` (with `sourceObjectId`). */
  readonly sourceObjectType?: string;
  /** Source object id. */
  readonly sourceObjectId?: number | string;
  /** From this time (inclusive). */
  readonly since?: Date | number;
  /** Up to this time (inclusive). */
  readonly until?: Date | number;
}

/** Balance history: every change of every balance. */
export class BalanceHistory extends ApiResource {
  /**
   * Balance changes, page by page.
   * @example
   * ```ts
   * for await (const row of client.balanceHistory.list({ currency: 'USD', since: new Date('2026-11-01') })) console.log(row.amount.toFixed());
   * ```
   */
  list(filters: BalanceHistoryListOptions = {}, options?: CallOptions): PagedCall<BalanceHistoryEntry> {
    return this.paged(BalanceHistoryEntry, () => {
      const query = {
        currency: optional(filters.currency, (v) => currencyCode(v, 'currency')),
        source_action: optional(filters.sourceAction, (v) => text(v, 'sourceAction', 64)),
        source_group: optional(filters.sourceGroup, (v) => text(v, 'sourceGroup', 64)),
        source_object_type: optional(filters.sourceObjectType, (v) => text(v, 'sourceObjectType', 64)),
        source_object_id: optional(filters.sourceObjectId, (v) => toIdInput(v, 'sourceObjectId')),
        timestamp_gte: optional(filters.since, (v) => toUnixSeconds(v as Date | number, 'since')),
        timestamp_lte: optional(filters.until, (v) => toUnixSeconds(v as Date | number, 'until')),
      };
      return [{ method: 'GET', path: '/balance_history', query, auth: true, safety: 'read', options }, filters] as const;
    });
  }
}
