/**
 * Orders: the order filter and what an order's record links to (its trades, its executions).
 * Placing, editing and cancelling are the engine's.
 * @module
 */
import type { OrderFilter } from '../inputs.js';
import { filteredList } from '../record-list.js';
import type { MyExecutionRecord, OrderRecord, RecordList, TradeRecord } from '../records.js';
import type { ExchangeParts } from './parts.js';

/** `GET /orders`: the user's orders, newest first, filtered. */
export function orders(parts: ExchangeParts, userId: number, filter: OrderFilter): RecordList<OrderRecord> {
  const filtered =
    filter.productId !== undefined ||
    filter.status !== undefined ||
    filter.fundingCurrency !== undefined ||
    filter.tradingType !== undefined ||
    filter.side !== undefined;
  // The filters read summaries (no Decimals built); records are built for the page taken.
  return filteredList(
    parts.engine.orderCount(userId),
    (index) => parts.engine.orderSummaryNewestFirst(userId, index),
    (summary) => parts.engine.record(parts.engine.order(userId, summary.id)),
    filtered
      ? (order) =>
          (filter.productId === undefined || order.productId === filter.productId) &&
          (filter.status === undefined || order.status === filter.status) &&
          (filter.fundingCurrency === undefined || order.fundingCurrency === filter.fundingCurrency) &&
          (filter.tradingType === undefined || order.tradingType === filter.tradingType) &&
          (filter.side === undefined || order.side === filter.side)
      : undefined,
  );
}

/** `GET /orders/{id}/trades`: the trades the (margin) order opened. */
export function orderTrades(parts: ExchangeParts, userId: number, orderId: number): TradeRecord[] {
  const order = parts.engine.order(userId, orderId);
  const trade = order.openedTradeId === null ? undefined : parts.margin.tradeById(order.openedTradeId);
  return trade === undefined ? [] : [parts.margin.tradeRecord(trade)];
}

/** `GET /orders/{id}/executions`: the order's executions, newest first. */
export function orderExecutions(parts: ExchangeParts, userId: number, orderId: number): RecordList<MyExecutionRecord> {
  return parts.market.fills.ofOrder(parts.engine.order(userId, orderId));
}
