import * as input from '../core/coerce.js';
import type { DecimalInput } from '../core/decimal.js';
import type { PagedCall } from '../core/pagination.js';
import { path } from '../core/path.js';
import { ApiResource, defined, listOf, type PageOptions } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { CryptoNetwork } from '../entities/crypto-network.js';
import { CryptoWithdrawal } from '../entities/crypto-withdrawal.js';
import { CryptoWithdrawalAddress } from '../entities/crypto-withdrawal-address.js';

/**
 * Filters of {@link CryptoWithdrawals.list}.
 * @group Parameters
 */
export interface CryptoWithdrawalListOptions extends PageOptions {
  /** Currency. */
  readonly currency?: string;
  /** Destination address. */
  readonly address?: string;
  /** State, e.g. `pending`. */
  readonly state?: string;
}

/**
 * Parameters of {@link CryptoWithdrawals.create}.
 * @group Parameters
 */
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

/**
 * `client.cryptoWithdrawals`: crypto withdrawals.
 * @group Resources
 */
export class CryptoWithdrawals extends ApiResource {
  /**
   * Your crypto withdrawals, page by page.
   * @example
   * ```ts
   * for await (const w of client.cryptoWithdrawals.list({ currency: 'BTC' })) console.log(w.state);
   * ```
   */
  list(filters: CryptoWithdrawalListOptions = {}, options?: CallOptions): PagedCall<CryptoWithdrawal> {
    return this.pages(CryptoWithdrawal, filters, () => ({
      path: '/crypto_withdrawals',
      query: {
        currency: input.optional(filters.currency, (v) => input.currency(v, 'currency')),
        address: input.optional(filters.address, (v) => input.text(v, 'address')),
        state: input.optional(filters.state, (v) => input.text(v, 'state', 32)),
      },
      options,
    }));
  }

  /**
   * Requests a crypto withdrawal.
   * @example
   * ```ts
   * await client.cryptoWithdrawals.create({ currency: 'BTC', address: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', amount: '0.01' });
   * ```
   */
  async create(params: CryptoWithdrawalCreateParams, options?: CallOptions): Promise<CryptoWithdrawal> {
    input.object(params, 'params');
    const withdrawal = defined({
      currency: input.currency(params.currency, 'currency'),
      address: input.text(params.address, 'address'),
      amount: input.decimalText(params.amount, 'amount', 'positive'),
      network: input.optional(params.network, (v) => input.text(v, 'network', 32)),
      payment_id: input.optional(params.paymentId, (v) => input.text(v, 'paymentId')),
      memo_type: input.optional(params.memoType, (v) => input.text(v, 'memoType', 32)),
      memo_value: input.optional(params.memoValue, (v) => input.text(v, 'memoValue')),
    });
    const body = defined({
      auth_code: input.optional(params.authCode, (v) => input.text(v, 'authCode', 32)),
      crypto_withdrawal: withdrawal,
    });
    return this.POST(CryptoWithdrawal, '/crypto_withdrawals', { body, options });
  }

  /**
   * Cancels a pending crypto withdrawal.
   * @example
   * ```ts
   * await client.cryptoWithdrawals.cancel(4);
   * ```
   */
  async cancel(id: number | string, options?: CallOptions): Promise<CryptoWithdrawal> {
    return this.PUT(CryptoWithdrawal, path`/crypto_withdrawal/${input.id(id, 'id')}/cancel`, { options });
  }

  /**
   * The networks a currency can be withdrawn on.
   * @example
   * ```ts
   * const networks = await client.cryptoWithdrawals.networks('USDT');
   * ```
   */
  async networks(currency: string, options?: CallOptions): Promise<CryptoNetwork[]> {
    return this.GET(listOf(CryptoNetwork), '/crypto_withdrawals/crypto_networks', {
      query: { currency: input.currency(currency, 'currency') },
      options,
    });
  }

  /**
   * Your saved withdrawal addresses for a currency, page by page.
   * @example
   * ```ts
   * const page = await client.cryptoWithdrawals.addresses({ currency: 'BTC' });
   * ```
   */
  addresses(
    query: PageOptions & { readonly currency: string },
    options?: CallOptions,
  ): PagedCall<CryptoWithdrawalAddress> {
    return this.pages(CryptoWithdrawalAddress, query, () => ({
      path: '/crypto_withdrawal_addresses',
      query: { currency: input.currency(query.currency, 'currency') },
      options,
    }));
  }
}
