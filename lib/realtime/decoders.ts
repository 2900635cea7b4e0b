/**
 * Channel payload → entity, one decoder per channel kind. Payloads arrive already parsed
 * losslessly (numbers as their source text), so they hydrate through the same entities and
 * converters as REST bodies.
 * @module
 */
import { hydrate } from '../core/fields.js';
import { Execution } from '../entities/execution.js';
import { levelsOfTexts, toLevels, toLevelTexts, type LevelTexts } from '../entities/levels.js';
import { MyExecution } from '../entities/my-execution.js';
import { Order } from '../entities/order.js';
import type { PriceLevel } from '../entities/price-level.js';
import { Product } from '../entities/product.js';
import { Trade } from '../entities/trade.js';
import { AccountUpdate } from './account-update.js';
import { ExecutionDetail } from './execution-detail.js';

/** Turns a parsed payload of `channel` into a value; throws on a payload that does not fit. */
export type Decoder<T> = (payload: unknown, channel: string) => T;

/** The payload unchanged (numbers as strings). */
export const rawPayload: Decoder<unknown> = (payload) => payload;
/** `product_cash_*` → Product. */
export const toProduct: Decoder<Product> = (payload) => hydrate(Product, payload);
/** `price_ladders_cash_*_{side}` → PriceLevel[] in the order sent. */
export const toLadder: Decoder<PriceLevel[]> = (payload) => toLevels(payload);
/** `price_ladders_cash_*_{side}` → its exact texts in the order sent (what LiveOrderBook keeps). @internal */
export const toLadderTexts: Decoder<LevelTexts> = (payload) => toLevelTexts(payload);
/** `executions_cash_*` → Execution. */
export const toExecution: Decoder<Execution> = (payload) => hydrate(Execution, payload);
/** `execution_details_cash_*` → ExecutionDetail. */
export const toExecutionDetail: Decoder<ExecutionDetail> = (payload) => hydrate(ExecutionDetail, payload);
/** `user_account_*_orders` → Order. */
export const toOrder: Decoder<Order> = (payload) => hydrate(Order, payload);
/** `user_account_*_trades` → Trade. */
export const toTrade: Decoder<Trade> = (payload) => hydrate(Trade, payload);
/** `user_executions_cash_*` → MyExecution. */
export const toMyExecution: Decoder<MyExecution> = (payload) => hydrate(MyExecution, payload);
/** `user_account_{ccy}` → AccountUpdate, its currency defaulting to the channel's. */
export const toAccountUpdate: Decoder<AccountUpdate> = (payload, channel) => {
  const update = hydrate(AccountUpdate, payload);
  update.currency ??= channel.slice('user_account_'.length).toUpperCase();
  return update;
};

/**
 * How a decoder reads a ladder that `readLadderFrame` already checked (the fast path), giving
 * what it gives on that ladder's payload; `undefined` for a decoder that needs the payload.
 * @internal
 */
export function ladderReader(decode: Decoder<unknown>): ((ladder: LevelTexts) => unknown) | undefined {
  return LADDER_READERS.get(decode);
}

const LADDER_READERS = new Map<Decoder<unknown>, (ladder: LevelTexts) => unknown>([
  [toLadderTexts, (ladder) => ladder],
  [toLadder, levelsOfTexts],
]);
