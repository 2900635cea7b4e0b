import type { PositionSummaryRecord, TradeRecord, TradingAccountRecord } from '../../exchange/records.js';
import type { WireObject } from '../json.js';
import { ZERO_TEXT, decimal, epochSeconds, text } from './values.js';

/**
 * A trading account. Liquid (§7.6 [L]): decimals numbers, `product_id` a string,
 * `current_leverage_level`. `summaries` adds the list variant's `base_open_price` (a number in the
 * 2017 Quoine docs example, `"base_open_price": 0`; a string in the Liquid profile, where nothing
 * was captured) and `long_summary`/`short_summary` (strings in both eras, as in that example).
 */
export function tradingAccountWire(account: TradingAccountRecord, liquid: boolean, summaries: boolean): WireObject {
  const wire: WireObject = {
    id: account.id,
    leverage_level: account.leverageLevel,
    max_leverage_level: account.maxLeverageLevel,
  };
  if (liquid) wire['current_leverage_level'] = account.currentLeverageLevel;
  Object.assign(wire, {
    pnl: decimal(account.pnl, liquid),
    equity: decimal(account.equity, liquid),
    margin: decimal(account.margin, liquid),
    free_margin: decimal(account.freeMargin, liquid),
    trader_id: account.traderId,
    status: account.status,
    product_code: account.productCode,
    currency_pair_code: account.currencyPairCode,
    position: decimal(account.position, liquid),
    balance: decimal(account.balance, liquid),
    created_at: epochSeconds(account.createdAt),
    updated_at: epochSeconds(account.updatedAt),
    pusher_channel: `trading_account_${account.id}`,
    margin_percent: decimal(account.marginPercent, liquid),
    product_id: liquid ? String(account.productId) : account.productId,
    funding_currency: account.fundingCurrency,
  });
  if (!summaries) return wire;
  return Object.assign(wire, {
    base_open_price: decimal(account.baseOpenPrice, !liquid),
    long_summary: summaryWire(account.longSummary),
    short_summary: summaryWire(account.shortSummary),
  });
}

function summaryWire(summary: PositionSummaryRecord): WireObject {
  return { pnl: text(summary.pnl), position: text(summary.position), base_open_price: text(summary.baseOpenPrice) };
}

/**
 * Which response a trade appears in (Liquid only; Quoine prints strings everywhere):
 * - `list`: `GET /trades` rows and `GET /orders/{id}/trades`: `open_pnl`, `pnl`, `total_fee` numbers;
 * - `action`: close / close_all / update / adjust_margin responses: also `margin_used` a number (§7.7 [L]);
 * - `order`: `GET /orders/{id}/trades`: as `list`, with ISO-8601 `created_at`/`updated_at` (2019 capture, §6 [L]).
 */
export type TradeView = 'list' | 'action' | 'order';

export function tradeWire(trade: TradeRecord, liquid: boolean, view: TradeView): WireObject {
  const time = (seconds: number): string | number =>
    liquid && view === 'order'
      ? new Date(epochSeconds(seconds) * 1000).toISOString().replace('.000Z', 'Z')
      : epochSeconds(seconds);
  const wire: WireObject = {
    id: trade.id,
    currency_pair_code: trade.currencyPairCode,
    status: trade.status,
    side: trade.side,
    margin_used: decimal(trade.marginUsed, liquid && view === 'action'),
    open_quantity: text(trade.openQuantity),
    close_quantity: text(trade.closeQuantity),
    quantity: text(trade.quantity),
    leverage_level: trade.leverageLevel,
    product_code: trade.productCode,
    product_id: trade.productId,
    open_price: text(trade.openPrice),
    close_price: text(trade.closePrice),
    trader_id: trade.traderId,
    open_pnl: decimal(trade.openPnl, liquid),
    close_pnl: text(trade.closePnl),
    pnl: decimal(trade.pnl, liquid),
    stop_loss: text(trade.stopLoss) ?? ZERO_TEXT,
    take_profit: text(trade.takeProfit) ?? ZERO_TEXT,
    funding_currency: trade.fundingCurrency,
    created_at: time(trade.createdAt),
    updated_at: time(trade.updatedAt),
    close_fee: text(trade.closeFee),
    total_interest: text(trade.totalInterest),
    daily_interest: text(trade.dailyInterest),
  };
  if (!liquid) return wire;
  return Object.assign(wire, {
    margin_type: trade.marginType,
    liquidation_price: text(trade.liquidationPrice),
    maintenance_margin: text(trade.maintenanceMargin),
    total_fee: decimal(trade.totalFee, true),
    trading_type: trade.tradingType,
    last_settlement_at: trade.lastSettlementAt === null ? null : epochSeconds(trade.lastSettlementAt),
  });
}
