import * as input from '../core/coerce.js';
import { QuoineResponseError } from '../core/errors.js';
import type { PagedCall } from '../core/pagination.js';
import { ApiResource, MAX_PAGE_SIZE, listOf, type PageOptions } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { Execution } from '../entities/execution.js';
import { MyExecution } from '../entities/my-execution.js';

/**
 * Options of {@link Executions.list}.
 * @group Parameters
 */
export interface ExecutionListOptions extends PageOptions {
  /** The product. */
  readonly productId: number | string;
}

/**
 * Options of {@link Executions.mine}.
 * @group Parameters
 */
export interface MyExecutionListOptions extends ExecutionListOptions {
  /** Include each execution's `orderId`. */
  readonly withDetails?: boolean;
}

/**
 * Options of {@link Executions.since}.
 * @group Parameters
 */
export interface ExecutionsSinceOptions {
  /** The product. */
  readonly productId: number | string;
  /** Start time, inclusive: a Date or Unix seconds. */
  readonly timestamp: Date | number;
  /** At most this many (1–1000; default 1000). */
  readonly limit?: number;
}

/**
 * Options of {@link Executions.all}.
 * @group Parameters
 */
export interface ExecutionsWalkOptions {
  /** The product. */
  readonly productId: number | string;
  /** Start time, inclusive: a Date or Unix seconds. */
  readonly since: Date | number;
}

/**
 * `client.executions`: public trades (executions) of a product.
 * @group Resources
 */
export class Executions extends ApiResource {
  /**
   * Public executions, newest first, page by page. Awaiting gives the first page; `for await`
   * walks every page. For a walk that trades arriving meanwhile cannot disturb, use {@link all}.
   * @example
   * ```ts
   * const page = await client.executions.list({ productId: 5, limit: 50 });
   * for await (const e of client.executions.list({ productId: 5 })) console.log(e.price.toFixed());
   * ```
   */
  list(query: ExecutionListOptions, options?: CallOptions): PagedCall<Execution> {
    return this.pages(Execution, query, () => ({
      path: '/executions',
      query: { product_id: input.id(query.productId, 'productId') },
      auth: false,
      options,
    }));
  }

  /**
   * Your own executions (fills) on a product, newest first, page by page.
   * @example
   * ```ts
   * for await (const fill of client.executions.mine({ productId: 5, withDetails: true })) console.log(fill.orderId, fill.mySide);
   * ```
   */
  mine(query: MyExecutionListOptions, options?: CallOptions): PagedCall<MyExecution> {
    return this.pages(MyExecution, query, () => ({
      path: '/executions/me',
      query: { product_id: input.id(query.productId, 'productId'), with_details: input.flag(query.withDetails) },
      options,
    }));
  }

  /**
   * One batch of public executions at or after `timestamp`, oldest first.
   * @example
   * ```ts
   * const batch = await client.executions.since({ productId: 5, timestamp: new Date('2026-11-01') });
   * ```
   */
  async since(query: ExecutionsSinceOptions, options?: CallOptions): Promise<Execution[]> {
    input.object(query, 'query');
    const q = {
      product_id: input.id(query.productId, 'productId'),
      timestamp: input.unixSeconds(query.timestamp, 'timestamp'),
      limit: input.pageLimit(query.limit),
    };
    return this.GET(listOf(Execution), '/executions', { query: q, auth: false, options });
  }

  /**
   * Every public execution from `since` up to now, oldest first, walking forward by
   * timestamp: executions that arrive during the walk are neither skipped nor repeated.
   * @example
   * ```ts
   * for await (const e of client.executions.all({ productId: 5, since: new Date(Date.now() - 3_600_000) })) {
   *   volume = volume.plus(e.quantity);
   * }
   * ```
   */
  async *all(query: ExecutionsWalkOptions, options?: CallOptions): AsyncGenerator<Execution, void, undefined> {
    input.object(query, 'query');
    const productId = input.id(query.productId, 'productId');
    let timestamp = input.unixSeconds(query.since, 'since');
    // The timestamp filter is inclusive: ids already yielded in the boundary second are skipped.
    let boundary = new Set<number>();
    for (;;) {
      const batch = await this.since({ productId, timestamp, limit: MAX_PAGE_SIZE }, options);
      for (const e of batch) if (!boundary.has(e.id)) yield e;
      if (batch.length < MAX_PAGE_SIZE) return;
      const last = Math.floor((batch[batch.length - 1] as Execution).createdAt.getTime() / 1000);
      if (last <= timestamp) {
        throw new QuoineResponseError(
          `more than ${MAX_PAGE_SIZE} executions at Unix second ${timestamp}: the timestamp walk cannot advance without skipping some; use executions.list instead`,
          { method: 'GET', path: `/executions?product_id=${productId}&timestamp=${timestamp}` },
        );
      }
      boundary = new Set(batch.filter((e) => Math.floor(e.createdAt.getTime() / 1000) === last).map((e) => e.id));
      timestamp = last;
    }
  }
}
