import * as input from '../core/coerce.js';
import type { PagedCall } from '../core/pagination.js';
import { path } from '../core/path.js';
import { ApiResource } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { Loan } from '../entities/loan.js';
import { LoanBids, type LoanListOptions } from './loan-bids.js';

/**
 * `client.loans`: your loans (funds lent from your bids).
 * @group Resources
 */
export class Loans extends ApiResource {
  /** Your lending offers. */
  readonly bids = new LoanBids(this.transport);

  /**
   * Your loans in a currency, page by page.
   * @example
   * ```ts
   * const page = await client.loans.list({ currency: 'USD' });
   * ```
   */
  list(query: LoanListOptions, options?: CallOptions): PagedCall<Loan> {
    return this.pages(Loan, query, () => ({
      path: '/loans',
      query: { currency: input.currency(query.currency, 'currency') },
      options,
    }));
  }

  /**
   * Sets whether a loan's repaid funds are lent out again.
   * @example
   * ```ts
   * await client.loans.update(loan.id, { fundReloaned: false });
   * ```
   */
  async update(id: number | string, changes: { readonly fundReloaned: boolean }, options?: CallOptions): Promise<Loan> {
    input.object(changes, 'changes');
    const loan = { fund_reloaned: input.bool(changes.fundReloaned, 'fundReloaned') };
    return this.PUT(Loan, path`/loans/${input.id(id, 'id')}`, { body: { loan }, options });
  }
}
