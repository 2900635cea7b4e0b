/**
 * Margin: the trade filter, and closing or changing open trades through the engine.
 * @module
 */
import type { Decimal, DecimalInput } from '../decimal.js';
import { ExchangeError } from '../errors.js';
import type { TradeFilter, UpdateTradeParams } from '../inputs.js';
import type { TradeState } from '../margin-state.js';
import { checkPrecision } from '../order-validation.js';
import { atPrecision, decimalOf, optionalDecimal, positive, requiredDecimal } from '../parse.js';
import { filteredList } from '../record-list.js';
import type { RecordList, TradeRecord, TradeSide } from '../records.js';
import type { ExchangeParts } from './parts.js';

/** `GET /trades`: newest first, filtered. */
export function trades(parts: ExchangeParts, userId: number, filter: TradeFilter): RecordList<TradeRecord> {
  const all = parts.margin.tradesOf(userId);
  return filteredList(
    all.length,
    (index) => all[index] as TradeState,
    (trade) => parts.margin.tradeRecord(trade),
    (trade) =>
      (filter.fundingCurrency === undefined || trade.fundingCurrency === filter.fundingCurrency) &&
      (filter.status === undefined || trade.status === filter.status) &&
      (filter.productId === undefined || trade.product.id === filter.productId) &&
      (filter.side === undefined || trade.side === filter.side) &&
      (filter.tradingType === undefined || trade.tradingType === filter.tradingType),
  );
}

/** `PUT /trades/{id}/close` (see {@link Exchange.closeTrade}); runs inside a mutation. */
export function closeTrade(
  parts: ExchangeParts,
  userId: number,
  tradeId: number,
  closedQuantity: DecimalInput | undefined,
): TradeState {
  const trade = parts.margin.trade(userId, tradeId);
  if (trade.status !== 'open') throw ExchangeError.unprocessable('Trade is already closed');
  const given = optionalDecimal(closedQuantity, 'closed_quantity');
  const quantity =
    given === undefined
      ? trade.openQuantity
      : checkPrecision(positive(given, 'closed_quantity'), trade.product, 'closed_quantity');
  parts.engine.closeTrade(trade, quantity, 'manual');
  return trade;
}

/** `PUT /trades/close_all` (see {@link Exchange.closeAllTrades}); runs inside a mutation. */
export function closeAllTrades(parts: ExchangeParts, userId: number, side: TradeSide | undefined): TradeState[] {
  parts.user(userId);
  const open = parts.margin
    .tradesOf(userId)
    .filter((trade) => trade.status === 'open' && (side === undefined || trade.side === side));
  for (const trade of [...open].reverse()) {
    if (trade.status !== 'open') continue;
    try {
      parts.engine.closeTrade(trade, trade.openQuantity, 'manual');
    } catch (error) {
      // An empty book leaves the trade open; it is still listed with its state.
      if (!(error instanceof ExchangeError)) throw error;
    }
  }
  return open;
}

/** `PUT /trades/{id}`: stop loss / take profit (null or zero clears one); runs inside a mutation. */
export function updateTrade(
  parts: ExchangeParts,
  userId: number,
  tradeId: number,
  params: UpdateTradeParams,
): TradeState {
  const trade = parts.margin.trade(userId, tradeId);
  if (trade.status !== 'open') throw ExchangeError.unprocessable('Trade is already closed');
  const level = (value: DecimalInput | null | undefined, field: string): Decimal | null | undefined => {
    if (value === undefined) return undefined;
    if (value === null) return null;
    const decimal = decimalOf(value, field);
    return decimal.isZero() ? null : positive(decimal, field);
  };
  parts.margin.setStops(trade, level(params.stopLoss, 'stop_loss'), level(params.takeProfit, 'take_profit'));
  // A level already crossed closes the trade at the end of this call.
  parts.context.movedProducts.add(trade.product.id);
  return trade;
}

/** `PUT /trades/{id}/adjust_margin` (see {@link Exchange.adjustTradeMargin}); runs inside a mutation. */
export function adjustTradeMargin(
  parts: ExchangeParts,
  userId: number,
  tradeId: number,
  amount: DecimalInput,
): TradeState {
  const trade = parts.margin.trade(userId, tradeId);
  const delta = requiredDecimal(amount, 'amount');
  if (delta.isZero()) throw ExchangeError.invalid('amount', 'must_not_be_zero');
  const places = parts.config.currencies.get(trade.fundingCurrency)?.precision;
  if (places !== undefined) atPrecision(delta, places, 'amount');
  parts.margin.adjustMargin(trade, delta);
  return trade;
}
