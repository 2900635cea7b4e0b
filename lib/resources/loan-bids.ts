import * as input from '../core/coerce.js';
import type { DecimalInput } from '../core/decimal.js';
import type { PagedCall } from '../core/pagination.js';
import { path } from '../core/path.js';
import { ApiResource, type PageOptions } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { LoanBid } from '../entities/loan-bid.js';

/**
 * Options of the loan and loan-bid lists.
 * @group Parameters
 */
export interface LoanListOptions extends PageOptions {
  /** Currency. */
  readonly currency: string;
}

/**
 * Parameters of {@link LoanBids.create}.
 * @group Parameters
 */
export interface LoanBidCreateParams {
  /** Daily interest rate, e.g. `'0.0002'`. */
  readonly rate: DecimalInput;
  /** Amount to lend. */
  readonly quantity: DecimalInput;
  /** Currency to lend. */
  readonly currency: string;
}

/**
 * Your lending offers (`client.loans.bids`).
 * @group Resources
 */
export class LoanBids extends ApiResource {
  /**
   * Offers `quantity` of `currency` for lending at a daily `rate`.
   * @example
   * ```ts
   * const bid = await client.loans.bids.create({ rate: '0.0002', quantity: '50', currency: 'USD' });
   * ```
   */
  async create(params: LoanBidCreateParams, options?: CallOptions): Promise<LoanBid> {
    input.object(params, 'params');
    const loanBid = {
      rate: input.decimalText(params.rate, 'rate', 'positive'),
      quantity: input.decimalText(params.quantity, 'quantity', 'positive'),
      currency: input.currency(params.currency, 'currency'),
    };
    return this.POST(LoanBid, '/loan_bids', { body: { loan_bid: loanBid }, options });
  }

  /**
   * Your loan bids in a currency, page by page.
   * @example
   * ```ts
   * for await (const bid of client.loans.bids.list({ currency: 'USD' })) console.log(bid.status);
   * ```
   */
  list(query: LoanListOptions, options?: CallOptions): PagedCall<LoanBid> {
    return this.pages(LoanBid, query, () => ({
      path: '/loan_bids',
      query: { currency: input.currency(query.currency, 'currency') },
      options,
    }));
  }

  /**
   * Closes a loan bid; what is not lent out is released.
   * @example
   * ```ts
   * await client.loans.bids.close(bid.id);
   * ```
   */
  async close(id: number | string, options?: CallOptions): Promise<LoanBid> {
    return this.PUT(LoanBid, path`/loan_bids/${input.id(id, 'id')}/close`, { options });
  }
}
