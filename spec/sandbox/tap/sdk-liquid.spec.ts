// The SDK's own realtime client decodes the Liquid profile's channel payloads (numbers where the
// reference records numbers) into the same exact decimals as the Quoine profile's strings.
import { expect } from 'chai';
import { Quoine } from '../../../lib/client.js';
import type { Subscription } from '../../../lib/realtime/subscription.js';
import type { Sandbox } from '../../../lib/sandbox/index.js';
import { startTestSandbox } from '../server/helpers.js';

const BTCJPY = 5;

async function first<T>(sub: Subscription<T>, check: (value: T) => boolean): Promise<T> {
  for await (const value of sub) if (check(value)) return value;
  throw new Error('the subscription ended');
}

for (const profile of ['liquid', 'quoine'] as const) {
  describe(`sandbox tap: the SDK's realtime client decodes every user and public channel (${profile} profile)`, () => {
    let sandbox: Sandbox;
    let maker: Quoine;
    let taker: Quoine;

    beforeEach(async () => {
      sandbox = await startTestSandbox({ profile });
      const m = sandbox.createToken({ BTC: '100', JPY: '1000000000' });
      const t = sandbox.createToken({ BTC: '100', JPY: '1000000000' });
      maker = new Quoine({ baseUrl: sandbox.url, tokenId: m.tokenId, secret: m.secret, rateLimit: false });
      taker = new Quoine({ baseUrl: sandbox.url, tokenId: t.tokenId, secret: t.secret, rateLimit: false });
    });

    afterEach(async () => {
      await Promise.all([maker.realtime.close(), taker.realtime.close()]);
      await maker.close();
      await taker.close();
      await sandbox.close();
    });

    it('orders, trades, executions and details arrive as exact decimals', async () => {
      const tap = taker.realtime;
      const orders = tap.myOrders('jpy');
      const trades = tap.myTrades('jpy');
      const executions = tap.executions('btcjpy');
      const details = tap.executionDetails('btcjpy');
      const product = tap.productUpdates('btcjpy', BTCJPY);
      const subs = [orders, trades, executions, details, product];
      await Promise.all(subs.map((s) => s.ready));

      const ask = await maker.orders.limitSell(BTCJPY, '0.3', '976543');
      const bought = await taker.orders.createMargin({
        orderType: 'market',
        productId: BTCJPY,
        side: 'buy',
        quantity: '0.125',
        leverageLevel: 2,
        fundingCurrency: 'JPY',
      });
      const mine = await first(orders, (o) => o.id === bought.id && o.status === 'filled');
      expect([mine.quantity.toFixed(), mine.filledQuantity.toFixed(), mine.price.toFixed()]).to.deep.equal([
        '0.125',
        '0.125',
        bought.price.toFixed(),
      ]);
      expect(mine.orderFee?.toFixed()).to.equal(bought.orderFee?.toFixed());
      expect(mine.productId).to.equal(BTCJPY);
      const trade = await first(trades, (t) => t.side === 'long');
      expect([trade.openQuantity.toFixed(), trade.openPrice.toFixed()]).to.deep.equal(['0.125', '976543']);
      const execution = await first(executions, () => true);
      expect([execution.quantity.toFixed(), execution.price.toFixed()]).to.deep.equal(['0.125', '976543']);
      const detail = await first(details, () => true);
      expect([detail.quantity.toFixed(), detail.price.toFixed(), detail.buyOrderId, detail.sellOrderId]).to.deep.equal([
        '0.125',
        '976543',
        bought.id,
        ask.id,
      ]);
      const stats = await first(product, (p) => p.lastTradedPrice?.toFixed() === '976543');
      expect(stats.lastTradedQuantity?.toFixed()).to.equal('0.125');
      for (const sub of subs) sub.close();
    });
  });
}
