import { expect } from 'chai';
import type { ExchangeEventMap } from '../../../lib/sandbox/exchange/index.js';
import { BTCUSD, T0, makeExchange, refusal, text } from './helpers.js';

describe('sandbox exchange: market data and events', () => {
  function setup() {
    const { exchange, clock } = makeExchange();
    const alice = exchange.createUser({ USD: '1000000', BTC: '100' });
    const bob = exchange.createUser({ USD: '1000000', BTC: '100' });
    const trade = (price: string, quantity = '0.1', taker: 'buy' | 'sell' = 'buy'): void => {
      const makerSide = taker === 'buy' ? 'sell' : 'buy';
      exchange.createOrder(alice, { orderType: 'limit', productId: BTCUSD, side: makerSide, quantity, price });
      exchange.createOrder(bob, {
        orderType: 'limit',
        productId: BTCUSD,
        side: taker,
        quantity,
        price,
        clientOrderId: `b-${price}-${quantity.replace('.', '')}`,
      });
    };
    return { exchange, clock, alice, bob, trade };
  }

  it('lists public executions newest first and since a timestamp oldest first; mine carry my side, order and client ids', () => {
    const { exchange, clock, alice, bob, trade } = setup();
    trade('10000');
    clock.advance(1500);
    trade('10010', '0.2', 'sell');
    clock.advance(1000);
    trade('10020');
    const all = exchange.executions(BTCUSD);
    expect(all.map((e) => [e.price.toFixed(), e.takerSide, e.createdAt])).to.deep.equal([
      ['10020', 'buy', T0 / 1000 + 2.5],
      ['10010', 'sell', T0 / 1000 + 1.5],
      ['10000', 'buy', T0 / 1000],
    ]);
    expect(all[0]?.id).to.be.greaterThan(all[1]?.id ?? Infinity);
    expect(exchange.executionsSince(BTCUSD, T0 / 1000 + 1.5).map((e) => e.price.toFixed())).to.deep.equal([
      '10010',
      '10020',
    ]);
    expect(exchange.executionsSince(BTCUSD, T0 / 1000 + 1, 1).map((e) => e.price.toFixed())).to.deep.equal(['10010']);
    expect(exchange.executionsSince(BTCUSD, T0 / 1000 + 3)).to.deep.equal([]);
    const mine = exchange.myExecutions(bob, BTCUSD);
    expect(mine.map((e) => [e.mySide, e.clientOrderId])).to.deep.equal([
      ['buy', 'b-10020-01'],
      ['sell', 'b-10010-02'],
      ['buy', 'b-10000-01'],
    ]);
    expect(exchange.myExecutions(alice, BTCUSD).map((e) => e.mySide)).to.deep.equal(['sell', 'buy', 'sell']);
    expect(exchange.orderExecutions(bob, mine[0]?.orderId ?? 0).map((e) => e.id)).to.deep.equal([mine[0]?.id]);
    expect(refusal(() => exchange.executions(404))).to.include({ status: 404, message: 'Product not found' });
  });

  it('product statistics move with trades: best prices, last trade, rolling 24 h volume, low/high, price 24 h ago', () => {
    const { exchange, clock, alice, trade } = setup();
    let product = exchange.product(BTCUSD);
    expect([product.lastTradedPrice, product.marketBid, product.marketAsk, product.volume24h].map(text)).to.deep.equal([
      '10000',
      null,
      null,
      '0',
    ]);
    trade('10000', '0.5');
    clock.advance(3600_000);
    trade('10100', '0.25');
    exchange.createOrder(alice, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '1', price: '9990' });
    exchange.createOrder(alice, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '1', price: '10110' });
    product = exchange.product(BTCUSD);
    expect(
      [
        product.lastTradedPrice,
        product.lastTradedQuantity,
        product.marketBid,
        product.marketAsk,
        product.volume24h,
        product.lowMarketBid,
        product.highMarketAsk,
      ].map(text),
    ).to.deep.equal(['10100', '0.25', '9990', '10110', '0.75', '10000', '10100']);
    clock.advance(23 * 3600_000 + 1);
    product = exchange.product(BTCUSD);
    expect([product.volume24h, product.lastPrice24h, product.lowMarketBid].map(text)).to.deep.equal([
      '0.25',
      '10000',
      '10100',
    ]);
    expect(product.timestamp).to.equal(clock.ms / 1000);
    expect(exchange.products().map((p) => p.id)).to.deep.equal([1, 2, 9]);
  });

  it('order book: aggregated by price, buys descending, sells ascending, depth-limited or full', () => {
    const { exchange, alice, bob } = setup();
    for (const [price, quantity] of [
      ['9990', '0.1'],
      ['9995', '0.2'],
      ['9990', '0.3'],
      ['9980', '1'],
    ] as const) {
      exchange.createOrder(alice, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity, price });
    }
    for (const price of ['10010', '10005', '10020'])
      exchange.createOrder(bob, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '0.5', price });
    const book = exchange.orderBook(BTCUSD);
    expect(book.buyPriceLevels.map(([p, q]) => [p.toFixed(), q.toFixed()])).to.deep.equal([
      ['9995', '0.2'],
      ['9990', '0.4'],
      ['9980', '1'],
    ]);
    expect(book.sellPriceLevels.map(([p]) => p.toFixed())).to.deep.equal(['10005', '10010', '10020']);
    expect(exchange.orderBook(BTCUSD, { depth: 1 }).sellPriceLevels).to.have.length(1);
    expect(exchange.orderBook(BTCUSD, { full: true, depth: 1 }).sellPriceLevels).to.have.length(3);
  });

  it('emits snapshots after each change is complete', () => {
    const { exchange, alice, bob } = setup();
    const seen = {
      order: [] as Array<ExchangeEventMap['order']>,
      execution: [] as Array<ExchangeEventMap['execution']>,
      myExecution: [] as Array<ExchangeEventMap['myExecution']>,
      account: [] as Array<ExchangeEventMap['account']>,
      product: [] as Array<ExchangeEventMap['product']>,
      book: [] as Array<ExchangeEventMap['book']>,
      trade: [] as Array<ExchangeEventMap['trade']>,
      tradingAccount: [] as Array<ExchangeEventMap['tradingAccount']>,
    };
    exchange.on('order', (payload) => seen.order.push(payload));
    exchange.on('execution', (payload) => seen.execution.push(payload));
    exchange.on('myExecution', (payload) => seen.myExecution.push(payload));
    exchange.on('account', (payload) => seen.account.push(payload));
    exchange.on('product', (payload) => seen.product.push(payload));
    exchange.on('book', (payload) => seen.book.push(payload));
    exchange.on('trade', (payload) => seen.trade.push(payload));
    exchange.on('tradingAccount', (payload) => seen.tradingAccount.push(payload));
    const clear = (): void => {
      for (const list of Object.values(seen)) list.length = 0;
    };
    let bookDuringOrderEvent: number | undefined;
    const stop = exchange.on('order', () => {
      bookDuringOrderEvent = exchange.orderBook(BTCUSD).sellPriceLevels.length;
    });
    const ask = exchange.createOrder(alice, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.5',
      price: '10000',
    });
    expect(bookDuringOrderEvent).to.equal(1);
    stop();
    expect(seen.order.map((o) => [o.id, o.status])).to.deep.equal([[ask.id, 'live']]);
    expect(seen.book[0]?.sellPriceLevels.map(([p]) => p.toFixed())).to.deep.equal(['10000']);
    expect(seen.account.map((a) => [a.userId, a.currency, a.reservedBalance.toFixed()])).to.deep.equal([
      [alice, 'BTC', '0.5'],
    ]);

    clear();
    exchange.createOrder(bob, { orderType: 'market', productId: BTCUSD, side: 'buy', quantity: '0.2' });
    expect(seen.execution.map((e) => [e.price.toFixed(), e.quantity.toFixed(), e.takerSide])).to.deep.equal([
      ['10000', '0.2', 'buy'],
    ]);
    expect(seen.myExecution.map((e) => [e.userId, e.mySide])).to.deep.equal([
      [bob, 'buy'],
      [alice, 'sell'],
    ]);
    expect(seen.order.map((o) => o.status)).to.deep.equal(['partially_filled', 'filled']);
    expect(seen.product.map((p) => p.lastTradedPrice?.toFixed())).to.deep.equal(['10000']);
    expect(seen.account.map((a) => `${a.userId}:${a.currency}`).sort()).to.deep.equal(
      [`${alice}:BTC`, `${alice}:USD`, `${bob}:BTC`, `${bob}:USD`].sort(),
    );

    clear();
    exchange.createOrder(bob, {
      orderType: 'market',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.1',
      leverageLevel: 2,
    });
    expect(seen.trade.map((t) => [t.side, t.openQuantity.toFixed()])).to.deep.equal([['long', '0.1']]);
    expect(seen.tradingAccount.filter((t) => t.traderId === bob).map((t) => t.position.toFixed())).to.deep.equal([
      '0.1',
    ]);

    const throwing = exchange.on('order', () => {
      throw new Error('a broken publisher');
    });
    expect(exchange.cancelOrder(alice, ask.id).status).to.equal('cancelled');
    throwing();
  });
});
