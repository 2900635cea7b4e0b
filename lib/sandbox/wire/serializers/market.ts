import type {
  ExecutionRecord,
  LevelRecord,
  MyExecutionRecord,
  OrderBookRecord,
  ProductRecord,
} from '../../exchange/records.js';
import type { WireObject, WireValue } from '../json.js';
import { rawNumber } from '../json.js';
import { decimal, decimalText, epochSeconds, text, timestampText } from './values.js';

/**
 * `GET /products` row and `GET /products/{id}`. Quoine: the 2016 docs fields, decimals as strings,
 * `id` a number. Liquid: `id` a string, the 2020–22 fields (`tick_size`, flags, `timestamp` text,
 * price band multipliers…), `exchange_rate` a number; perpetuals add index/mark/fair price and
 * funding rate. `exchangeRate` is the quote currency's value in USD when the exchange can tell it.
 */
export function productWire(product: ProductRecord, liquid: boolean, exchangeRate: string): WireObject {
  const perpetual = product.productType === 'Perpetual';
  const last = product.lastTradedPrice;
  const indicator =
    last === null || product.lastPrice24h === null ? null : last.greaterThanOrEqualTo(product.lastPrice24h) ? 1 : -1;
  const wire: WireObject = {
    id: liquid ? String(product.id) : product.id,
    product_type: product.productType,
    code: product.code,
    name: product.name,
    market_ask: text(product.marketAsk),
    market_bid: text(product.marketBid),
    indicator,
    currency: product.currency,
    currency_pair_code: product.currencyPairCode,
    symbol: product.symbol,
  };
  if (liquid) wire['btc_minimum_withdraw'] = null;
  Object.assign(wire, {
    fiat_minimum_withdraw: text(product.fiatMinimumWithdraw),
    pusher_channel: product.pusherChannel,
    taker_fee: text(product.takerFee),
    maker_fee: text(product.makerFee),
    low_market_bid: text(product.lowMarketBid),
    high_market_ask: text(product.highMarketAsk),
    volume_24h: text(product.volume24h),
    last_price_24h: text(product.lastPrice24h),
    last_traded_price: text(last),
    last_traded_quantity: text(product.lastTradedQuantity),
  });
  if (!liquid) {
    return Object.assign(wire, {
      quoted_currency: product.quotedCurrency,
      base_currency: product.baseCurrency,
      exchange_rate: exchangeRate,
    });
  }
  Object.assign(wire, {
    average_price: text(last),
    quoted_currency: product.quotedCurrency,
    base_currency: product.baseCurrency,
    tick_size: text(product.tickSize),
    disabled: product.disabled,
    margin_enabled: product.marginEnabled,
    cfd_enabled: product.cfdEnabled,
    perpetual_enabled: product.perpetualEnabled,
    last_event_timestamp: timestampText(product.lastEventTimestamp),
    timestamp: timestampText(product.timestamp),
    multiplier_up: text(product.multiplierUp),
    multiplier_down: text(product.multiplierDown),
    average_time_interval: perpetual ? 300 : null,
    progressive_tier_eligible: false,
  });
  if (perpetual)
    Object.assign(wire, {
      index_price: text(last),
      mark_price: text(last),
      funding_rate: '0.0',
      fair_price: text(last),
    });
  wire['exchange_rate'] = rawNumber(exchangeRate);
  return wire;
}

/** `[price, quantity]` (or `[rate, amount]`) as two strings, in every era. */
export function levelsWire(levels: readonly LevelRecord[]): WireValue[] {
  return levels.map(([price, quantity]) => [decimalText(price), decimalText(quantity)]);
}

/** `GET /products/{id}/price_levels`; Liquid adds the `timestamp` text. */
export function orderBookWire(book: OrderBookRecord, liquid: boolean): WireObject {
  const sides: WireObject = {
    buy_price_levels: levelsWire(book.buyPriceLevels),
    sell_price_levels: levelsWire(book.sellPriceLevels),
  };
  if (liquid) sides['timestamp'] = timestampText(book.timestamp);
  return sides;
}

/** A public execution. Liquid (2021 client model): `quantity`/`price` numbers plus `timestamp` text. */
export function executionWire(execution: ExecutionRecord, liquid: boolean): WireObject {
  const row: WireObject = {
    id: execution.id,
    quantity: decimal(execution.quantity, liquid),
    price: decimal(execution.price, liquid),
    taker_side: execution.takerSide,
    created_at: epochSeconds(execution.createdAt),
  };
  if (liquid) row['timestamp'] = timestampText(execution.timestamp);
  return row;
}

/**
 * `GET /executions/me` row: strings; Liquid adds `order_id` and `client_order_id` (§7.3), and
 * `with_details=1` adds `order_id` in the Quoine profile too.
 */
export function myExecutionWire(execution: MyExecutionRecord, liquid: boolean, withDetails: boolean): WireObject {
  const row: WireObject = {
    id: execution.id,
    quantity: text(execution.quantity),
    price: text(execution.price),
    taker_side: execution.takerSide,
    my_side: execution.mySide,
    created_at: epochSeconds(execution.createdAt),
  };
  if (liquid || withDetails) row['order_id'] = execution.orderId;
  if (liquid) row['client_order_id'] = execution.clientOrderId;
  return row;
}

/** An execution inside `GET /orders/{id}`: strings; Liquid adds `timestamp`. */
export function orderExecutionWire(execution: MyExecutionRecord, liquid: boolean): WireObject {
  const row: WireObject = {
    id: execution.id,
    quantity: text(execution.quantity),
    price: text(execution.price),
    taker_side: execution.takerSide,
    created_at: epochSeconds(execution.createdAt),
  };
  if (liquid) row['timestamp'] = timestampText(execution.timestamp);
  row['my_side'] = execution.mySide;
  return row;
}
