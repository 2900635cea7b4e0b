import { expect } from 'chai';
import { BTCUSD, makeExchange, refusal, text } from './helpers.js';

describe('sandbox exchange: matching', () => {
  function setup() {
    const { exchange, clock } = makeExchange();
    const alice = exchange.createUser({ USD: '100000', BTC: '10' });
    const bob = exchange.createUser({ USD: '100000', BTC: '10' });
    const carol = exchange.createUser({ USD: '100000', BTC: '10' });
    return { exchange, clock, alice, bob, carol };
  }

  it('fills at the maker price with price-time priority and partial fills', () => {
    const { exchange, clock, alice, bob, carol } = setup();
    const first = exchange.createOrder(alice, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.5',
      price: '10010',
    });
    clock.advance(1000);
    const second = exchange.createOrder(bob, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.5',
      price: '10010',
    });
    const better = exchange.createOrder(bob, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.2',
      price: '10005',
    });
    clock.advance(1000);
    const taker = exchange.createOrder(carol, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.9',
      price: '10020',
    });

    expect(taker.status).to.equal('filled');
    expect(taker.executions.map((e) => [e.price.toFixed(), e.quantity.toFixed(), e.orderId])).to.deep.equal([
      ['10005', '0.2', taker.id],
      ['10010', '0.5', taker.id],
      ['10010', '0.2', taker.id],
    ]);
    expect(text(taker.averagePrice)).to.equal('10008.88888889');
    expect(exchange.order(alice, first.id).status).to.equal('filled');
    const partly = exchange.order(bob, second.id);
    expect(partly.status).to.equal('partially_filled');
    expect(text(partly.filledQuantity)).to.equal('0.2');
    expect(exchange.order(bob, better.id).status).to.equal('filled');
    expect(exchange.orderBook(BTCUSD).sellPriceLevels.map(([p, q]) => [p.toFixed(), q.toFixed()])).to.deep.equal([
      ['10010', '0.3'],
    ]);
  });

  it('charges taker and maker fees exactly in the quote currency', () => {
    const { exchange, alice, bob } = setup();
    exchange.createOrder(alice, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.123',
      price: '10001.37',
    });
    const taker = exchange.createOrder(bob, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.123',
      price: '10001.37',
    });
    // notional 1230.16851; taker 0.15 %, maker 0.05 %
    expect(text(taker.orderFee)).to.equal('1.845252765');
    expect(text(exchange.orders(alice)[0]?.orderFee)).to.equal('0.615084255');
    expect(text(exchange.account(bob, 'USD').balance)).to.equal('98767.986237235');
    expect(text(exchange.account(bob, 'BTC').balance)).to.equal('10.123');
    expect(text(exchange.account(alice, 'USD').balance)).to.equal('101229.553425745');
    expect(text(exchange.account(alice, 'BTC').balance)).to.equal('9.877');
    const fees = exchange.feeAccountBalances().find((row) => row.currency === 'USD');
    expect(text(fees?.balance)).to.equal('2.46033702');
    expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal('0');
    expect(text(exchange.account(alice, 'BTC').reservedBalance)).to.equal('0');
  });

  it('reserves a limit buy at its own price plus the max fee and releases the difference on a better fill', () => {
    const { exchange, alice, bob } = setup();
    const bid = exchange.createOrder(bob, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'buy',
      quantity: '1',
      price: '10000',
    });
    expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal('10015');
    expect(text(exchange.account(bob, 'USD').freeBalance)).to.equal('89985');
    exchange.createOrder(alice, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.4',
      price: '9990',
    });
    expect(exchange.order(bob, bid.id).status).to.equal('partially_filled');
    expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal('6009');
    exchange.cancelOrder(bob, bid.id);
    expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal('0');
    // bought 0.4 at the maker (bob) price 10000 with the maker fee 0.05 %
    expect(text(exchange.account(bob, 'USD').balance)).to.equal('95998');
  });

  it('market orders sweep the book and cancel the rest; a market buy beyond the free balance is refused', () => {
    const { exchange, alice, bob, carol } = setup();
    exchange.createOrder(alice, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.1',
      price: '10000',
    });
    exchange.createOrder(alice, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.1',
      price: '10100',
    });
    const market = exchange.createOrder(bob, { orderType: 'market', productId: BTCUSD, side: 'buy', quantity: '0.3' });
    expect(market.status).to.equal('cancelled');
    expect(text(market.filledQuantity)).to.equal('0.2');
    expect(text(market.averagePrice)).to.equal('10050');
    expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal('0');

    exchange.createOrder(alice, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '5', price: '10000' });
    const poor = exchange.createUser({ USD: '100' });
    const error = refusal(() =>
      exchange.createOrder(poor, { orderType: 'market', productId: BTCUSD, side: 'buy', quantity: '0.01' }),
    );
    expect(error).to.include({ status: 422, field: 'user', code: 'not_enough_free_balance' });
    const sell = exchange.createOrder(carol, { orderType: 'market', productId: BTCUSD, side: 'sell', quantity: '1' });
    expect(sell.status).to.equal('cancelled');
    expect(text(sell.filledQuantity)).to.equal('0');
  });

  it('market_with_range stops at price, or at best ask + price_range', () => {
    const { exchange, alice, bob } = setup();
    for (const price of ['10000', '10010', '10020', '10030']) {
      exchange.createOrder(alice, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '0.1', price });
    }
    const byPrice = exchange.createOrder(bob, {
      orderType: 'market_with_range',
      productId: BTCUSD,
      side: 'buy',
      quantity: '1',
      price: '10010',
    });
    expect(text(byPrice.filledQuantity)).to.equal('0.2');
    expect(byPrice.status).to.equal('cancelled');
    const byRange = exchange.createOrder(bob, {
      orderType: 'market_with_range',
      productId: BTCUSD,
      side: 'buy',
      quantity: '1',
      priceRange: '5',
    });
    expect(text(byRange.filledQuantity)).to.equal('0.1');
    expect(byRange.executions.map((e) => e.price.toFixed())).to.deep.equal(['10020']);
    exchange.createOrder(bob, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '0.1', price: '9990' });
    exchange.createOrder(bob, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '0.1', price: '9980' });
    const sell = exchange.createOrder(alice, {
      orderType: 'market_with_range',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.5',
      priceRange: '10',
    });
    expect(sell.executions.map((e) => e.price.toFixed())).to.deep.equal(['9990', '9980']);
  });

  it('limit_post_only rests when it does not cross and is cancelled (not refused) when it would match', () => {
    const { exchange, alice, bob } = setup();
    exchange.createOrder(alice, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.1',
      price: '10000',
    });
    const resting = exchange.createOrder(bob, {
      orderType: 'limit_post_only',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.1',
      price: '9999',
    });
    expect(resting.status).to.equal('live');
    const crossing = exchange.createOrder(bob, {
      orderType: 'limit_post_only',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.1',
      price: '10000',
    });
    expect(crossing.status).to.equal('cancelled');
    expect(text(crossing.filledQuantity)).to.equal('0');
    expect(exchange.executions(BTCUSD)).to.have.length(0);
    expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal('1001.39985');
  });

  it('stop orders wait off the book until the last price reaches them, then run as market orders', () => {
    const { exchange, alice, bob, carol } = setup();
    const stop = exchange.createOrder(carol, {
      orderType: 'stop',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.2',
      price: '9900',
    });
    expect(stop.status).to.equal('live');
    expect(exchange.orderBook(BTCUSD).sellPriceLevels).to.have.length(0);
    expect(text(exchange.account(carol, 'BTC').reservedBalance)).to.equal('0.2');
    exchange.createOrder(bob, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '1', price: '9890' });
    exchange.createOrder(alice, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.1',
      price: '9950',
    });
    exchange.createOrder(bob, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '0.1', price: '9950' });
    expect(exchange.order(carol, stop.id).status).to.equal('live');
    exchange.createOrder(alice, { orderType: 'market', productId: BTCUSD, side: 'sell', quantity: '0.1' });
    const fired = exchange.order(carol, stop.id);
    expect(fired.status).to.equal('filled');
    expect(fired.stopTriggeredTime).to.be.a('number');
    expect(fired.executions.map((e) => e.price.toFixed())).to.deep.equal(['9890']);
    expect(text(exchange.account(carol, 'BTC').reservedBalance)).to.equal('0');
  });

  it('trailing stops follow the best last price by a price distance or a percentage', () => {
    const { exchange, alice, bob, carol } = setup();
    const trail = exchange.createOrder(carol, {
      orderType: 'trailing_stop',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.1',
      trailingStopType: 'price',
      trailingStopValue: '100',
    });
    expect(text(trail.price)).to.equal('9900');
    const trade = (price: string): void => {
      exchange.createOrder(alice, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '0.01', price });
      exchange.createOrder(bob, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '0.01', price });
    };
    trade('10200');
    expect(text(exchange.order(carol, trail.id).price)).to.equal('10100');
    exchange.createOrder(bob, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '1', price: '10000' });
    trade('10150');
    expect(exchange.order(carol, trail.id).status).to.equal('live');
    exchange.createOrder(alice, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.01',
      price: '10100',
    });
    exchange.createOrder(bob, { orderType: 'market', productId: BTCUSD, side: 'buy', quantity: '0.01' });
    expect(exchange.order(carol, trail.id).status).to.equal('filled');

    const percent = exchange.createOrder(carol, {
      orderType: 'trailing_stop',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.1',
      trailingStopType: 'percentage',
      trailingStopValue: '5',
    });
    expect(text(percent.price)).to.equal('10500');
  });

  it('stamps every record of one mutation with one time, read once, even from a clock that moves on every read', () => {
    let reads = 0;
    let ms = 1_600_000_000_000;
    // Moves a millisecond on every read: a record made from a second reading would show it.
    const { exchange } = makeExchange({
      now: () => {
        reads += 1;
        return (ms += 1);
      },
    });
    const maker = exchange.createUser({ BTC: '10' });
    const taker = exchange.createUser({ USD: '100000' });
    exchange.createOrder(maker, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.5',
      price: '10010',
    });
    const before = reads;
    const order = exchange.createOrder(taker, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.2',
      price: '10010',
    });
    expect(reads - before).to.equal(1);
    const time = order.createdAt;
    expect(order.updatedAt).to.equal(time);
    expect(order.executions.map((e) => e.createdAt)).to.deep.equal([time]);
    const [makerOrder] = exchange.orders(maker).filter((o) => o.side === 'sell');
    expect(makerOrder?.updatedAt).to.equal(time);
    for (const user of [maker, taker]) {
      const changes = exchange
        .balanceHistory(user)
        .filter((h) => h.sourceAction === 'trade' || h.sourceAction === 'fee');
      expect(changes.length).to.be.greaterThan(0);
      expect(new Set(changes.map((h) => h.timestamp))).to.deep.equal(new Set([time]));
    }
    // The next mutation reads the clock again.
    const next = exchange.createOrder(taker, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.1',
      price: '9000',
    });
    expect(next.createdAt).to.be.greaterThan(time);
  });
});
