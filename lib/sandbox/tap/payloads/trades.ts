/**
 * The `user_account_{funding_currency}_trades` payload (quoine-api.md §8.5): the position as the
 * `GET /trades` row has it (same fields), typed as the channel's evidence records:
 * - Liquid: every decimal a JSON number (the one client model of the payload types all its
 *   decimals as numbers), written from the exact decimal text. An unset stop loss / take profit
 *   is `0.0`, as REST prints `"0.0"`.
 * - Quoine: the 2016 docs' trade, every decimal a string, as over REST.
 * @module
 */
import type { TradeRecord } from '../../exchange/index.js';
import { tradeWire } from '../../wire/serializers/trading.js';
import { ZERO_TEXT, number } from '../../wire/serializers/values.js';
import { rawNumber, type WireObject } from '../../wire/json.js';

/** One trade event's payload in the given profile. */
export function tradeEventWire(trade: TradeRecord, liquid: boolean): WireObject {
  const wire = tradeWire(trade, liquid, 'list');
  if (!liquid) return wire;
  const zero = rawNumber(ZERO_TEXT);
  return Object.assign(wire, {
    margin_used: number(trade.marginUsed),
    open_quantity: number(trade.openQuantity),
    close_quantity: number(trade.closeQuantity),
    quantity: number(trade.quantity),
    open_price: number(trade.openPrice),
    close_price: number(trade.closePrice),
    open_pnl: number(trade.openPnl),
    close_pnl: number(trade.closePnl),
    pnl: number(trade.pnl),
    stop_loss: number(trade.stopLoss) ?? zero,
    take_profit: number(trade.takeProfit) ?? zero,
    close_fee: number(trade.closeFee),
    total_interest: number(trade.totalInterest),
    daily_interest: number(trade.dailyInterest),
    liquidation_price: number(trade.liquidationPrice),
    maintenance_margin: number(trade.maintenanceMargin),
    total_fee: number(trade.totalFee),
  });
}
