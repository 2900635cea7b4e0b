import type { Decimal } from 'decimal.js';
import { DateField, DecimalField, EntityArrayField, IntField, JsonField, TextField } from '../core/fields.js';
import { MyExecution } from './my-execution.js';
import type {
  LeverageLevel,
  MarginType,
  OrderStatus,
  OrderType,
  OrUnknown,
  Side,
  TradingType,
  TrailingStopType,
} from '../constants.js';

const optional = { nullable: true } as const;

/**
 * An order. Both eras' wire types (`price` as `976382.0` or `"976382.0"`) give the same values.
 * @group Entities
 * @hideconstructor
 */
export class Order {
  /** Order id. */
  @IntField('id') id!: number;
  /** `limit`, `market`, `market_with_range`, `limit_post_only`, `stop` or `trailing_stop`. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('order_type') orderType!: OrUnknown<OrderType>;
  /** `buy` or `sell`. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('side') side!: OrUnknown<Side>;
  /** `live`, `partially_filled`, `filled` or `cancelled`. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('status') status!: OrUnknown<OrderStatus>;
  /** Ordered quantity, in base currency. */
  @DecimalField('quantity') quantity!: Decimal;
  /** Quantity filled so far. */
  @DecimalField('filled_quantity') filledQuantity!: Decimal;
  /** Limit price (for a market order, what the exchange reports). */
  @DecimalField('price') price!: Decimal;
  /** Average fill price. */
  @DecimalField('average_price', optional) averagePrice!: Decimal | null;
  /** Fee paid so far, in the funding currency. */
  @DecimalField('order_fee', optional) orderFee!: Decimal | null;
  /** Disclosed quantity (iceberg orders). */
  @DecimalField('disc_quantity', optional) discQuantity!: Decimal | null;
  /** Total quantity of an iceberg order. */
  @DecimalField('iceberg_total_quantity', optional) icebergTotalQuantity!: Decimal | null;
  /** Product id. */
  @IntField('product_id') productId!: number;
  /** Product code, `CASH`. */
  @TextField('product_code', optional) productCode!: string | null;
  /** Pair code, e.g. `BTCJPY`. */
  @TextField('currency_pair_code', optional) currencyPairCode!: string | null;
  /** Funding currency, e.g. `JPY`. */
  @TextField('funding_currency', optional) fundingCurrency!: string | null;
  /** `spot`, `margin`, `cfd` or `perpetual` (Liquid era; `null` when not sent). An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('trading_type', optional) tradingType!: OrUnknown<TradingType> | null;
  /** Leverage level: 1 for spot, else one of {@link LeverageLevel} or of your account's `users.leverageLimitation()` (e.g. 50, 100). An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @IntField('leverage_level', optional) leverageLevel!: OrUnknown<LeverageLevel | 1> | null;
  /** `cross` or `isolated` (margin). An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('margin_type', optional) marginType!: OrUnknown<MarginType> | null;
  /** Margin used. */
  @DecimalField('margin_used', optional) marginUsed!: Decimal | null;
  /** Margin interest. */
  @DecimalField('margin_interest', optional) marginInterest!: Decimal | null;
  /** Take-profit price (margin). */
  @DecimalField('take_profit', optional) takeProfit!: Decimal | null;
  /** Stop-loss price (margin). */
  @DecimalField('stop_loss', optional) stopLoss!: Decimal | null;
  /** `price` or `percentage` (trailing stops; the Japanese docs also show `fiat`). An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('trailing_stop_type', optional) trailingStopType!: OrUnknown<TrailingStopType> | null;
  /** Trailing distance (trailing stops). */
  @DecimalField('trailing_stop_value', optional) trailingStopValue!: Decimal | null;
  /** When a stop triggered. */
  @DateField('stop_triggered_time', optional) stopTriggeredTime!: Date | null;
  /** Your client order id, if you gave one. */
  @TextField('client_order_id', optional) clientOrderId!: string | null;
  /** The trade (position) this order belongs to (margin). */
  @IntField('trade_id', optional) tradeId!: number | null;
  /** The trade this order unwound (margin). */
  @IntField('unwound_trade_id', optional) unwoundTradeId!: number | null;
  /** Leverage of the unwound trade. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @IntField('unwound_trade_leverage_level', optional) unwoundTradeLeverageLevel!: OrUnknown<LeverageLevel> | null;
  /** Crypto account id, when set. */
  @IntField('crypto_account_id', optional) cryptoAccountId!: number | null;
  /** `spot`, or `open`/`close`-style values for leverage. */
  @TextField('target', optional) target!: string | null;
  /** How the order was placed, e.g. `manual`. */
  @TextField('source_action', optional) sourceAction!: string | null;
  /** Source exchange as reported (`QUOINE`, or `0` in later list rows). */
  @TextField('source_exchange', optional) sourceExchange!: string | null;
  /** Extra settings, as sent. */
  @JsonField('settings', optional) settings!: unknown;
  /** When it was created. */
  @DateField('created_at') createdAt!: Date;
  /** When it last changed. */
  @DateField('updated_at', optional) updatedAt!: Date | null;
  /** Its fills, when the exchange includes them (one order, or lists `withDetails`). */
  @EntityArrayField('executions', () => MyExecution, optional) executions!: MyExecution[] | null;
}
