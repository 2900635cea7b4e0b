import { expect } from 'chai';
import { QDecimal } from '../../lib/core/decimal.js';
import { OrderBook } from '../../lib/entities/order-book.js';
import { PriceLevel } from '../../lib/entities/price-level.js';
import { LiveOrderBook, type OrderBookSource, type QuoineRealtime } from '../../lib/realtime/index.js';
import { applyLevels } from '../../lib/realtime/live-order-book.js';
import { Clients, until } from './helpers/clients.js';
import { useFakeTap } from './helpers/use-fake-tap.js';
import { FakeTap } from './helpers/fake-tap.js';

function restBook(bids: Array<[string, string]>, asks: Array<[string, string]>): OrderBook {
  const book = new OrderBook();
  const toLevels = (ls: Array<[string, string]>): PriceLevel[] =>
    ls.map(([p, q]) => new PriceLevel(new QDecimal(p), new QDecimal(q)));
  book.buyPriceLevels = toLevels(bids);
  book.sellPriceLevels = toLevels(asks);
  book.timestamp = null;
  return book;
}

/** A REST source whose answers the spec controls; records calls. */
class FakeRest implements OrderBookSource {
  readonly calls: Array<{ id: number; full: boolean | undefined }> = [];
  next: () => Promise<OrderBook> = () => Promise.resolve(restBook([['99', '1']], [['101', '1']]));
  orderBook(id: number, query: { full?: boolean }): Promise<OrderBook> {
    this.calls.push({ id, full: query.full });
    return this.next();
  }
}

const BUY = 'price_ladders_cash_btcjpy_buy';
const SELL = 'price_ladders_cash_btcjpy_sell';

describe('realtime: LiveOrderBook over the feed', () => {
  const books: LiveOrderBook[] = [];
  afterEach(() => {
    for (const b of books.splice(0)) b.close(); // before the fixture closes the clients
  });
  const fake = useFakeTap();
  let client: QuoineRealtime;
  beforeEach(() => {
    client = fake.clients.public(fake.tap);
  });

  function book(rest?: FakeRest): LiveOrderBook {
    const b = new LiveOrderBook(client, { pair: 'BTCJPY', productId: 5, rest });
    books.push(b);
    return b;
  }

  it('is current once seeded from REST after both subscriptions are confirmed, and each message replaces its side', async () => {
    const rest = new FakeRest();
    const b = await book(rest).start();
    expect(rest.calls).to.deep.equal([{ id: 5, full: true }]);
    expect(b.bestBid?.price.toFixed()).to.equal('99');
    expect(b.bestAsk?.price.toFixed()).to.equal('101');
    expect(b.stale).to.equal(false); // the seed was fetched after both channels were live

    fake.tap.publish(BUY, 'updated', '[["100.5","2"],["100","1"]]');
    await until(() => b.bestBid?.price.toFixed() === '100.5', 'the buy side');
    fake.tap.publish(SELL, 'updated', '[[100.75,0.25],[101.5,"3"]]');
    await until(() => b.bestAsk?.price.toFixed() === '100.75', 'the sell side');
    expect(b.spread?.toFixed()).to.equal('0.25');

    fake.tap.publish(SELL, 'updated', '[["102","1"]]');
    await until(() => b.bestAsk?.price.toFixed() === '102', 'the replaced sell side');
    expect(b.asks.map((l) => l.price.toFixed())).to.deep.equal(['102']); // replaced, not merged
    expect(b.bids.map((l) => l.price.toFixed())).to.deep.equal(['100.5', '100']);
    expect(b.quantityUpTo('buy', '100').toFixed()).to.equal('3');
    expect(b.depth('sell', 5)).to.have.length(1);
  });

  it('without a REST seed, stays stale until both sides arrive from the stream', async () => {
    const b = await book().start();
    expect(b.stale).to.equal(true);
    const staleEvents: boolean[] = [];
    b.on('stale', (st) => staleEvents.push(st));
    fake.tap.publish(BUY, 'updated', '[["100","1"]]');
    await until(() => b.bestBid !== null, 'the buy side');
    expect(b.stale).to.equal(true);
    fake.tap.publish(SELL, 'updated', '[["101","1"]]');
    await until(() => !b.stale, 'both sides');
    expect(staleEvents).to.deep.equal([false]);
  });

  it('flags crossed when one side lags, and clears it when the other side catches up', async () => {
    const b = await book().start();
    const crossedEvents: boolean[] = [];
    b.on('crossed', (c) => crossedEvents.push(c));
    fake.tap.publish(SELL, 'updated', '[["100","1"]]');
    fake.tap.publish(BUY, 'updated', '[["99","1"]]');
    await until(() => !b.stale, 'both sides');
    fake.tap.publish(BUY, 'updated', '[["100.00","1"]]');
    await until(() => b.crossed, 'crossed');
    fake.tap.publish(SELL, 'updated', '[["100.01","1"]]');
    await until(() => !b.crossed, 'uncrossed');
    expect(crossedEvents).to.deep.equal([true, false]);
  });

  it('after a reconnection the book is stale until both sides are current again, and is re-seeded only where the stream has not spoken', async () => {
    const rest = new FakeRest();
    const b = await book(rest).start();
    fake.tap.publish(BUY, 'updated', '[["100","1"]]');
    fake.tap.publish(SELL, 'updated', '[["101","1"]]');
    await until(() => !b.stale, 'fresh');

    let releaseSeed: (() => void) | undefined;
    rest.next = () => new Promise((resolve) => (releaseSeed = () => resolve(restBook([['90', '9']], [['110', '9']]))));
    fake.tap.dropAll();
    await until(() => b.stale, 'stale after the drop');
    await fake.tap.waitFor(() => fake.tap.connections[1]?.channels.size === 2, 'both sides resubscribed');
    await until(() => releaseSeed !== undefined, 'the re-seed request');
    fake.tap.publish(SELL, 'updated', '[["105","1"]]');
    await until(() => b.bestAsk?.price.toFixed() === '105', 'the new sell side');
    expect(b.stale).to.equal(true); // the buy side is not current yet
    releaseSeed?.();
    await until(() => b.bestBid?.price.toFixed() === '90', 'the seeded buy side');
    expect(b.bestAsk?.price.toFixed()).to.equal('105'); // the stream wins over the snapshot
    await until(() => !b.stale, 'fresh again: the seed came after both resubscriptions');
    expect(rest.calls).to.have.length(2);
  });

  it('close() unsubscribes both sides; start() fails and closes the book when the seed fails', async () => {
    const b = await book().start();
    b.close();
    await fake.tap.waitFor(() => fake.tap.framesOf('pusher:unsubscribe').length === 2, 'two unsubscribes');
    expect(client.channels).to.deep.equal([]);

    const rest = new FakeRest();
    rest.next = () => Promise.reject(new Error('503'));
    const failing = book(rest);
    await failing.start().then(
      () => expect.fail('started'),
      (e: unknown) => expect((e as Error).message).to.equal('503'),
    );
    await until(() => client.channels.length === 0, 'the failed book to release its channels');
  });

  it('applyLevels() (internal) feeds the book from elsewhere with the same replace semantics', () => {
    const b = book();
    const changes: string[] = [];
    b.on('change', (c) => changes.push(`${c.side}:${c.source}`));
    applyLevels(b, 'buy', [new PriceLevel(new QDecimal('1'), new QDecimal('2'))], 'rest');
    applyLevels(b, 'buy', [new PriceLevel(new QDecimal('3'), new QDecimal('4'))]);
    expect('apply' in b).to.equal(false); // not public API
    expect(b.bids.map((l) => l.price.toFixed())).to.deep.equal(['3']);
    expect(changes).to.deep.equal(['buy:rest', 'buy:stream']);
  });
});

describe('realtime: LiveOrderBook when the feed ends', () => {
  it('keeps the error, stays stale and emits error when a side subscription ends', async () => {
    const tap = await FakeTap.start();
    const clients = new Clients();
    try {
      const client = clients.public(tap);
      const b = await new LiveOrderBook(client, { pair: 'BTCJPY' }).start();
      const errors: Error[] = [];
      b.on('error', (e) => errors.push(e));
      tap.publish(BUY, 'updated', '[["100","1"]]');
      tap.publish(SELL, 'updated', '[["101","1"]]');
      await until(() => !b.stale, 'fresh');
      tap.sendError(4004, 'Over connection quota');
      await until(() => b.error !== undefined, 'the book to notice');
      expect(b.error?.name).to.equal('RealtimeProtocolError');
      expect(b.stale).to.equal(true);
      expect(errors.map((e) => e.name)).to.deep.equal(['RealtimeProtocolError', 'RealtimeProtocolError']);
      b.close();
    } finally {
      await clients.closeAll();
      await tap.close();
    }
  });
});
