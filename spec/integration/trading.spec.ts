/**
 * The private API end to end against the embedded sandbox over loopback, in both wire type
 * profiles: real fills, exact fees and balances, edits, cancels, client ids, pagination over
 * live data, and typed errors.
 */
import { expect } from 'chai';
import { Decimal } from 'decimal.js';
import type { Quoine } from '../../lib/client.js';
import { QDecimal } from '../../lib/core/decimal.js';
import { AuthenticationError, NotFoundError, QuoineAPIError, UnprocessableEntityError } from '../../lib/core/errors.js';
import type { Sandbox } from '../../lib/sandbox/index.js';
import { Quoine as Client } from '../../lib/client.js';
import { PROFILES, exactSandbox, userClient } from './helpers.js';
import { rejection } from '../helpers/rejection.js';

const BTCJPY = 5;
const D = (v: string | number): Decimal => new QDecimal(v);

async function balance(client: Quoine, currency: string): Promise<Decimal> {
  const all = await client.accounts.balances();
  return all.find((b) => b.currency === currency)?.balance ?? D(0);
}

for (const profile of PROFILES) {
  describe(`private API against the sandbox (${profile} profile)`, () => {
    let sandbox: Sandbox;
    let maker: Quoine;
    let taker: Quoine;
    before(async () => {
      sandbox = await exactSandbox(profile);
      maker = userClient(sandbox, { BTC: '10', JPY: '0' }).client;
      taker = userClient(sandbox, { JPY: '10000000', BTC: '0' }).client;
    });
    after(async () => {
      await maker.close();
      await taker.close();
      await sandbox.close();
    });

    it('fills a market buy at the maker price with an exact taker fee, and balances add up', async () => {
      const product = await taker.products.get(BTCJPY);
      const takerFee = product.takerFee ?? D(0);
      const makerFee = product.makerFee ?? D(0);
      const ask = await maker.orders.limitSell(BTCJPY, '0.5', '1000001');
      expect(ask.status).to.equal('live');
      const bought = await taker.orders.marketBuy(BTCJPY, '0.2');
      const filled = await taker.orders.get(bought.id);
      expect(filled.status).to.equal('filled');
      expect(filled.filledQuantity.toFixed()).to.equal('0.2');
      expect(filled.executions?.map((e) => [e.price.toFixed(), e.quantity.toFixed(), e.mySide])).to.deep.equal([
        ['1000001', '0.2', 'buy'],
      ]);
      const notional = D('1000001').times('0.2');
      expect(filled.orderFee?.toFixed()).to.equal(notional.times(takerFee).toFixed());
      expect((await balance(taker, 'JPY')).toFixed()).to.equal(
        D('10000000').minus(notional).minus(notional.times(takerFee)).toFixed(),
      );
      expect((await balance(taker, 'BTC')).toFixed()).to.equal('0.2');
      expect((await balance(maker, 'JPY')).toFixed()).to.equal(notional.minus(notional.times(makerFee)).toFixed());
      const makerOrder = await maker.orders.get(ask.id);
      expect(makerOrder.status).to.equal('partially_filled');
      expect(makerOrder.filledQuantity.toFixed()).to.equal('0.2');
      const usd = await maker.accounts.get('BTC');
      expect(usd.reservedBalance?.toFixed()).to.equal('0.3');
    });

    it('shows the trade in public and private executions, exactly', async () => {
      const page = await taker.executions.list({ productId: BTCJPY, limit: 5 });
      expect(page.models[0]?.price.toFixed()).to.equal('1000001');
      const since = await taker.executions.since({ productId: BTCJPY, timestamp: 0 });
      expect(since.map((e) => e.quantity.toFixed())).to.include('0.2');
      const walked: number[] = [];
      for await (const e of taker.executions.all({ productId: BTCJPY, since: 0 })) walked.push(e.id);
      expect(walked).to.deep.equal(since.map((e) => e.id));
      const mine = await taker.executions.mine({ productId: BTCJPY, withDetails: true });
      expect(mine.models[0]?.mySide).to.equal('buy');
      expect(mine.models[0]?.orderId).to.be.a('number');
    });

    it("serves candles, an order's executions, reserved-balance details, deposit info and funding history", async () => {
      const candles = await taker.products.ohlc(BTCJPY, { resolution: 60 });
      expect(candles.length).to.be.greaterThan(0);
      expect(candles[0]?.close.toFixed()).to.equal('1000001');
      expect(candles[0]?.volume.toFixed()).to.equal('0.2');
      const filled = (await taker.orders.list({ status: 'filled' })).models[0]!;
      const fills = await taker.orders.executions(filled.id);
      expect(fills.models.map((f) => [f.price.toFixed(), f.quantity.toFixed(), f.mySide])).to.deep.equal([
        ['1000001', '0.2', 'buy'],
      ]);
      const resting = await taker.orders.limitBuy(BTCJPY, '0.01', '900000');
      const details = await taker.accounts.reservedBalanceDetails('JPY');
      expect(details.orderIds).to.include(resting.id);
      expect(details.reservedBalance.gt(0)).to.equal(true);
      await taker.orders.cancel(resting.id);
      const deposit = await taker.accounts.depositInfo('BTC');
      expect(deposit.address).to.be.a('string').and.not.equal('');
      expect((await taker.accounts.createDepositInfo('BTC')).address).to.equal(deposit.address);
      expect(await taker.products.fundingRateHistory(604)).to.deep.equal([]);
    });

    it('edits a live order and releases its reserve on cancel', async () => {
      const before = await taker.accounts.get('JPY');
      const order = await taker.orders.limitBuy(BTCJPY, '0.01', '900000');
      const reserved = await taker.accounts.get('JPY');
      expect(reserved.reservedBalance?.gt(before.reservedBalance ?? 0)).to.equal(true);
      const edited = await taker.orders.update(order.id, { price: '900100', quantity: '0.02' });
      expect([edited.price.toFixed(), edited.quantity.toFixed()]).to.deep.equal(['900100', '0.02']);
      const cancelled = await taker.orders.cancel(order.id);
      expect(cancelled.status).to.equal('cancelled');
      const after = await taker.accounts.get('JPY');
      expect(after.reservedBalance?.toFixed()).to.equal(before.reservedBalance?.toFixed());
      expect(after.balance.toFixed()).to.equal(before.balance.toFixed());
    });

    it('works by client order id: get, update, cancel, and cancelAll', async () => {
      const id = `it-${profile}-${Date.now()}`;
      const order = await taker.orders.limitBuy(BTCJPY, '0.01', '900000', { clientOrderId: id });
      // The 2017 docs had no client_order_id: the quoine profile leaves it out of order bodies.
      if (profile === 'liquid') expect(order.clientOrderId).to.equal(id);
      expect((await taker.orders.getByClientId(id)).id).to.equal(order.id);
      expect((await taker.orders.updateByClientId(id, { price: '900001' })).price.toFixed()).to.equal('900001');
      expect((await taker.orders.cancelByClientId(id)).status).to.equal('cancelled');
      const a = await taker.orders.limitBuy(BTCJPY, '0.01', '910000');
      const b = await taker.orders.limitBuy(BTCJPY, '0.01', '910001');
      const cancelled = await taker.orders.cancelAll({ productId: BTCJPY, side: 'buy' });
      expect(cancelled.map((c) => c.id)).to.include.members([a.id, b.id]);
      expect((await taker.orders.get(a.id)).status).to.equal('cancelled');
    });

    it('walks every page of orders once, even while new orders arrive', async () => {
      const { client } = userClient(sandbox, { JPY: '100000000' });
      const placed: number[] = [];
      for (let i = 0; i < 45; i++) placed.push((await client.orders.limitBuy(BTCJPY, '0.001', String(950000 + i))).id);
      const seen: number[] = [];
      for await (const o of client.orders.list({ limit: 10 })) {
        seen.push(o.id);
        if (seen.length % 10 === 5) await client.orders.limitBuy(BTCJPY, '0.001', '949000'); // pushes older orders down a page
      }
      expect(new Set(seen).size).to.equal(seen.length);
      expect(seen).to.include.members(placed);
      const firstPage = await client.orders.list({ limit: 10 });
      expect(firstPage.totalPages).to.equal(Math.ceil((placed.length + 5) / 10));
      await client.close();
    });

    it('answers with typed errors that keep the exchange codes', async () => {
      const poor = userClient(sandbox, { JPY: '10' }).client;
      const broke = await rejection(poor.orders.limitBuy(BTCJPY, '1', '1000000'));
      expect(broke).to.be.instanceOf(UnprocessableEntityError);
      expect((broke as QuoineAPIError).has('not_enough_free_balance')).to.equal(true);
      const tiny = await rejection(taker.orders.limitBuy(BTCJPY, '0.0000001', '1000000'));
      expect((tiny as QuoineAPIError).has('less_than_order_size')).to.equal(true);
      const missing = await rejection(taker.orders.get(987654321));
      expect(missing).to.be.instanceOf(NotFoundError);
      const impostor = new Client({
        baseUrl: sandbox.url,
        tokenId: sandbox.demo.tokenId,
        secret: 'wrong-secret',
        rateLimit: false,
      });
      const denied = await rejection(impostor.accounts.balances());
      expect(denied).to.be.instanceOf(AuthenticationError);
      expect(denied.message).not.to.include('wrong-secret');
      await poor.close();
      await impostor.close();
    });

    it('lists accounts, balances, the main asset, and opens a fiat account', async () => {
      const overview = await taker.accounts.list();
      expect(overview.fiatAccounts.map((a) => a.currency)).to.include('JPY');
      expect(overview.cryptoAccounts.map((a) => a.currency)).to.include('BTC');
      expect((await taker.accounts.fiat.list()).length).to.equal(overview.fiatAccounts.length);
      expect((await taker.accounts.crypto.list()).length).to.equal(overview.cryptoAccounts.length);
      expect((await taker.accounts.mainAsset()).totalAmount).to.be.instanceOf(Decimal);
      const created = await taker.accounts.fiat.create('SGD');
      expect(created.currency).to.equal('SGD');
    });
  });
}
