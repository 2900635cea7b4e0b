/**
 * What each export kind writes: its columns (snake_case, as on the wire) and how an entity
 * becomes a row of exact text (decimals with `toFixed()`, times in ISO-8601).
 */
import type { BalanceHistoryEntry } from '../../entities/balance-history-entry.js';
import type { Execution } from '../../entities/execution.js';
import type { Order } from '../../entities/order.js';
import type { Trade } from '../../entities/trade.js';
import { averagePriceOf } from '../average-price.js';
import { cellText } from '../output.js';

/** The kinds of export. */
export const EXPORT_KINDS = ['executions', 'orders', 'trades', 'balance-history'] as const;
/** One of {@link EXPORT_KINDS}. */
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A row: column name → exact text. */
export type Row = Readonly<Record<string, string>>;

/** Columns and row mapping of one kind. */
export interface Layout<T> {
  readonly columns: readonly string[];
  readonly row: (item: T) => Row;
}

function row(columns: readonly string[], values: readonly unknown[]): Row {
  return Object.fromEntries(columns.map((c, i) => [c, cellText(values[i] as Parameters<typeof cellText>[0])]));
}

const EXECUTION_COLUMNS = ['id', 'created_at', 'product_id', 'price', 'quantity', 'taker_side'];
/**
 * Public executions of one product. The wire's execution names no product: the column records the
 * one exported, so that a file states what it holds and a re-run for another product is refused.
 */
export function executionLayout(productId: number): Layout<Execution> {
  return {
    columns: EXECUTION_COLUMNS,
    row: (e) => row(EXECUTION_COLUMNS, [e.id, e.createdAt, productId, e.price, e.quantity, e.takerSide]),
  };
}

const ORDER_COLUMNS = [
  'id',
  'created_at',
  'product_id',
  'currency_pair_code',
  'side',
  'order_type',
  'status',
  'quantity',
  'filled_quantity',
  'price',
  'average_price',
  'order_fee',
  'client_order_id',
];
/**
 * Your orders. `average_price` is the figure the orders table shows (average-price.ts): the
 * exchange's, or computed from the order's executions (list them with `withDetails`), exact or
 * marked `≈` when rounded; empty only for an order with no fill.
 */
export const orderLayout: Layout<Order> = {
  columns: ORDER_COLUMNS,
  row: (o) =>
    row(ORDER_COLUMNS, [
      o.id,
      o.createdAt,
      o.productId,
      o.currencyPairCode,
      o.side,
      o.orderType,
      o.status,
      o.quantity,
      o.filledQuantity,
      o.price,
      averagePriceOf(o),
      o.orderFee,
      o.clientOrderId,
    ]),
};

const TRADE_COLUMNS = [
  'id',
  'created_at',
  'product_id',
  'currency_pair_code',
  'side',
  'status',
  'quantity',
  'open_price',
  'close_price',
  'pnl',
  'leverage_level',
  'funding_currency',
];
/** Your trades. */
export const tradeLayout: Layout<Trade> = {
  columns: TRADE_COLUMNS,
  row: (t) =>
    row(TRADE_COLUMNS, [
      t.id,
      t.createdAt,
      t.productId,
      t.currencyPairCode,
      t.side,
      t.status,
      t.quantity,
      t.openPrice,
      t.closePrice,
      t.pnl,
      t.leverageLevel,
      t.fundingCurrency,
    ]),
};

const BALANCE_COLUMNS = [
  'id',
  'timestamp',
  'currency',
  'amount',
  'balance',
  'source_action',
  'source_object_type',
  'source_object_id',
];
/** Your balance history. */
export const balanceHistoryLayout: Layout<BalanceHistoryEntry> = {
  columns: BALANCE_COLUMNS,
  row: (b) =>
    row(BALANCE_COLUMNS, [
      b.id,
      b.timestamp,
      b.currency,
      b.amount,
      b.balance,
      b.sourceAction,
      b.sourceObjectType,
      b.sourceObjectId,
    ]),
};
