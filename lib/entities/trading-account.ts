import type { Decimal } from 'decimal.js';
import { DateField, DecimalField, EntityField, IntField, TextField } from '../core/fields.js';
import { PositionSummary } from './position-summary.js';
import type { LeverageLevel, OrUnknown } from '../constants.js';

const optional = { nullable: true } as const;

/**
 * A margin trading account (one product, one funding currency).
 * @group Entities
 * @hideconstructor
 */
export class TradingAccount {
  /** Account id. */
  @IntField('id') id!: number;
  /** Product id. */
  @IntField('product_id') productId!: number;
  /** Product code, `CASH`. */
  @TextField('product_code', optional) productCode!: string | null;
  /** Pair code, e.g. `BTCUSD`. */
  @TextField('currency_pair_code', optional) currencyPairCode!: string | null;
  /** Funding currency. */
  @TextField('funding_currency', optional) fundingCurrency!: string | null;
  /** Leverage level set. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @IntField('leverage_level') leverageLevel!: OrUnknown<LeverageLevel>;
  /** Highest leverage allowed. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @IntField('max_leverage_level', optional) maxLeverageLevel!: OrUnknown<LeverageLevel> | null;
  /** Leverage in use (Liquid era). An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @IntField('current_leverage_level', optional) currentLeverageLevel!: OrUnknown<LeverageLevel> | null;
  /** Unrealised pnl. */
  @DecimalField('pnl', optional) pnl!: Decimal | null;
  /** Equity. */
  @DecimalField('equity', optional) equity!: Decimal | null;
  /** Margin in use. */
  @DecimalField('margin', optional) margin!: Decimal | null;
  /** Free margin. */
  @DecimalField('free_margin', optional) freeMargin!: Decimal | null;
  /** Net position. */
  @DecimalField('position', optional) position!: Decimal | null;
  /** Balance. */
  @DecimalField('balance', optional) balance!: Decimal | null;
  /** Margin as a fraction of the position. */
  @DecimalField('margin_percent', optional) marginPercent!: Decimal | null;
  /** Average open price (list variant). */
  @DecimalField('base_open_price', optional) baseOpenPrice!: Decimal | null;
  /** Long positions (list variant). */
  @EntityField('long_summary', () => PositionSummary, optional) longSummary!: PositionSummary | null;
  /** Short positions (list variant). */
  @EntityField('short_summary', () => PositionSummary, optional) shortSummary!: PositionSummary | null;
  /** Trader id. */
  @IntField('trader_id', optional) traderId!: number | null;
  /** `active` … */
  @TextField('status', optional) status!: string | null;
  /** Realtime channel. */
  @TextField('pusher_channel', optional) pusherChannel!: string | null;
  /** When it was created. */
  @DateField('created_at', optional) createdAt!: Date | null;
  /** When it last changed. */
  @DateField('updated_at', optional) updatedAt!: Date | null;
}
