import { expect } from 'chai';
import { MarketMaker, type Exchange } from '../../../lib/sandbox/exchange/index.js';
import { BTCUSD, ETHBTC, makeExchange, totalsText } from './helpers.js';

describe('sandbox exchange: market maker', () => {
  /** Books and executions of every product as plain text. */
  function state(exchange: Exchange): string {
    return JSON.stringify(
      [BTCUSD, ETHBTC].map((id) => ({
        book: exchange.orderBook(id, { full: true }),
        executions: exchange.executions(id),
      })),
    );
  }

  function run(seed: number, steps: number) {
    const { exchange, clock } = makeExchange();
    const maker = new MarketMaker(exchange, { seed });
    for (let step = 0; step < steps; step += 1) {
      clock.advance(1000);
      maker.step();
    }
    return { exchange, maker };
  }

  it('is deterministic: same seed and step count give the same books and executions', () => {
    const first = run(42, 60);
    const second = run(42, 60);
    expect(state(first.exchange)).to.equal(state(second.exchange));
    expect(first.maker.steps).to.equal(60);
    expect(state(run(43, 60).exchange)).to.not.equal(state(first.exchange));
  });

  it('keeps both sides of every enabled book alive with several levels and prints public executions', () => {
    const { exchange, clock } = makeExchange();
    const maker = new MarketMaker(exchange, { seed: 5, levels: 4 });
    const totals = totalsText(exchange);
    for (let step = 0; step < 100; step += 1) {
      clock.advance(1000);
      maker.step();
      for (const id of [BTCUSD, ETHBTC]) {
        const book = exchange.orderBook(id);
        expect(book.buyPriceLevels.length).to.equal(4);
        expect(book.sellPriceLevels.length).to.equal(4);
        const bid = book.buyPriceLevels[0]?.[0];
        const ask = book.sellPriceLevels[0]?.[0];
        expect(bid !== undefined && ask !== undefined && bid.lessThan(ask)).to.equal(true);
      }
    }
    expect(exchange.orderBook(9).buyPriceLevels).to.have.length(0);
    for (const id of [BTCUSD, ETHBTC]) {
      const executions = exchange.executions(id);
      expect(executions.length).to.be.greaterThan(10);
      expect(new Set(executions.map((e) => e.takerSide)).size).to.equal(2);
      // The walk stays within ±10 % of the start (plus the quoting spread).
      const start = id === BTCUSD ? 10000 : 0.03;
      for (const execution of executions) {
        expect(execution.price.toNumber()).to.be.within(start * 0.89, start * 1.11);
      }
    }
    // The maker's quotes are moved with edits: the order count grows far slower than steps × levels.
    expect(exchange.orders(maker.makerUserId).length).to.be.lessThan(100 * 2 * 4 * 2);
    expect(totalsText(exchange)).to.deep.equal(totals);
  });

  it('trades with users through the same order API', () => {
    const { exchange, clock } = makeExchange();
    const maker = new MarketMaker(exchange, { seed: 9, takeChance: [0, 1] });
    maker.step();
    const user = exchange.createUser({ USD: '100000' });
    const bestAsk = exchange.orderBook(BTCUSD).sellPriceLevels[0]?.[0];
    const order = exchange.createOrder(user, {
      orderType: 'market',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.001',
    });
    expect(order.status).to.equal('filled');
    expect(order.executions[0]?.price.toFixed()).to.equal(bestAsk?.toFixed());
    clock.advance(1000);
    maker.step();
    expect(exchange.myExecutions(maker.makerUserId, BTCUSD).map((e) => e.mySide)).to.deep.equal(['sell']);
    expect(exchange.orderBook(BTCUSD).sellPriceLevels).to.have.length(5);
  });
});
