import { toIdInput, toWireDecimal, type DecimalInput } from '../core/decimal.js';
import type { PagedCall } from '../core/pagination.js';
import { path } from '../core/path.js';
import { ApiResource, type PageOptions } from '../core/resource.js';
import type { CallOptions } from '../core/transport.js';
import { bool, currencyCode } from '../core/validate.js';
import { Loan } from '../entities/loan.js';
import { LoanBid } from '../entities/loan-bid.js';

/** Options of the loan and loan-bid lists. */
export interface LoanListOptions extends PageOptions {
  /** Currency. */
  readonly currency: string;
}

/** Parameters of {@link LoanBids.create}. */
export interface LoanBidCreateParams {
  /** Daily interest rate, e.g. `'0.0002'`. */
  readonly rate: DecimalInput;
  /** Amount to lend. */
  readonly quantity: DecimalInput;
  /** Currency to lend. */
  readonly currency: string;
}

/** Your lending offers (`client.loans.bids`). */
export class LoanBids extends ApiResource {
  /**
   * Offers `quantity` of `currency` for lending at a daily `rate`.
   * @example
   * ```ts
   * const bid = await client.loans.bids.create({ rate: '0.0002', quantity: '50', currency: 'USD' });
   * ```
   */
  async create(params: LoanBidCreateParams, options?: CallOptions): Promise<LoanBid> {
    const loanBid = {
      rate: toWireDecimal(params.rate, 'rate', 'positive'),
      quantity: toWireDecimal(params.quantity, 'quantity', 'positive'),
      currency: currencyCode(params.currency, 'currency'),
    };
    return this.one(LoanBid, { method: 'POST', path: '/loan_bids', body: { loan_bid: loanBid }, auth: true, safety: 'write', options });
  }

  /**
   * Your loan bids in a currency, page by page.
   * @example
   * ```ts
   * for await (const bid of client.loans.bids.list({ currency: 'USD' })) console.log(bid.status);
   * ```
   */
  list(query: LoanListOptions, options?: CallOptions): PagedCall<LoanBid> {
    return this.paged(LoanBid, () => {
      const q = { currency: currencyCode(query.currency, 'currency') };
      return [{ method: 'GET', path: '/loan_bids', query: q, auth: true, safety: 'read', options }, query] as const;
    });
  }

  /**
   * Closes a loan bid; what is not lent out is released.
   * @example
   * ```ts
   * await client.loans.bids.close(bid.id);
   * ```
   */
  async close(id: number | string, options?: CallOptions): Promise<LoanBid> {
    return this.one(LoanBid, { method: 'PUT', path: path`/loan_bids/${toIdInput(id, 'id')}/close`, auth: true, safety: 'write', options });
  }
}

/** Your loans (funds lent from your bids). */
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
    return this.paged(Loan, () => {
      const q = { currency: currencyCode(query.currency, 'currency') };
      return [{ method: 'GET', path: '/loans', query: q, auth: true, safety: 'read', options }, query] as const;
    });
  }

  /**
   * Sets whether a loan's repaid funds are lent out again.
   * @example
   * ```ts
   * await client.loans.update(loan.id, { fundReloaned: false });
   * ```
   */
  async update(id: number | string, changes: { readonly fundReloaned: boolean }, options?: CallOptions): Promise<Loan> {
    const loan = { fund_reloaned: bool(changes.fundReloaned, 'fundReloaned') };
    return this.one(Loan, { method: 'PUT', path: path`/loans/${toIdInput(id, 'id')}`, body: { loan }, auth: true, safety: 'write', options });
  }
}
