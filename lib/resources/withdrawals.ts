import * as input from '../core/coerce.js';
import type { DecimalInput } from '../core/decimal.js';
import type { PagedCall } from '../core/pagination.js';
import { path } from '../core/path.js';
import { ApiResource, defined, listOf, type PageOptions } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { BankAccount } from '../entities/bank-account.js';
import { Withdrawal } from '../entities/withdrawal.js';

/**
 * Parameters of {@link Withdrawals.create}.
 * @group Parameters
 */
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

/**
 * `client.withdrawals`: fiat withdrawals.
 * @group Resources
 */
export class Withdrawals extends ApiResource {
  /**
   * Your bank accounts: where fiat withdrawals go.
   * @example
   * ```ts
   * const [account] = await client.withdrawals.bankAccounts();
   * ```
   */
  async bankAccounts(options?: CallOptions): Promise<BankAccount[]> {
    return this.GET(listOf(BankAccount), '/bank_accounts', { options });
  }

  /**
   * Your fiat withdrawals, page by page.
   * @example
   * ```ts
   * const page = await client.withdrawals.list();
   * ```
   */
  list(paging: PageOptions = {}, options?: CallOptions): PagedCall<Withdrawal> {
    return this.pages(Withdrawal, paging, () => ({ path: '/withdrawals', options }));
  }

  /**
   * Requests a fiat withdrawal to a bank account.
   * @example
   * ```ts
   * await client.withdrawals.create({ currency: 'JPY', amount: '250000', bankAccountId: 100, authCode: '123456' });
   * ```
   */
  async create(params: WithdrawalCreateParams, options?: CallOptions): Promise<Withdrawal> {
    input.object(params, 'params');
    const withdrawal = {
      currency: input.currency(params.currency, 'currency'),
      amount: input.decimalText(params.amount, 'amount', 'positive'),
      bank_account_id: input.id(params.bankAccountId, 'bankAccountId'),
    };
    const body = defined({
      auth_code: input.optional(params.authCode, (v) => input.text(v, 'authCode', 32)),
      withdrawal,
    });
    return this.POST(Withdrawal, '/withdrawals', { body, options });
  }

  /**
   * Cancels a pending fiat withdrawal.
   * @example
   * ```ts
   * await client.withdrawals.cancel(12388);
   * ```
   */
  async cancel(id: number | string, options?: CallOptions): Promise<Withdrawal> {
    return this.PUT(Withdrawal, path`/withdrawals/${input.id(id, 'id')}/cancel`, { options });
  }
}
