/**
 * The realtime client against the sandbox's own feed (issue 5): every helper after real trades,
 * private channels with and without valid auth, a server restart (reconnect, resubscribe, the
 * book stale then fresh), a stalled socket, and a live book that equals the REST book exactly.
 */
import { expect } from 'chai';
import { Decimal } from 'decimal.js';
import { Quoine } from '../../lib/client.js';
import { LiveOrderBook } from '../../lib/realtime/live-order-book.js';
import { QuoineRealtime } from '../../lib/realtime/realtime.js';
import { RealtimeAuthError, RealtimeLimitError } from '../../lib/realtime/errors.js';
import { QuoineRequestError } from '../../lib/core/errors.js';
import type { Subscription } from '../../lib/realtime/subscription.js';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.js';
import { startFreezeProxy } from './freeze-proxy.js';

const BTCJPY = 5;

/** The next `n` messages of a subscription. */
async function take<T>(sub: Subscription<T>, n = 1): Promise<T[]> {
  const got: T[] = [];
  for await (const value of sub) {
    got.push(value);
    if (got.length >= n) break;
  }
  return got;
}

/** The first message of a subscription that satisfies `check` (bounded by the subscription's own end). */
async function first<T>(sub: Subscription<T>, check: (value: T) => boolean): Promise<T> {
  for await (const value of sub) if (check(value)) return value;
  throw new Error('the subscription ended');
}

/** Resolves when `check()` holds, polling the event loop (bounded). */
async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('realtime client against the sandbox feed', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let maker: Quoine;
  let taker: Quoine;
  before(async () => {
    sandbox = await startSandbox({ port: 0, market: false, rateLimit: false });
    const m = sandbox.createToken({ BTC: '100', JPY: '1000000000' });
    const t = sandbox.createToken({ BTC: '100', JPY: '1000000000' });
    maker = new Quoine({ baseUrl: sandbox.url, tokenId: m.tokenId, secret: m.secret, rateLimit: false });
    taker = new Quoine({ baseUrl: sandbox.url, tokenId: t.tokenId, secret: t.secret, rateLimit: false });
  });
  after(async () => {
    await maker.close();
    await taker.close();
    await sandbox.close();
  });

  it('delivers every public and private channel after a real trade, as exact entities', async () => {
    const tap = taker.realtime;
    const executions = tap.executions('btcjpy');
    const details = tap.executionDetails('btcjpy');
    const ladder = tap.priceLadder('btcjpy', 'sell');
    const product = tap.productUpdates('btcjpy', BTCJPY);
    const orders = tap.myOrders('jpy');
    const fills = tap.myExecutions('btcjpy');
    const account = tap.accountUpdates('btc');
    await Promise.all([executions, details, ladder, product, orders, fills, account].map((s) => s.ready));
    const ask = await maker.orders.limitSell(BTCJPY, '0.25', '976543');
    const [levels] = await take(ladder);
    expect(levels?.map((l) => [l.price.toFixed(), l.quantity.toFixed()])).to.deep.include(['976543', '0.25']);
    const bought = await taker.orders.marketBuy(BTCJPY, '0.1');
    const [trade] = await take(executions);
    expect([trade?.price.toFixed(), trade?.quantity.toFixed(), trade?.takerSide]).to.deep.equal([
      '976543',
      '0.1',
      'buy',
    ]);
    const [detail] = await take(details);
    expect([detail?.buyOrderId, detail?.sellOrderId]).to.deep.equal([bought.id, ask.id]);
    const stats = await first(product, (p) => p.lastTradedPrice?.toFixed() === '976543');
    expect(stats.lastTradedQuantity?.toFixed()).to.equal('0.1');
    const mine = await first(orders, (o) => o.id === bought.id && o.status === 'filled');
    expect(mine.filledQuantity.toFixed()).to.equal('0.1');
    const [fill] = await take(fills);
    expect([fill?.mySide, fill?.quantity.toFixed()]).to.deep.equal(['buy', '0.1']);
    const balance = await first(account, (a) => a.balance.toFixed() === '100.1');
    expect(balance.balance).to.be.instanceOf(Decimal);
    for (const sub of [executions, details, ladder, product, orders, fills, account]) sub.close();
  });

  it('maxFrameBytes set through the client: once a ladder frame outgrows it, the feed ends with RealtimeLimitError', async () => {
    const client = new Quoine({
      baseUrl: sandbox.url,
      rateLimit: false,
      realtime: { maxFrameBytes: 256, reconnect: false },
    });
    const placed: number[] = [];
    try {
      const ladder = client.realtime.priceLadder('btcjpy', 'sell');
      await ladder.ready; // the handshake frames are small enough
      const ended = (async (): Promise<unknown> => {
        try {
          for await (const _levels of ladder) {
            // drained until the feed ends it
          }
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      // Each new level makes the next ladder frame longer; by ten levels it is well past 256 bytes.
      for (let i = 0; i < 10; i++) placed.push((await maker.orders.limitSell(BTCJPY, '0.01', String(980_000 + i))).id);
      await until(() => ladder.closed, 'the ladder to end');
      const error = await ended;
      expect(error).to.be.instanceOf(RealtimeLimitError);
      expect((error as RealtimeLimitError).limit).to.equal('maxFrameBytes');
      expect((error as RealtimeLimitError).max).to.equal(256);
      expect(client.realtime.state).to.equal('disconnected');
    } finally {
      await client.close();
      for (const id of placed) await maker.orders.cancel(id);
    }
  });

  it('client.close() resolves once the feed socket is closed', async () => {
    const client = new Quoine({ baseUrl: sandbox.url, rateLimit: false });
    const realtime = client.realtime;
    await realtime.executions('btcjpy').ready;
    const closing = client.close();
    expect(closing).to.be.instanceOf(Promise);
    await closing;
    expect(realtime.state).to.equal('disconnected');
    expect(realtime.socketId).to.equal(undefined);
    expect(client.realtime).not.to.equal(realtime); // a new feed on next use, as before
    await client.close();
  });

  it('refuses private channels without valid auth, and never hangs', async () => {
    const impostor = new QuoineRealtime({
      url: sandbox.tapUrl,
      tokenId: sandbox.demo.tokenId,
      secret: 'not-the-secret',
    });
    try {
      let error: unknown;
      try {
        await take(impostor.myOrders('jpy'));
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(RealtimeAuthError);
      expect(String(error)).not.to.include('not-the-secret');
    } finally {
      await impostor.close();
    }
    const anonymous = new QuoineRealtime({ url: sandbox.tapUrl });
    expect(() => anonymous.myOrders('jpy')).to.throw(
      QuoineRequestError,
      /private channel: create the realtime client with tokenId and secret/,
    );
    await anonymous.close();
  });

  it('reconnects after a server restart, resubscribes, and the book goes stale then fresh', async () => {
    const first = await startSandbox({ port: 0, market: false, rateLimit: false });
    const port = Number(new URL(first.url).port);
    const user = first.createToken({ BTC: '10', JPY: '100000000' });
    const client = new Quoine({
      baseUrl: first.url,
      tokenId: user.tokenId,
      secret: user.secret,
      rateLimit: false,
      realtime: { reconnect: { initialDelayMs: 50, maxDelayMs: 200 } },
    });
    await client.orders.limitSell(BTCJPY, '1', '990000');
    const book = new LiveOrderBook(client.realtime, { pair: 'btcjpy', productId: BTCJPY, rest: client.products });
    let second: Sandbox | undefined;
    try {
      await book.start();
      await client.orders.limitBuy(BTCJPY, '1', '960000');
      await until(() => !book.stale && book.bestBid?.price.toFixed() === '960000', 'a fresh book');
      await first.close();
      await until(() => book.stale, 'the book to go stale');
      second = await startSandbox({
        port,
        market: false,
        rateLimit: false,
        demoToken: { tokenId: user.tokenId, secret: user.secret },
      });
      const other = second.createToken({ BTC: '10', JPY: '100000000' });
      second.exchange.createOrder(other.userId, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'sell',
        quantity: '2',
        price: '985000',
      });
      second.exchange.createOrder(other.userId, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'buy',
        quantity: '2',
        price: '965000',
      });
      await until(() => client.realtime.state === 'connected', 'the reconnect', 15_000);
      // Resubscribed and re-seeded from the new server: current again, with the new server's book.
      await until(
        () => !book.stale && book.bestAsk?.price.toFixed() === '985000' && book.bestBid?.price.toFixed() === '965000',
        'the book fresh again',
      );
    } finally {
      book.close();
      await client.close();
      await first.close();
      await second?.close();
    }
  });

  it('notices a stalled socket through its liveness timeout and reconnects', async () => {
    const proxy = await startFreezeProxy(Number(new URL(sandbox.url).port));
    const tap = new QuoineRealtime({
      url: `ws://127.0.0.1:${proxy.port}/app/LiquidTapClient`,
      livenessTimeoutMs: 300,
      pingIntervalMs: 100,
      reconnect: { initialDelayMs: 50, maxDelayMs: 100 },
    });
    try {
      const states: string[] = [];
      tap.on('state', (st) => states.push(st));
      const trades = tap.executions('btcjpy');
      await trades.ready;
      let resubscribed = 0;
      trades.on('subscribed', () => resubscribed++);
      proxy.freeze();
      await until(() => states.includes('reconnecting'), 'the liveness timeout');
      proxy.thaw();
      await until(() => tap.state === 'connected', 'the reconnect');
      await until(() => resubscribed > 0, 'the resubscription');
      const bought = await taker.orders.marketBuy(BTCJPY, '0.01');
      const trade = await first(trades, (e) => e.quantity.toFixed() === '0.01');
      const fills = (await taker.orders.get(bought.id)).executions ?? [];
      expect(fills.map((f) => f.id)).to.include(trade.id);
    } finally {
      await tap.close();
      await proxy.close();
    }
  });

  it('keeps a live book equal to the REST book exactly after a burst of random orders', async () => {
    const book = new LiveOrderBook(taker.realtime, { pair: 'btcjpy', productId: BTCJPY, rest: taker.products });
    await book.start();
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 300; i++) {
      const side = random() < 0.5 ? 'buy' : 'sell';
      const price = String(Math.round(950000 + random() * 50000));
      const quantity = `0.0${1 + Math.floor(random() * 9)}`;
      const who = random() < 0.5 ? maker : taker;
      if (random() < 0.15) await who.orders.create({ orderType: 'market', productId: BTCJPY, side, quantity });
      else await who.orders.create({ orderType: 'limit', productId: BTCJPY, side, quantity, price });
    }
    const levels = (l: ReadonlyArray<{ price: Decimal; quantity: Decimal }>): string[][] =>
      l.slice(0, 40).map((x) => [x.price.toFixed(), x.quantity.toFixed()]);
    const rest = await taker.products.orderBook(BTCJPY, { full: true });
    await until(
      () =>
        JSON.stringify(levels(book.bids)) === JSON.stringify(levels(rest.buyPriceLevels)) &&
        JSON.stringify(levels(book.asks)) === JSON.stringify(levels(rest.sellPriceLevels)),
      'the live book to match REST',
    );
    expect(levels(book.bids)).to.deep.equal(levels(rest.buyPriceLevels));
    expect(levels(book.asks)).to.deep.equal(levels(rest.sellPriceLevels));
    expect(book.stale).to.equal(false);
    expect(book.crossed).to.equal(false);
    book.close();
  });
});
