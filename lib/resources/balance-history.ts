import * as input from '../core/coerce.js';
import type { PagedCall } from '../core/pagination.js';
import { ApiResource, type PageOptions } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { BalanceHistoryEntry } from '../entities/balance-history-entry.js';

/**
 * Filters of {@link BalanceHistory.list}.
 * @group Parameters
 */
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

/**
 * `client.balanceHistory`: every change of every balance.
 * @group Resources
 */
export class BalanceHistory extends ApiResource {
  /**
   * Balance changes, page by page.
   * @example
   * ```ts
   * for await (const row of client.balanceHistory.list({ currency: 'USD', since: new Date('2026-11-01') })) console.log(row.amount.toFixed());
   * ```
   */
  list(filters: BalanceHistoryListOptions = {}, options?: CallOptions): PagedCall<BalanceHistoryEntry> {
    return this.pages(BalanceHistoryEntry, filters, () => ({
      path: '/balance_history',
      query: {
        currency: input.optional(filters.currency, (v) => input.currency(v, 'currency')),
        source_action: input.optional(filters.sourceAction, (v) => input.text(v, 'sourceAction', 64)),
        source_group: input.optional(filters.sourceGroup, (v) => input.text(v, 'sourceGroup', 64)),
        source_object_type: input.optional(filters.sourceObjectType, (v) => input.text(v, 'sourceObjectType', 64)),
        source_object_id: input.optional(filters.sourceObjectId, (v) => input.id(v, 'sourceObjectId')),
        timestamp_gte: input.optional(filters.since, (v) => input.unixSeconds(v, 'since')),
        timestamp_lte: input.optional(filters.until, (v) => input.unixSeconds(v, 'until')),
      },
      options,
    }));
  }
}
