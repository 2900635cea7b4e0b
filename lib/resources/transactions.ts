import * as input from '../core/coerce.js';
import type { PagedCall } from '../core/pagination.js';
import { ApiResource, type PageOptions } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { Transaction } from '../entities/transaction.js';

/**
 * Filters of {@link Transactions.list}.
 * @group Parameters
 */
export interface TransactionListOptions extends PageOptions {
  /** Currency. */
  readonly currency?: string;
  /** Type, e.g. `funding`. */
  readonly transactionType?: string;
}

/**
 * `client.transactions`: the legacy transaction log.
 * @group Resources
 */
export class Transactions extends ApiResource {
  /**
   * Your transactions, page by page.
   * @example
   * ```ts
   * for await (const t of client.transactions.list({ currency: 'USD' })) console.log(t.grossAmount.toFixed());
   * ```
   */
  list(filters: TransactionListOptions = {}, options?: CallOptions): PagedCall<Transaction> {
    return this.pages(Transaction, filters, () => ({
      path: '/transactions',
      query: {
        currency: input.optional(filters.currency, (v) => input.currency(v, 'currency')),
        transaction_type: input.optional(filters.transactionType, (v) => input.text(v, 'transactionType', 64)),
      },
      options,
    }));
  }
}
