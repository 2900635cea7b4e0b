import { expect } from 'chai';
import { connected, nextTurn, type RawClient, startTapServer, type TapServer } from './helpers.js';

describe('sandbox tap: a client that does not read', () => {
  let server: TapServer;
  const warnings: string[] = [];
  const clients: RawClient[] = [];

  beforeEach(async () => {
    server = await startTapServer({ maxBufferedBytes: 64 * 1024, warn: (message) => warnings.push(message) });
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.close();
  });

  it('is dropped once its unsent bytes pass the bound, while a reading client on the same channels stays', async () => {
    const user = server.user({ USD: '100000000', BTC: '1000' });
    const slow = await connected(server.url);
    const reader = await connected(server.url);
    clients.push(slow, reader);
    for (const c of [slow, reader]) {
      await c.authenticate(user);
      await c.subscribe('user_account_usd_orders');
      await c.subscribe('price_ladders_cash_btcusd_buy');
    }
    slow.socket.pause();

    // Each round places and cancels 50 orders (about 100 KB of order events per subscriber). The
    // round count is only a guard against a tap that never drops anyone.
    let rounds = 0;
    while (server.tap.connectionCount > 1 && rounds < 2_000) {
      rounds += 1;
      const ids: number[] = [];
      for (let i = 0; i < 50; i += 1) {
        ids.push(
          server.exchange.createOrder(user.userId, {
            orderType: 'limit',
            productId: 1,
            side: 'buy',
            quantity: '0.01',
            price: String(5000 + i),
          }).id,
        );
      }
      for (const id of ids) server.exchange.cancelOrder(user.userId, id);
      await nextTurn();
    }
    expect(server.tap.connectionCount).to.equal(1);
    expect(warnings.some((w) => /dropped socket .* unread/.test(w))).to.equal(true);

    // The reader is the one left: it still answers, and it received every order event.
    const frames = await reader.drain();
    expect(frames.length).to.be.greaterThan(0);
    const orderEvents = reader.frames.filter(
      (f) => f.channel === 'user_account_usd_orders' && f.event === 'updated',
    ).length;
    expect(orderEvents).to.equal(rounds * 100);
    slow.socket.resume();
    await slow.closed;
  });
});
