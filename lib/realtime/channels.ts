/**
 * Liquid Tap channel names (quoine-api.md §8.5). Pair codes and currencies are lower-cased, as
 * the exchange requires: `BTCJPY` → `btcjpy`, `P-BTCUSD` → `p-btcusd`.
 * @module
 */
import { QuoineRequestError } from '../core/errors.js';

/**
 * An order-book side as the channels name it.
 * @group Realtime
 */
export type LadderSide = 'buy' | 'sell';

const CODE = /^[a-z0-9-]+$/;

function code(value: string, field: string): string {
  const lower = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!CODE.test(lower)) {
    throw new QuoineRequestError(
      `${field} must be a pair or currency code such as 'BTCJPY', got ${JSON.stringify(value)}`,
      field,
    );
  }
  return lower;
}

function side(value: string): LadderSide {
  if (value !== 'buy' && value !== 'sell')
    throw new QuoineRequestError(`side must be 'buy' or 'sell', got ${JSON.stringify(value)}`, 'side');
  return value;
}

function productId(value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new QuoineRequestError(`productId must be a positive integer id, got ${String(value)}`, 'productId');
  return value;
}

/**
 * Names of every channel the typed helpers use.
 * @group Realtime
 */
export const Channels = {
  /** `product_cash_{pair}_{productId}`: product updates. */
  product: (pair: string, id: number): string => `product_cash_${code(pair, 'pair')}_${productId(id)}`,
  /** `price_ladders_cash_{pair}_{side}`: one side of the order book (top-N snapshots). */
  priceLadder: (pair: string, s: LadderSide): string => `price_ladders_cash_${code(pair, 'pair')}_${side(s)}`,
  /** `executions_cash_{pair}`: public executions. */
  executions: (pair: string): string => `executions_cash_${code(pair, 'pair')}`,
  /** `execution_details_cash_{pair}`: public executions with both order ids. */
  executionDetails: (pair: string): string => `execution_details_cash_${code(pair, 'pair')}`,
  /** `user_account_{ccy}_orders`: your orders funded in that currency (private). */
  myOrders: (fundingCurrency: string): string => `user_account_${code(fundingCurrency, 'fundingCurrency')}_orders`,
  /** `user_account_{ccy}_trades`: your margin positions funded in that currency (private). */
  myTrades: (fundingCurrency: string): string => `user_account_${code(fundingCurrency, 'fundingCurrency')}_trades`,
  /** `user_executions_cash_{pair}`: your executions (private). */
  myExecutions: (pair: string): string => `user_executions_cash_${code(pair, 'pair')}`,
  /** `user_account_{ccy}`: your balance in that currency (private). */
  account: (currency: string): string => `user_account_${code(currency, 'currency')}`,
} as const;

/**
 * Whether a channel needs `quoine:auth_success` first (every `user…` channel).
 * @group Realtime
 */
export function isPrivateChannel(channel: string): boolean {
  return channel.startsWith('user');
}
