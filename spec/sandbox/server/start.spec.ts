import { expect } from 'chai';
import { isLosslessNumber } from 'lossless-json';
import { startSandbox, type Sandbox } from '../../../lib/sandbox/index.js';
import { call, httpClient, lossless, ManualScheduler, startTestSandbox } from './helpers.js';

describe('startSandbox()', () => {
  const running: Sandbox[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
  });
  const start = async (options: Parameters<typeof startSandbox>[0]): Promise<Sandbox> => {
    const sandbox = await startTestSandbox(options);
    running.push(sandbox);
    return sandbox;
  };

  it('listens on loopback with a free port, and names the REST and Tap URLs', async () => {
    const sandbox = await start({});
    expect(sandbox.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.port).to.be.greaterThan(0);
    expect(sandbox.tapUrl).to.equal(`ws://127.0.0.1:${sandbox.port}/app/LiquidTapClient`);
    expect(sandbox.httpServer.listening).to.equal(true);
  });

  it('funds the demo token in the main fiats and cryptos', async () => {
    const sandbox = await start({ demoToken: { tokenId: '900', secret: 'demo-secret' } });
    expect(sandbox.demo.tokenId).to.equal('900');
    const balances = new Map(sandbox.exchange.balances(sandbox.demo.userId).map((b) => [b.currency, b.balance]));
    for (const currency of ['USD', 'JPY', 'EUR', 'SGD', 'BTC', 'ETH'])
      expect(balances.get(currency)?.isPositive() && !balances.get(currency)?.isZero(), currency).to.equal(true);
  });

  it('issues tokens for new and existing users', async () => {
    const sandbox = await start({});
    const first = sandbox.createToken({ USD: '5' });
    const second = sandbox.addToken(first.userId);
    expect(second.userId).to.equal(first.userId);
    expect(second.tokenId).to.not.equal(first.tokenId);
    expect(() => sandbox.addToken(987654)).to.throw();
  });

  it('writes Liquid-profile JSON numbers from the exact decimal text', async () => {
    const sandbox = await start({ profile: 'liquid' });
    const token = sandbox.createToken({});
    sandbox.exchange.deposit(token.userId, 'USD', '12345678901234567.5');
    const response = await call(httpClient(sandbox), 'GET', '/fiat_accounts', { credentials: token });
    expect(response.body).to.include('"balance":12345678901234567.5');
    const usd = (lossless(response.body) as Array<Record<string, unknown>>).find((row) => row['currency'] === 'USD')!;
    expect(isLosslessNumber(usd['balance'])).to.equal(true);
  });

  it('steps the seeded market maker on demand: the same seed gives the same book', async () => {
    const books: string[] = [];
    for (const _ of [1, 2]) {
      const sandbox = await start({ market: true, seed: 42, now: () => 1_700_000_000_000 });
      expect(sandbox.market).to.not.equal(undefined);
      for (let i = 0; i < 5; i += 1) sandbox.market!.step();
      books.push((await call(httpClient(sandbox), 'GET', '/products/5/price_levels')).body);
    }
    const book = JSON.parse(books[0]!) as { buy_price_levels: unknown[]; sell_price_levels: unknown[] };
    expect(book.buy_price_levels.length).to.be.greaterThan(0);
    expect(book.sell_price_levels.length).to.be.greaterThan(0);
    expect(books[1]).to.equal(books[0]);
  });

  it('can answer the cancel of a non-live order with the order unchanged (nonLiveCancel, §4.3)', async () => {
    const sandbox = await start({ nonLiveCancel: 'return-order' });
    const client = httpClient(sandbox);
    const token = sandbox.createToken({ JPY: '10000000' });
    const body = { order_type: 'limit', product_id: 5, side: 'buy', quantity: '0.01', price: '900000' };
    const order = JSON.parse((await call(client, 'POST', '/orders', { credentials: token, body })).body) as {
      id: number;
    };
    expect((await call(client, 'PUT', `/orders/${order.id}/cancel`, { credentials: token })).statusCode).to.equal(200);
    const again = await call(client, 'PUT', `/orders/${order.id}/cancel`, { credentials: token });
    expect(again.statusCode).to.equal(200);
    expect((JSON.parse(again.body) as { status: string }).status).to.equal('cancelled');
  });

  it('runs the market maker on its own timer unless market is false, and close() stops it', async () => {
    const scheduler = new ManualScheduler();
    const sandbox = await start({ market: true, seed: 5, scheduler });
    expect(sandbox.market!.steps, 'quoted at once').to.equal(1);
    expect(scheduler.pending).to.have.length(1);
    expect(scheduler.pending[0]).to.be.within(1000, 3000);
    scheduler.runPending();
    scheduler.runPending();
    expect(sandbox.market!.steps).to.equal(3);
    expect(scheduler.pending).to.have.length(1);
    await sandbox.close();
    expect(scheduler.pending, 'close() cleared the timer').to.deep.equal([]);
    expect(sandbox.httpServer.listening).to.equal(false);
    const quiet = await start({ market: false, scheduler });
    expect(quiet.market).to.equal(undefined);
    expect(scheduler.pending).to.deep.equal([]);
  });
});
