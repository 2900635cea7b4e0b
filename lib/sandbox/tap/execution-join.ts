/**
 * Joins a public execution with its two sides' own executions, for `execution_details_cash_…`
 * (which carries `buy_order_id` and `sell_order_id`). The exchange emits the three events of one
 * match within one mutation, in an order the join does not rely on. Bounded: at most `limit`
 * incomplete matches are kept (the oldest is forgotten first), so a missing side cannot grow it.
 * @module
 */
import type { ExecutionRecord, MyExecutionRecord } from '../exchange/index.js';
import type { ExecutionOrders } from './payloads/index.js';

interface Pending {
  execution?: ExecutionRecord;
  buyOrderId?: number;
  sellOrderId?: number;
}

export interface JoinedExecution {
  readonly execution: ExecutionRecord;
  readonly orders: ExecutionOrders;
}

export class ExecutionJoin {
  readonly #pending = new Map<number, Pending>();

  constructor(private readonly limit = 1000) {}

  /** Records the public execution; returns the joined match once both sides are known. */
  execution(execution: ExecutionRecord): JoinedExecution | undefined {
    return this.#update(execution.id, (pending) => {
      pending.execution = execution;
    });
  }

  /** Records one side's execution; returns the joined match once complete. */
  side(mine: MyExecutionRecord): JoinedExecution | undefined {
    return this.#update(mine.id, (pending) => {
      if (mine.mySide === 'buy') pending.buyOrderId = mine.orderId;
      else pending.sellOrderId = mine.orderId;
    });
  }

  /** Forgets every incomplete match. */
  clear(): void {
    this.#pending.clear();
  }

  #update(id: number, change: (pending: Pending) => void): JoinedExecution | undefined {
    const pending = this.#pending.get(id) ?? {};
    change(pending);
    const { execution, buyOrderId, sellOrderId } = pending;
    if (execution !== undefined && buyOrderId !== undefined && sellOrderId !== undefined) {
      this.#pending.delete(id);
      return { execution, orders: { buyOrderId, sellOrderId } };
    }
    this.#pending.set(id, pending);
    if (this.#pending.size > this.limit) {
      const oldest = this.#pending.keys().next().value;
      if (oldest !== undefined) this.#pending.delete(oldest);
    }
    return undefined;
  }
}
