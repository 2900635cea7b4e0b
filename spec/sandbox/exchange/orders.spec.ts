import { expect } from 'chai';
import { BTCUSD, DISABLED, makeExchange, refusal, text } from './helpers.js';

describe('sandbox exchange: edits, cancels, client order ids, validation', () => {
  function setup(overrides: Parameters<typeof makeExchange>[0] = {}) {
    const { exchange, clock } = makeExchange(overrides);
    const alice = exchange.createUser({ USD: '100000', BTC: '10', ETH: '10' });
    const bob = exchange.createUser({ USD: '100000', BTC: '10' });
    return { exchange, clock, alice, bob };
  }

  describe('edits', () => {
    it('a quantity decrease keeps time priority; a price change or a quantity increase loses it', () => {
      const { exchange, alice, bob } = setup();
      const first = exchange.createOrder(alice, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'sell',
        quantity: '0.5',
        price: '10010',
      });
      const second = exchange.createOrder(alice, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'sell',
        quantity: '0.5',
        price: '10010',
      });
      exchange.editOrder(alice, first.id, { quantity: '0.3' });
      expect(text(exchange.account(alice, 'BTC').reservedBalance)).to.equal('0.8');
      let taker = exchange.createOrder(bob, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'buy',
        quantity: '0.1',
        price: '10010',
      });
      expect(taker.status).to.equal('filled');
      expect(exchange.order(alice, first.id).filledQuantity.toFixed()).to.equal('0.1');

      const third = exchange.createOrder(alice, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'sell',
        quantity: '0.5',
        price: '10020',
      });
      const fourth = exchange.createOrder(alice, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'sell',
        quantity: '0.5',
        price: '10020',
      });
      exchange.editOrder(alice, third.id, { quantity: '0.6' });
      exchange.cancelOrder(alice, first.id);
      exchange.cancelOrder(alice, second.id);
      taker = exchange.createOrder(bob, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'buy',
        quantity: '0.1',
        price: '10020',
      });
      expect(text(exchange.order(alice, fourth.id).filledQuantity)).to.equal('0.1');
      expect(text(exchange.order(alice, third.id).filledQuantity)).to.equal('0');
      expect(taker.status).to.equal('filled');
    });

    it('an edit that crosses matches like a new order, and the reservation follows the new terms', () => {
      const { exchange, alice, bob } = setup();
      exchange.createOrder(alice, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'sell',
        quantity: '0.2',
        price: '10050',
      });
      const bid = exchange.createOrder(bob, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'buy',
        quantity: '0.5',
        price: '10000',
      });
      expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal('5007.5');
      const edited = exchange.editOrder(bob, bid.id, { price: '10060' });
      expect(edited.status).to.equal('partially_filled');
      expect(edited.executions.map((e) => e.price.toFixed())).to.deep.equal(['10050']);
      expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal('3022.527');
      expect(exchange.orderBook(BTCUSD).buyPriceLevels.map(([p, q]) => [p.toFixed(), q.toFixed()])).to.deep.equal([
        ['10060', '0.3'],
      ]);
    });

    it('refuses partially filled and non-live orders with the exchange texts; refused edits change nothing', () => {
      const { exchange, alice, bob } = setup();
      const ask = exchange.createOrder(alice, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'sell',
        quantity: '1',
        price: '10000',
      });
      exchange.createOrder(bob, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'buy',
        quantity: '0.1',
        price: '10000',
      });
      expect(refusal(() => exchange.editOrder(alice, ask.id, { price: '10001' }))).to.include({
        status: 422,
        field: 'order',
        code: 'Can not update partially filled order',
      });
      exchange.cancelOrder(alice, ask.id);
      expect(refusal(() => exchange.editOrder(alice, ask.id, { price: '10001' }))).to.include({
        status: 422,
        field: undefined,
        message: 'Can not update non-live order',
      });
      const bid = exchange.createOrder(bob, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'buy',
        quantity: '1',
        price: '10000',
      });
      const before = text(exchange.account(bob, 'USD').reservedBalance);
      expect(refusal(() => exchange.editOrder(bob, bid.id, { quantity: '100' }))).to.include({
        code: 'not_enough_free_balance',
      });
      expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal(before);
      expect(refusal(() => exchange.editOrder(bob, bid.id, {}))).to.include({
        status: 400,
        message: 'missing parameters',
      });
      expect(refusal(() => exchange.editOrder(alice, bid.id, { price: '1' }))).to.include({
        status: 404,
        message: 'Order not found',
      });
    });
  });

  describe('cancels', () => {
    it('releases the reserved rest; a non-live cancel is 404 by default or returns the order when configured', () => {
      const { exchange, alice } = setup();
      const ask = exchange.createOrder(alice, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'sell',
        quantity: '2',
        price: '10100',
      });
      expect(text(exchange.account(alice, 'BTC').reservedBalance)).to.equal('2');
      const cancelled = exchange.cancelOrder(alice, ask.id);
      expect(cancelled.status).to.equal('cancelled');
      expect(text(exchange.account(alice, 'BTC').reservedBalance)).to.equal('0');
      expect(refusal(() => exchange.cancelOrder(alice, ask.id))).to.include({
        status: 404,
        message: 'Order not found',
      });

      const lenient = setup({ nonLiveCancel: 'return-order' });
      const order = lenient.exchange.createOrder(lenient.alice, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'sell',
        quantity: '1',
        price: '10100',
      });
      lenient.exchange.cancelOrder(lenient.alice, order.id);
      expect(lenient.exchange.cancelOrder(lenient.alice, order.id).status).to.equal('cancelled');
    });

    it('cancel-all filters by product, side and trading type and lists {id, clientOrderId}', () => {
      const { exchange, alice } = setup();
      const a = exchange.createOrder(alice, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'sell',
        quantity: '0.1',
        price: '10100',
        clientOrderId: 'a-1',
      });
      const b = exchange.createOrder(alice, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'buy',
        quantity: '0.1',
        price: '9900',
      });
      const c = exchange.createOrder(alice, {
        orderType: 'limit',
        productId: 2,
        side: 'sell',
        quantity: '0.1',
        price: '0.031',
      });
      const margin = exchange.createOrder(alice, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'buy',
        quantity: '0.1',
        price: '9800',
        leverageLevel: 10,
      });
      expect(exchange.cancelAllOrders(alice, { productId: BTCUSD, side: 'sell' })).to.deep.equal([
        { id: a.id, clientOrderId: 'a-1' },
      ]);
      expect(exchange.cancelAllOrders(alice, { tradingType: 'margin' })).to.deep.equal([
        { id: margin.id, clientOrderId: null },
      ]);
      expect(exchange.cancelAllOrders(alice).map((row) => row.id)).to.deep.equal([b.id, c.id]);
      expect(exchange.orders(alice, { status: 'live' })).to.have.length(0);
      for (const currency of ['USD', 'BTC', 'ETH'])
        expect(text(exchange.account(alice, currency).reservedBalance)).to.equal('0');
    });
  });

  describe('client order ids', () => {
    it('finds orders by client id and refuses a duplicate among the last 100, not older ones', () => {
      const { exchange, alice, bob } = setup();
      const place = (clientOrderId: string) =>
        exchange.createOrder(alice, {
          orderType: 'limit',
          productId: BTCUSD,
          side: 'buy',
          quantity: '0.001',
          price: '9000',
          clientOrderId,
        });
      const first = place('id-0');
      expect(exchange.orderByClientId(alice, 'id-0').id).to.equal(first.id);
      expect(refusal(() => exchange.orderByClientId(bob, 'id-0'))).to.include({ status: 404 });
      expect(refusal(() => place('id-0'))).to.include({
        status: 422,
        field: 'client_order_id',
        code: 'has_already_been_taken',
      });
      for (let index = 1; index < 100; index += 1) place(`id-${index}`);
      expect(exchange.isRecentClientOrderId(alice, 'id-0')).to.equal(true);
      place('id-100');
      expect(exchange.isRecentClientOrderId(alice, 'id-0')).to.equal(false);
      const again = place('id-0');
      expect(exchange.orderByClientId(alice, 'id-0').id).to.equal(again.id);
      expect(exchange.isRecentClientOrderId(bob, 'id-50')).to.equal(false);
      expect(exchange.cancelOrderByClientId(alice, 'id-50').status).to.equal('cancelled');
      expect(text(exchange.editOrderByClientId(alice, 'id-51', { price: '9001' }).price)).to.equal('9001');
    });

    it('refuses ids over 36 bytes or with special characters other than -', () => {
      const { exchange, alice } = setup();
      const place = (clientOrderId: string) =>
        exchange.createOrder(alice, {
          orderType: 'limit',
          productId: BTCUSD,
          side: 'buy',
          quantity: '0.001',
          price: '9000',
          clientOrderId,
        });
      expect(place('a'.repeat(36)).clientOrderId).to.equal('a'.repeat(36));
      expect(refusal(() => place('a'.repeat(37)))).to.include({ field: 'client_order_id', code: 'invalid' });
      expect(refusal(() => place('a_b'))).to.include({ field: 'client_order_id', code: 'invalid' });
      expect(refusal(() => place('é'.repeat(19)))).to.include({ field: 'client_order_id', code: 'invalid' });
    });
  });

  describe('validation', () => {
    it('answers with the real error codes', () => {
      const { exchange, alice } = setup();
      const base = { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '0.01', price: '10000' } as const;
      const poor = exchange.createUser({ USD: '1' });
      expect(refusal(() => exchange.createOrder(alice, { ...base, quantity: '0.0009' }))).to.include({
        status: 422,
        field: 'quantity',
        code: 'less_than_order_size',
      });
      expect(refusal(() => exchange.createOrder(alice, { ...base, quantity: '-1' }))).to.include({
        field: 'quantity',
        code: 'less_than_order_size',
      });
      expect(refusal(() => exchange.createOrder(alice, { ...base, price: '0' }))).to.include({
        status: 422,
        field: 'price',
        code: 'must_be_positive',
      });
      expect(refusal(() => exchange.createOrder(alice, { ...base, price: '-5' }))).to.include({
        field: 'price',
        code: 'must_be_positive',
      });
      expect(refusal(() => exchange.createOrder(alice, { ...base, price: '15000.01' }))).to.include({
        field: 'order',
        code: 'price_too_high',
      });
      expect(refusal(() => exchange.createOrder(alice, { ...base, price: '4999.99' }))).to.include({
        field: 'order',
        code: 'price_too_small',
      });
      expect(exchange.createOrder(alice, { ...base, price: '15000' }).status).to.equal('live');
      expect(refusal(() => exchange.createOrder(alice, { ...base, productId: DISABLED }))).to.include({
        field: 'order',
        code: 'product_disabled',
      });
      expect(refusal(() => exchange.createOrder(poor, base))).to.include({
        field: 'user',
        code: 'not_enough_free_balance',
      });
      expect(refusal(() => exchange.createOrder(alice, { ...base, price: undefined }))).to.include({
        status: 400,
        message: 'missing parameters',
      });
      expect(refusal(() => exchange.createOrder(alice, { ...base, quantity: '' }))).to.include({
        status: 400,
        message: 'missing parameters',
      });
      expect(refusal(() => exchange.createOrder(alice, { ...base, quantity: 'ten' }))).to.include({
        field: 'quantity',
        code: 'is_not_a_number',
      });
      // Exponent form is a number (a JSON number as Python writes it): 1e3 BTC is more than alice can pay.
      expect(refusal(() => exchange.createOrder(alice, { ...base, quantity: '1e3' }))).to.include({
        field: 'user',
        code: 'not_enough_free_balance',
      });
      expect(refusal(() => exchange.createOrder(alice, { ...base, productId: 77 }))).to.include({
        field: 'product_id',
        code: 'not_found',
      });
      expect(refusal(() => exchange.createOrder(alice, { ...base, fundingCurrency: 'JPY' }))).to.include({
        field: 'funding_currency',
      });
      expect(refusal(() => exchange.createOrder(alice, { ...base, leverageLevel: 3 }))).to.include({
        field: 'leverage_level',
        code: 'invalid',
      });
      expect(
        refusal(() => exchange.createOrder(alice, { ...base, productId: 2, leverageLevel: 2, price: '0.03' })),
      ).to.include({ field: 'order', code: 'margin_not_enabled' });
      expect(exchange.orders(alice)).to.have.length(1);
    });
  });

  describe('lookup by id', () => {
    it('finds live and finished orders by id, and answers 404 for any other number a request may carry', () => {
      const { exchange, alice, bob } = setup();
      const place = (user: number, side: 'buy' | 'sell', price: string) =>
        exchange.createOrder(user, { orderType: 'limit', productId: BTCUSD, side, quantity: '0.1', price });
      const resting = place(alice, 'sell', '10100');
      const filled = place(alice, 'sell', '10050');
      place(bob, 'buy', '10050');
      const cancelled = place(alice, 'buy', '9000');
      exchange.cancelOrder(alice, cancelled.id);
      expect(exchange.order(alice, resting.id).status).to.equal('live');
      expect(exchange.order(alice, filled.id).status).to.equal('filled');
      expect(exchange.order(alice, cancelled.id).status).to.equal('cancelled');
      for (const id of [
        resting.id - 1, // before the first order
        cancelled.id + 1, // not given yet
        resting.id + 0.5,
        -resting.id,
        0,
        -1,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        Number.MAX_SAFE_INTEGER,
        2 ** 64,
      ]) {
        expect(
          refusal(() => exchange.order(alice, id)),
          String(id),
        ).to.include({
          status: 404,
          message: 'Order not found',
        });
      }
      // Another user's order is not found either, live or finished.
      expect(refusal(() => exchange.order(bob, resting.id))).to.include({ status: 404 });
      expect(refusal(() => exchange.order(bob, filled.id))).to.include({ status: 404 });
    });

    it("cancels all of a user's live orders oldest first, after many of their orders finished", () => {
      const { exchange, alice, bob } = setup();
      const live: number[] = [];
      for (let i = 0; i < 40; i++) {
        const order = exchange.createOrder(alice, {
          orderType: 'limit',
          productId: BTCUSD,
          side: 'sell',
          quantity: '0.01',
          price: String(10_100 + i),
        });
        // Every other order is cancelled at once: the user's kept list is compacted on the way.
        if (i % 2 === 0) exchange.cancelOrder(alice, order.id);
        else live.push(order.id);
      }
      exchange.createOrder(bob, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'buy',
        quantity: '0.01',
        price: '9000',
      });
      const cancelled = exchange.cancelAllOrders(alice);
      expect(cancelled.map((order) => order.id)).to.deep.equal(live);
      expect(exchange.orders(alice).filter((order) => order.status === 'live')).to.deep.equal([]);
      expect(exchange.orders(bob).map((order) => order.status)).to.deep.equal(['live']);
    });
  });
});
