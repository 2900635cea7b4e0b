// Each channel's payload, field by field, against the samples of quoine-api.md (§8.5 for the
// channels, with the §7 objects they carry), in both wire profiles; and every JSON number written
// from the exchange's exact decimal text.
import { expect } from 'chai';
import { isLosslessNumber } from 'lossless-json';
import type { Profile } from '../../../lib/sandbox/profile.js';
import { freshTapPerTest, jsonType, losslessData, nextTurn, updatesOn, type Frame } from './helpers.js';

type Sample = Record<string, unknown>;

const sample = (text: string): Sample => JSON.parse(text) as Sample;

/**
 * `user_account_{ccy}_orders`, Liquid: the §7.2 order object (2020 live capture) with the types of
 * the §8.5 channel sample: decimals numbers (`quantity: 0.01`, `price: 200.0`, `order_fee`,
 * `filled_quantity`, `margin_used`, `margin_interest`; `disc_quantity`, `iceberg_total_quantity`,
 * `average_price` likewise in a 2021 client's captures), `source_exchange` "QUOINE". `product_id`:
 * a string in one sample, a number in another; the sandbox sends a number.
 */
const LIQUID_ORDER = sample(`{"id": 2914273073, "order_type": "limit", "quantity": 0.01, "disc_quantity": 0.0,
  "iceberg_total_quantity": 0.0, "side": "buy", "filled_quantity": 0.0, "price": 200.0, "created_at": 1594964584,
  "updated_at": 1594964584, "status": "live", "leverage_level": 1, "source_exchange": "QUOINE", "product_id": 27,
  "margin_type": null, "take_profit": null, "stop_loss": null, "trading_type": "spot", "product_code": "CASH",
  "funding_currency": "JPY", "crypto_account_id": null, "currency_pair_code": "BTCJPY", "average_price": 0.0,
  "target": "spot", "order_fee": 0.0, "source_action": "manual", "unwound_trade_id": null, "trade_id": null,
  "client_order_id": null, "margin_used": 0.0, "margin_interest": 0.0, "unwound_trade_leverage_level": null}`);

/** `user_account_{ccy}_orders`, Quoine: the 2016 docs' order (§7.2), every decimal a string. */
const QUOINE_ORDER = sample(`{"id": 2157474, "order_type": "limit", "quantity": "0.01", "disc_quantity": "0.0",
  "iceberg_total_quantity": "0.0", "side": "sell", "filled_quantity": "0.0", "price": "500.0", "created_at": 1462123639,
  "updated_at": 1462123639, "status": "live", "leverage_level": 1, "source_exchange": "QUOINE", "product_id": 1,
  "product_code": "CASH", "funding_currency": "USD", "currency_pair_code": "BTCUSD", "order_fee": "0.0",
  "margin_used": "0.0", "margin_interest": "0.0", "unwound_trade_leverage_level": null}`);

/** `user_account_{ccy}_trades`, Quoine: the §7.7 trade (2016 docs), decimals strings. */
const QUOINE_TRADE = sample(`{"id": 57896, "currency_pair_code": "BTCUSD", "status": "open", "side": "short",
  "margin_used": "0.83588", "open_quantity": "0.01", "close_quantity": "0.0", "quantity": "0.01", "leverage_level": 5,
  "product_code": "CASH", "product_id": 1, "open_price": "417.65", "close_price": "417.0", "trader_id": 3020,
  "open_pnl": "0.0", "close_pnl": "0.0", "pnl": "0.0065", "stop_loss": "0.0", "take_profit": "0.0",
  "funding_currency": "USD", "created_at": 1456250726, "updated_at": 1456251837, "close_fee": "0.0",
  "total_interest": "0.02", "daily_interest": "0.02"}`);

/**
 * `user_account_{ccy}_trades`, Liquid: the same trade with its later fields (§7.7), every decimal a
 * number as the one client model of the channel (§8.5) has them.
 */
const LIQUID_TRADE = sample(`{"id": 57896, "currency_pair_code": "BTCUSD", "status": "open", "side": "short",
  "margin_used": 0.83588, "open_quantity": 0.01, "close_quantity": 0.0, "quantity": 0.01, "leverage_level": 5,
  "product_code": "CASH", "product_id": 1, "open_price": 417.65, "close_price": 417.0, "trader_id": 3020,
  "open_pnl": 0.0, "close_pnl": 0.0, "pnl": 0.0065, "stop_loss": 0.0, "take_profit": 0.0,
  "funding_currency": "USD", "created_at": 1456250726, "updated_at": 1456251837, "close_fee": 0.0,
  "total_interest": 0.02, "daily_interest": 0.02, "margin_type": "cross", "liquidation_price": 380.5,
  "maintenance_margin": 0.04, "total_fee": 0.0, "trading_type": "margin", "last_settlement_at": null}`);

/** `executions_cash_{pair}` (§8.5): Liquid as the 2021 client models it; Quoine the 2016 row's strings plus `timestamp`. */
const LIQUID_EXECUTION: Sample = {
  id: 1011880,
  quantity: 6.118954,
  price: 409.78,
  taker_side: 'sell',
  created_at: 1457370745,
  timestamp: '1457370745.000',
};
const QUOINE_EXECUTION: Sample = {
  id: 1011880,
  quantity: '6.118954',
  price: '409.78',
  taker_side: 'sell',
  created_at: 1457370745,
  timestamp: '1457370745.000',
};

/** `execution_details_cash_{pair}` (§8.5): the execution plus both order ids; Liquid: quantity string, price number. */
const LIQUID_EXECUTION_DETAILS: Sample = {
  ...LIQUID_EXECUTION,
  quantity: '6.118954',
  buy_order_id: 1,
  sell_order_id: 2,
};
const QUOINE_EXECUTION_DETAILS: Sample = { ...QUOINE_EXECUTION, buy_order_id: 1, sell_order_id: 2 };

/** `product_cash_{pair}_{id}`, the fields §8.5 types (Liquid: a 2021 client's model of the channel). */
const LIQUID_PRODUCT_TYPED: Sample = {
  id: '5',
  market_ask: '48203.05',
  market_bid: '48188.15',
  multiplier_up: 1.2,
  multiplier_down: 0.8,
};
const QUOINE_PRODUCT_TYPED: Sample = {
  id: 5,
  market_ask: '48203.05',
  market_bid: '48188.15',
  exchange_rate: '0.009398151671149725',
};

/** `{field: JSON type}` of every field of `sample`, read from `object`. */
function typesOf(object: Sample, sample: Sample): Record<string, string> {
  return Object.fromEntries(Object.keys(sample).map((field) => [field, jsonType(object[field])]));
}

function sampleTypes(sample: Sample): Record<string, string> {
  return typesOf(sample, sample);
}

/** The parsed data of the `created` and `updated` frames of one channel. */
function onChannel(frames: readonly Frame[], channel: string): Sample[] {
  return updatesOn(frames, channel).map(losslessData);
}

/** A decimal as the exchange printed it: at least one fractional digit (`9000.0`). */
function decimalText(value: { toFixed(): string }): string {
  const fixed = value.toFixed();
  return fixed.includes('.') ? fixed : `${fixed}.0`;
}

/** The source text of a wire value: a number's digits exactly as written, a string as is. */
function wireText(value: unknown): string {
  return isLosslessNumber(value) ? value.value : String(value);
}

const SAMPLES: Record<Profile, { order: Sample; trade: Sample; execution: Sample; details: Sample; product: Sample }> =
  {
    liquid: {
      order: LIQUID_ORDER,
      trade: LIQUID_TRADE,
      execution: LIQUID_EXECUTION,
      details: LIQUID_EXECUTION_DETAILS,
      product: LIQUID_PRODUCT_TYPED,
    },
    quoine: {
      order: QUOINE_ORDER,
      trade: QUOINE_TRADE,
      execution: QUOINE_EXECUTION,
      details: QUOINE_EXECUTION_DETAILS,
      product: QUOINE_PRODUCT_TYPED,
    },
  };

for (const profile of ['liquid', 'quoine'] as const) {
  const samples = SAMPLES[profile];

  describe(`sandbox tap: payload types per channel against the reference's samples (${profile} profile)`, () => {
    const tap = freshTapPerTest(profile);

    it('user_account_{ccy}_orders: every field typed as the sample, numbers written from the exact decimal text', async () => {
      await tap.client.authenticate(tap.maker);
      await tap.client.subscribe('user_account_usd_orders');
      const bid = tap.server.exchange.createOrder(tap.maker.userId, {
        orderType: 'limit',
        productId: 1,
        side: 'buy',
        quantity: '0.5',
        price: '9000',
      });
      tap.server.exchange.createOrder(tap.taker.userId, {
        orderType: 'market',
        productId: 1,
        side: 'sell',
        quantity: '0.125',
      });
      const orders = onChannel(await tap.client.drain(), 'user_account_usd_orders');
      expect(orders.map((o) => o['status'])).to.deep.equal(['live', 'partially_filled']);
      for (const order of orders) {
        expect(Object.keys(order)).to.have.members(Object.keys(samples.order));
        expect(typesOf(order, samples.order)).to.deep.equal(sampleTypes(samples.order));
      }
      // The exact text the exchange holds, Rails-style (`9000.0`, never `9000` or a float's digits).
      const record = tap.server.exchange.order(tap.maker.userId, bid.id);
      const exact = {
        price: record.price,
        quantity: record.quantity,
        filled_quantity: record.filledQuantity,
        average_price: record.averagePrice,
        order_fee: record.orderFee,
      };
      const filled = orders[1]!;
      for (const [field, value] of Object.entries(exact)) {
        if (field in samples.order) expect(wireText(filled[field]), field).to.equal(decimalText(value));
      }
      expect(wireText(filled['price'])).to.equal('9000.0');
      expect(wireText(filled['filled_quantity'])).to.equal('0.125');
    });

    it('user_account_{ccy}_trades: every field typed as the sample', async () => {
      await tap.client.authenticate(tap.taker);
      await tap.client.subscribe('user_account_usd_trades');
      tap.server.exchange.createOrder(tap.maker.userId, {
        orderType: 'limit',
        productId: 1,
        side: 'sell',
        quantity: '1',
        price: '10000.5',
      });
      tap.server.exchange.createOrder(tap.taker.userId, {
        orderType: 'market',
        productId: 1,
        side: 'buy',
        quantity: '0.5',
        leverageLevel: 10,
      });
      const trades = onChannel(await tap.client.drain(), 'user_account_usd_trades');
      expect(trades.length).to.be.greaterThan(0);
      const trade = trades.at(-1)!;
      expect(Object.keys(trade)).to.have.members(Object.keys(samples.trade));
      // `liquidation_price` and `last_settlement_at` may be null where the sample sets them.
      const expected = sampleTypes(samples.trade);
      const actual = typesOf(trade, samples.trade);
      for (const field of ['liquidation_price', 'last_settlement_at']) {
        if (field in expected && actual[field] === 'null') expected[field] = 'null';
      }
      expect(actual).to.deep.equal(expected);
      expect(wireText(trade['open_price'])).to.equal('10000.5');
      expect(wireText(trade['open_quantity'])).to.equal('0.5');
    });

    it('executions_cash_{pair} and execution_details_cash_{pair}: every field typed as the samples', async () => {
      await tap.client.subscribe('executions_cash_btcusd');
      await tap.client.subscribe('execution_details_cash_btcusd');
      tap.server.exchange.createOrder(tap.maker.userId, {
        orderType: 'limit',
        productId: 1,
        side: 'sell',
        quantity: '1',
        price: '10000',
      });
      tap.server.exchange.createOrder(tap.taker.userId, {
        orderType: 'market',
        productId: 1,
        side: 'buy',
        quantity: '0.25',
      });
      const frames = await tap.client.drain();
      const [execution] = onChannel(frames, 'executions_cash_btcusd');
      const [details] = onChannel(frames, 'execution_details_cash_btcusd');
      expect(Object.keys(execution!)).to.have.members(Object.keys(samples.execution));
      expect(typesOf(execution!, samples.execution)).to.deep.equal(sampleTypes(samples.execution));
      expect(Object.keys(details!)).to.have.members(Object.keys(samples.details));
      expect(typesOf(details!, samples.details)).to.deep.equal(sampleTypes(samples.details));
      expect(wireText(execution!['price'])).to.equal('10000.0');
      expect(wireText(details!['price'])).to.equal('10000.0');
    });

    it('product_cash_{pair}_{id}: the typed fields as the sample', async () => {
      await tap.client.subscribe('product_cash_btcusd_1');
      tap.server.exchange.createOrder(tap.maker.userId, {
        orderType: 'limit',
        productId: 1,
        side: 'buy',
        quantity: '1',
        price: '9000',
      });
      tap.server.exchange.createOrder(tap.maker.userId, {
        orderType: 'limit',
        productId: 1,
        side: 'sell',
        quantity: '1',
        price: '10000',
      });
      tap.server.exchange.createOrder(tap.taker.userId, {
        orderType: 'market',
        productId: 1,
        side: 'buy',
        quantity: '0.25',
      });
      await nextTurn();
      const [product] = onChannel(await tap.client.drain(), 'product_cash_btcusd_1');
      expect(typesOf(product!, samples.product)).to.deep.equal(sampleTypes(samples.product));
    });
  });
}
