import { expect } from 'chai';
import { parse } from 'lossless-json';
import type { Profile } from '../../../lib/sandbox/profile.js';
import { freshTapPerTest, jsonType, losslessData, nextTurn, updatesOn } from './helpers.js';

/** `{field: JSON type}` of the listed fields. */
function types(object: Record<string, unknown>, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, jsonType(object[field])]));
}

const PROFILES: readonly Profile[] = ['quoine', 'liquid'];

for (const profile of PROFILES) {
  const liquid = profile === 'liquid';
  const decimalType = liquid ? 'number' : 'string';

  describe(`sandbox tap: channels after real exchange activity (${profile} profile)`, () => {
    const tap = freshTapPerTest(profile);

    /** A resting ask from the maker and a market buy from the taker: one match of 0.25 at 10000.5. */
    function trade(): { askId: number; buyId: number } {
      const ask = tap.server.exchange.createOrder(tap.maker.userId, {
        orderType: 'limit',
        productId: 1,
        side: 'sell',
        quantity: '1',
        price: '10000.5',
      });
      const buy = tap.server.exchange.createOrder(tap.taker.userId, {
        orderType: 'market',
        productId: 1,
        side: 'buy',
        quantity: '0.25',
      });
      return { askId: ask.id, buyId: buy.id };
    }

    it('executions_cash_{pair}: created, {id, quantity, price, taker_side, created_at, timestamp} double-encoded', async () => {
      await tap.client.subscribe('executions_cash_btcusd');
      trade();
      const [frame, ...more] = updatesOn(await tap.client.drain(), 'executions_cash_btcusd');
      expect(more).to.have.length(0);
      expect(frame?.event).to.equal('created');
      const data = losslessData(frame!);
      expect(Object.keys(data)).to.have.members(['id', 'quantity', 'price', 'taker_side', 'created_at', 'timestamp']);
      expect(types(data, ['id', 'quantity', 'price', 'taker_side', 'created_at', 'timestamp'])).to.deep.equal({
        id: 'number',
        quantity: decimalType,
        price: decimalType,
        taker_side: 'string',
        created_at: 'number',
        timestamp: 'string',
      });
      expect(String(data['quantity'])).to.equal('0.25');
      expect(String(data['price'])).to.equal('10000.5');
      expect(data['taker_side']).to.equal('buy');
      expect(data['timestamp']).to.equal('1600000000.000');
      expect(String(data['created_at'])).to.equal('1600000000');
    });

    it('execution_details_cash_{pair}: the execution plus buy_order_id and sell_order_id', async () => {
      await tap.client.subscribe('execution_details_cash_btcusd');
      const { askId, buyId } = trade();
      const frames = updatesOn(await tap.client.drain(), 'execution_details_cash_btcusd');
      expect(frames).to.have.length(1);
      expect(frames[0]?.event).to.equal('created');
      const data = losslessData(frames[0]!);
      expect(Object.keys(data)).to.have.members([
        'id',
        'quantity',
        'price',
        'taker_side',
        'created_at',
        'timestamp',
        'buy_order_id',
        'sell_order_id',
      ]);
      expect(String(data['buy_order_id'])).to.equal(String(buyId));
      expect(String(data['sell_order_id'])).to.equal(String(askId));
    });

    it('price_ladders_cash_{pair}_{side}: updated, the top 40 levels of that side only, as [price, quantity] strings', async () => {
      await tap.client.subscribe('price_ladders_cash_btcusd_buy');
      await tap.client.subscribe('price_ladders_cash_btcusd_sell');
      // 45 bid levels in one turn: coalesced into one message of the best 40.
      for (let i = 0; i < 45; i += 1) {
        tap.server.exchange.createOrder(tap.maker.userId, {
          orderType: 'limit',
          productId: 1,
          side: 'buy',
          quantity: '0.1',
          price: String(9000 + i),
        });
      }
      tap.server.exchange.createOrder(tap.maker.userId, {
        orderType: 'limit',
        productId: 1,
        side: 'buy',
        quantity: '0.2',
        price: '9044',
      });
      await nextTurn();
      const frames = await tap.client.drain();
      expect(updatesOn(frames, 'price_ladders_cash_btcusd_sell')).to.have.length(0);
      const buys = updatesOn(frames, 'price_ladders_cash_btcusd_buy');
      expect(buys).to.have.length(1);
      expect(buys[0]?.event).to.equal('updated');
      const levels = parse(buys[0]!.data as string) as unknown[][];
      expect(levels).to.have.length(40);
      expect(levels.every((level) => level.length === 2 && level.every((value) => typeof value === 'string'))).to.equal(
        true,
      );
      expect(levels[0]).to.deep.equal(['9044.0', '0.3']);
      expect(levels[39]).to.deep.equal(['9005.0', '0.1']);

      // A change on the sell side alone goes out on the sell channel alone.
      tap.server.exchange.createOrder(tap.maker.userId, {
        orderType: 'limit',
        productId: 1,
        side: 'sell',
        quantity: '0.5',
        price: '11000',
      });
      await nextTurn();
      const next = await tap.client.drain();
      expect(updatesOn(next, 'price_ladders_cash_btcusd_buy')).to.have.length(0);
      expect(updatesOn(next, 'price_ladders_cash_btcusd_sell').map((f) => f.data)).to.deep.equal([
        JSON.stringify([['11000.0', '0.5']]),
      ]);

      // A change below the 40th level leaves the published side as it was: nothing is sent.
      tap.server.exchange.createOrder(tap.maker.userId, {
        orderType: 'limit',
        productId: 1,
        side: 'buy',
        quantity: '0.1',
        price: '8000',
      });
      await nextTurn();
      expect(updatesOn(await tap.client.drain(), 'price_ladders_cash_btcusd_buy')).to.have.length(0);
    });

    it('product_cash_{pair}_{id}: updated, the product object with the new last price', async () => {
      await tap.client.subscribe('product_cash_btcusd_1');
      trade();
      await nextTurn();
      const frames = updatesOn(await tap.client.drain(), 'product_cash_btcusd_1');
      expect(frames).to.have.length(1);
      const data = losslessData(frames[0]!);
      expect(jsonType(data['id'])).to.equal(liquid ? 'string' : 'number');
      expect(String(data['id'])).to.equal('1');
      expect(data['currency_pair_code']).to.equal('BTCUSD');
      expect(data['last_traded_price']).to.equal('10000.5');
      expect(data['last_traded_quantity']).to.equal('0.25');
      expect(data['market_ask']).to.equal('10000.5');
      expect(jsonType(data['exchange_rate'])).to.equal(liquid ? 'number' : 'string');
      if (liquid) expect(jsonType(data['timestamp'])).to.equal('string');

      // A new best bid moves the product; a bid below it does not, and sends nothing.
      tap.server.exchange.createOrder(tap.maker.userId, {
        orderType: 'limit',
        productId: 1,
        side: 'buy',
        quantity: '1',
        price: '9000',
      });
      await nextTurn();
      expect(
        updatesOn(await tap.client.drain(), 'product_cash_btcusd_1').map((f) => losslessData(f)['market_bid']),
      ).to.deep.equal(['9000.0']);
      tap.server.exchange.createOrder(tap.maker.userId, {
        orderType: 'limit',
        productId: 1,
        side: 'buy',
        quantity: '1',
        price: '8000',
      });
      await nextTurn();
      expect(updatesOn(await tap.client.drain(), 'product_cash_btcusd_1')).to.have.length(0);
    });

    it('user_account_{ccy}_orders: updated on create, fill and cancel, the fields of the order as REST answers an action', async () => {
      await tap.client.authenticate(tap.maker);
      await tap.client.subscribe('user_account_usd_orders');
      const bid = tap.server.exchange.createOrder(tap.maker.userId, {
        orderType: 'limit',
        productId: 1,
        side: 'buy',
        quantity: '0.5',
        price: '9000.25',
      });
      tap.server.exchange.createOrder(tap.taker.userId, {
        orderType: 'market',
        productId: 1,
        side: 'sell',
        quantity: '0.2',
      });
      tap.server.exchange.cancelOrder(tap.maker.userId, bid.id);
      const frames = updatesOn(await tap.client.drain(), 'user_account_usd_orders');
      expect(frames.map((f) => f.event)).to.deep.equal(['updated', 'updated', 'updated']);
      const orders = frames.map(losslessData);
      expect(orders.map((o) => o['status'])).to.deep.equal(['live', 'partially_filled', 'cancelled']);
      expect(orders.map((o) => String(o['filled_quantity']))).to.deep.equal(['0.0', '0.2', '0.2']);
      const last = orders[2]!;
      expect(String(last['id'])).to.equal(String(bid.id));
      expect(types(last, ['quantity', 'filled_quantity', 'price', 'order_fee', 'product_id'])).to.deep.equal({
        quantity: decimalType,
        filled_quantity: decimalType,
        price: decimalType,
        order_fee: decimalType,
        product_id: 'number',
      });
      expect(String(last['price'])).to.equal('9000.25');
      expect(last).to.not.have.property('executions');
    });

    it('user_account_{ccy}_trades: updated when a margin position opens', async () => {
      await tap.client.authenticate(tap.taker);
      await tap.client.subscribe('user_account_usd_trades');
      tap.server.exchange.createOrder(tap.maker.userId, {
        orderType: 'limit',
        productId: 1,
        side: 'sell',
        quantity: '1',
        price: '10000',
      });
      const order = tap.server.exchange.createOrder(tap.taker.userId, {
        orderType: 'market',
        productId: 1,
        side: 'buy',
        quantity: '0.5',
        leverageLevel: 10,
      });
      const frames = updatesOn(await tap.client.drain(), 'user_account_usd_trades');
      expect(frames.length).to.be.greaterThan(0);
      const trade = losslessData(frames.at(-1)!);
      expect(trade).to.include({ side: 'long', status: 'open', funding_currency: 'USD', currency_pair_code: 'BTCUSD' });
      expect(String(trade['leverage_level'])).to.equal('10');
      expect(String(trade['trader_id'])).to.equal(String(tap.taker.userId));
      expect(String(trade['open_quantity'])).to.equal('0.5');
      expect(types(trade, ['open_quantity', 'open_pnl', 'pnl'])).to.deep.equal({
        open_quantity: decimalType,
        open_pnl: decimalType,
        pnl: decimalType,
      });
      expect(tap.server.exchange.orderTrades(tap.taker.userId, order.id).map((t) => String(t.id))).to.include(
        String(trade['id']),
      );
    });

    it('user_executions_cash_{pair}: created, the own execution with my_side and order_id', async () => {
      await tap.client.authenticate(tap.taker);
      await tap.client.subscribe('user_executions_cash_btcusd');
      const { buyId } = trade();
      const frames = updatesOn(await tap.client.drain(), 'user_executions_cash_btcusd');
      expect(frames.map((f) => f.event)).to.deep.equal(['created']);
      const data = losslessData(frames[0]!);
      expect(data).to.include({ my_side: 'buy', taker_side: 'buy', quantity: '0.25', price: '10000.5' });
      expect(String(data['order_id'])).to.equal(String(buyId));
    });

    it('user_account_{ccy}: updated with {id, currency, balance, free_balance, reserved_balance, pnl, margin, maintenance_margin} strings', async () => {
      await tap.client.authenticate(tap.maker);
      await tap.client.subscribe('user_account_usd');
      await tap.client.subscribe('user_account_btc');
      tap.server.exchange.createOrder(tap.maker.userId, {
        orderType: 'limit',
        productId: 1,
        side: 'sell',
        quantity: '1',
        price: '10000',
      });
      const frames = await tap.client.drain();
      const btc = updatesOn(frames, 'user_account_btc').map(losslessData);
      expect(btc).to.have.length(1);
      expect(Object.keys(btc[0]!)).to.have.members([
        'id',
        'currency',
        'balance',
        'free_balance',
        'reserved_balance',
        'pnl',
        'margin',
        'maintenance_margin',
      ]);
      expect(btc[0]).to.include({ currency: 'BTC', balance: '100.0', reserved_balance: '1.0', free_balance: '99.0' });
      expect(updatesOn(frames, 'user_account_usd')).to.have.length(0);
    });
  });
}
