import type { Decimal } from 'decimal.js';
import { BoolField, DateField, DecimalField, IntField, TextField } from '../core/fields.js';
import type { OrUnknown, ProductType } from '../constants.js';

const optional = { nullable: true } as const;

/**
 * A tradable product (currency pair or perpetual), with its market statistics.
 * Money fields are `null` where the exchange sends none (e.g. a product that never traded).
 * @group Entities
 * @hideconstructor
 */
export class Product {
  /** Product id (e.g. 5 for BTCJPY). */
  @IntField('id') id!: number;
  /** `CurrencyPair` or `Perpetual`. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('product_type', optional) productType!: OrUnknown<ProductType> | null;
  /** Product code, `CASH`. */
  @TextField('code', optional) code!: string | null;
  /** Display name, e.g. `CASH Trading`. */
  @TextField('name', optional) name!: string | null;
  /** Pair code, e.g. `BTCJPY` or `P-BTCUSD`. */
  @TextField('currency_pair_code') currencyPairCode!: string;
  /** Base currency, e.g. `BTC`. */
  @TextField('base_currency', optional) baseCurrency!: string | null;
  /** Quoted currency, e.g. `JPY`. */
  @TextField('quoted_currency', optional) quotedCurrency!: string | null;
  /** Quoted currency (older field name). */
  @TextField('currency', optional) currency!: string | null;
  /** Currency symbol, e.g. `¥`. */
  @TextField('symbol', optional) symbol!: string | null;
  /** Realtime channel of this product, e.g. `product_cash_btcjpy_5`. */
  @TextField('pusher_channel', optional) pusherChannel!: string | null;
  /** Best ask. */
  @DecimalField('market_ask', optional) marketAsk!: Decimal | null;
  /** Best bid. */
  @DecimalField('market_bid', optional) marketBid!: Decimal | null;
  /** Price direction indicator (1, -1), when given. */
  @IntField('indicator', optional) indicator!: number | null;
  /** Taker fee rate (0.0015 = 0.15 %). */
  @DecimalField('taker_fee', optional) takerFee!: Decimal | null;
  /** Maker fee rate. */
  @DecimalField('maker_fee', optional) makerFee!: Decimal | null;
  /** Lowest bid of the last 24 hours. */
  @DecimalField('low_market_bid', optional) lowMarketBid!: Decimal | null;
  /** Highest ask of the last 24 hours. */
  @DecimalField('high_market_ask', optional) highMarketAsk!: Decimal | null;
  /** Volume traded in the last 24 hours, in base currency. */
  @DecimalField('volume_24h', optional) volume24h!: Decimal | null;
  /** Last price 24 hours ago. */
  @DecimalField('last_price_24h', optional) lastPrice24h!: Decimal | null;
  /** Price of the last trade. */
  @DecimalField('last_traded_price', optional) lastTradedPrice!: Decimal | null;
  /** Quantity of the last trade. */
  @DecimalField('last_traded_quantity', optional) lastTradedQuantity!: Decimal | null;
  /** Exchange rate to USD, as the exchange reports it. */
  @DecimalField('exchange_rate', optional) exchangeRate!: Decimal | null;
  /** Minimum fiat withdrawal. */
  @DecimalField('fiat_minimum_withdraw', optional) fiatMinimumWithdraw!: Decimal | null;
  /** Minimum BTC withdrawal (Liquid era). */
  @DecimalField('btc_minimum_withdraw', optional) btcMinimumWithdraw!: Decimal | null;
  /** Price increment (Liquid era). */
  @DecimalField('tick_size', optional) tickSize!: Decimal | null;
  /** Average price (Liquid era). */
  @DecimalField('average_price', optional) averagePrice!: Decimal | null;
  /** Upper price band, relative to the last price (Liquid era). */
  @DecimalField('multiplier_up', optional) multiplierUp!: Decimal | null;
  /** Lower price band, relative to the last price (Liquid era). */
  @DecimalField('multiplier_down', optional) multiplierDown!: Decimal | null;
  /** Seconds over which the average price is taken (Liquid era). */
  @IntField('average_time_interval', optional) averageTimeInterval!: number | null;
  /** Whether trading is disabled (Liquid era). */
  @BoolField('disabled', optional) disabled!: boolean | null;
  /** Whether margin trading is enabled (Liquid era). */
  @BoolField('margin_enabled', optional) marginEnabled!: boolean | null;
  /** Whether CFD trading is enabled (Liquid era). */
  @BoolField('cfd_enabled', optional) cfdEnabled!: boolean | null;
  /** Whether perpetual trading is enabled (Liquid era). */
  @BoolField('perpetual_enabled', optional) perpetualEnabled!: boolean | null;
  /** Whether the product counts for progressive fee tiers (Liquid era). */
  @BoolField('progressive_tier_eligible', optional) progressiveTierEligible!: boolean | null;
  /** Time of the last market event (Liquid era). */
  @DateField('last_event_timestamp', optional) lastEventTimestamp!: Date | null;
  /** Time these statistics were taken (Liquid era). */
  @DateField('timestamp', optional) timestamp!: Date | null;
  /** Index price (perpetuals). */
  @DecimalField('index_price', optional) indexPrice!: Decimal | null;
  /** Mark price (perpetuals). */
  @DecimalField('mark_price', optional) markPrice!: Decimal | null;
  /** Current funding rate (perpetuals). */
  @DecimalField('funding_rate', optional) fundingRate!: Decimal | null;
  /** Fair price (perpetuals). */
  @DecimalField('fair_price', optional) fairPrice!: Decimal | null;
}
