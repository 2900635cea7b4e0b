import type { Decimal } from 'decimal.js';
import { DateField, DecimalField, IntField, TextField } from '../core/fields.js';
import type { LeverageLevel, MarginType, OrUnknown, TradeSide, TradeStatus, TradingType } from '../constants.js';

const optional = { nullable: true } as const;

/**
 * A trade: an open or closed margin position.
 * @group Entities
 * @hideconstructor
 */
export class Trade {
  /** Trade id. */
  @IntField('id') id!: number;
  /** Product id. */
  @IntField('product_id') productId!: number;
  /** Pair code, e.g. `BTCUSD`. */
  @TextField('currency_pair_code', optional) currencyPairCode!: string | null;
  /** Product code, `CASH`. */
  @TextField('product_code', optional) productCode!: string | null;
  /** Funding currency. */
  @TextField('funding_currency', optional) fundingCurrency!: string | null;
  /** `open` or `closed`. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('status') status!: OrUnknown<TradeStatus>;
  /** `long` or `short`. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('side') side!: OrUnknown<TradeSide>;
  /** Position size. */
  @DecimalField('quantity') quantity!: Decimal;
  /** Quantity still open. */
  @DecimalField('open_quantity') openQuantity!: Decimal;
  /** Quantity closed. */
  @DecimalField('close_quantity') closeQuantity!: Decimal;
  /** Leverage level: one of {@link LeverageLevel} or of your account's `users.leverageLimitation()` (e.g. 50, 100). An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @IntField('leverage_level') leverageLevel!: OrUnknown<LeverageLevel>;
  /** Average open price. */
  @DecimalField('open_price') openPrice!: Decimal;
  /** Average close price (0 while open). */
  @DecimalField('close_price', optional) closePrice!: Decimal | null;
  /** Margin used. */
  @DecimalField('margin_used', optional) marginUsed!: Decimal | null;
  /** Total pnl. */
  @DecimalField('pnl', optional) pnl!: Decimal | null;
  /** Unrealised pnl of the open part. */
  @DecimalField('open_pnl', optional) openPnl!: Decimal | null;
  /** Realised pnl of the closed part. */
  @DecimalField('close_pnl', optional) closePnl!: Decimal | null;
  /** Stop-loss price (0 when unset). */
  @DecimalField('stop_loss', optional) stopLoss!: Decimal | null;
  /** Take-profit price (0 when unset). */
  @DecimalField('take_profit', optional) takeProfit!: Decimal | null;
  /** Fee paid on closing. */
  @DecimalField('close_fee', optional) closeFee!: Decimal | null;
  /** All fees. */
  @DecimalField('total_fee', optional) totalFee!: Decimal | null;
  /** Interest paid so far. */
  @DecimalField('total_interest', optional) totalInterest!: Decimal | null;
  /** Interest per day. */
  @DecimalField('daily_interest', optional) dailyInterest!: Decimal | null;
  /** `cross` or `isolated`. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('margin_type', optional) marginType!: OrUnknown<MarginType> | null;
  /** `margin`, `cfd` or `perpetual` (Liquid era; `null` when not sent). An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('trading_type', optional) tradingType!: OrUnknown<TradingType> | null;
  /** Liquidation price. */
  @DecimalField('liquidation_price', optional) liquidationPrice!: Decimal | null;
  /** Maintenance margin. */
  @DecimalField('maintenance_margin', optional) maintenanceMargin!: Decimal | null;
  /** Trader id. */
  @IntField('trader_id', optional) traderId!: number | null;
  /** When it was opened. */
  @DateField('created_at') createdAt!: Date;
  /** When it last changed. */
  @DateField('updated_at', optional) updatedAt!: Date | null;
  /** Last funding settlement (perpetuals). */
  @DateField('last_settlement_at', optional) lastSettlementAt!: Date | null;
}
