/**
 * Margin trades, lending and funding end to end against the sandbox, in both profiles.
 */
import { expect } from 'chai';
import { Decimal } from 'decimal.js';
import type { Quoine } from '../../lib/client.js';
import { QDecimal } from '../../lib/core/decimal.js';
import type { Sandbox } from '../../lib/sandbox/index.js';
import { PROFILES, exactSandbox, userClient } from './helpers.js';

const BTCUSD = 1;

for (const profile of PROFILES) {
  describe(`margin, lending and funding against the sandbox (${profile} profile)`, () => {
    let sandbox: Sandbox;
    let lender: Quoine;
    let trader: Quoine;
    let maker: Quoine;
    before(async () => {
      sandbox = await exactSandbox(profile);
      lender = userClient(sandbox, { USD: '100000' }).client;
      maker = userClient(sandbox, { USD: '1000000', BTC: '100' }).client;
      trader = userClient(sandbox, { USD: '50000', BTC: '1' }).client;
    });
    after(async () => {
      await Promise.all([lender, trader, maker].map((c) => c.close()));
      await sandbox.close();
    });

    it('lends: a loan bid appears in the ladder, lists, and closes', async () => {
      const bid = await lender.loans.bids.create({ rate: '0.0002', quantity: '5000', currency: 'USD' });
      expect([bid.status, bid.rate.toFixed(), bid.quantity.toFixed()]).to.deep.equal(['live', '0.0002', '5000']);
      const ladder = await lender.interestRates.ladder('USD');
      expect(ladder.bids.map((l) => [l.price.toFixed(), l.quantity.toFixed()])).to.deep.include(['0.0002', '5000']);
      const listed: number[] = [];
      for await (const b of lender.loans.bids.list({ currency: 'USD' })) listed.push(b.id);
      expect(listed).to.include(bid.id);
      const spare = await lender.loans.bids.create({ rate: '0.0003', quantity: '10', currency: 'USD' });
      const closed = await lender.loans.bids.close(spare.id);
      expect(closed.status).to.equal('closed');
    });

    it('runs a margin trade: open with leverage, borrow, TP/SL, adjust, partial close, close', async () => {
      await maker.orders.limitSell(BTCUSD, '1', '9200');
      await maker.orders.limitBuy(BTCUSD, '1', '9100');
      const order = await trader.orders.createMargin({
        orderType: 'market',
        productId: BTCUSD,
        side: 'buy',
        quantity: '0.5',
        leverageLevel: 10,
        fundingCurrency: 'USD',
      });
      expect((await trader.orders.get(order.id)).status).to.equal('filled');
      const open = (await trader.trades.list({ status: 'open' })).models;
      expect(open).to.have.length(1);
      const trade = open[0]!;
      expect([trade.side, trade.quantity.toFixed(), trade.openPrice.toFixed(), trade.leverageLevel]).to.deep.equal([
        'long',
        '0.5',
        '9200',
        10,
      ]);
      expect(trade.marginUsed?.toFixed()).to.equal(new QDecimal('9200').times('0.5').div(10).toFixed());
      expect((await trader.orders.trades(order.id)).map((t) => t.id)).to.include(trade.id);
      const loans = await trader.trades.loans(trade.id);
      expect(loans.length).to.be.greaterThan(0);
      expect(loans.every((l) => l.currency === 'USD' && l.status === 'open')).to.equal(true);
      const updated = await trader.trades.update(trade.id, { stopLoss: '8000', takeProfit: '12000' });
      expect([updated.stopLoss?.toFixed(), updated.takeProfit?.toFixed()]).to.deep.equal(['8000', '12000']);
      const adjusted = await trader.trades.adjustMargin(trade.id, { delta: '100' });
      expect(adjusted.marginUsed?.toFixed()).to.equal(new QDecimal(trade.marginUsed ?? 0).plus(100).toFixed());
      const partial = await trader.trades.close(trade.id, { closedQuantity: '0.2' });
      expect(partial.closeQuantity.toFixed()).to.equal('0.2');
      expect(partial.openQuantity.toFixed()).to.equal('0.3');
      const closed = await trader.trades.close(trade.id);
      expect(closed.status).to.equal('closed');
      expect((await trader.trades.list({ status: 'open' })).models).to.have.length(0);
      const accounts = await trader.tradingAccounts.list();
      expect(accounts.length).to.be.greaterThan(0);
      const first = accounts[0]!;
      expect((await trader.tradingAccounts.get(first.id)).id).to.equal(first.id);
      expect((await trader.tradingAccounts.updateLeverage(first.id, 5)).leverageLevel).to.equal(5);
      expect(await trader.users.leverageLimitation()).to.include(10);
    });

    it('closes every open trade of a side with closeAll', async () => {
      await maker.orders.limitSell(BTCUSD, '1', '9200');
      await trader.orders.createMargin({
        orderType: 'market',
        productId: BTCUSD,
        side: 'buy',
        quantity: '0.1',
        leverageLevel: 5,
        fundingCurrency: 'USD',
      });
      await trader.orders.createMargin({
        orderType: 'market',
        productId: BTCUSD,
        side: 'buy',
        quantity: '0.1',
        leverageLevel: 5,
        fundingCurrency: 'USD',
      });
      const closed = await trader.trades.closeAll({ side: 'long' });
      expect(closed.length).to.be.greaterThan(0);
      expect(closed.every((t) => t.status === 'closed')).to.equal(true);
      expect((await trader.trades.list({ status: 'open', side: 'long' })).models).to.have.length(0);
    });

    it('lists the loans the trades took, and stops re-loaning', async () => {
      const loans = (await lender.loans.list({ currency: 'USD' })).models;
      expect(loans.length).to.be.greaterThan(0);
      const updated = await lender.loans.update(loans[0]!.id, { fundReloaned: false });
      expect(updated.fundReloaned).to.equal(false);
    });

    it('withdraws crypto and fiat, and cancels pending withdrawals', async () => {
      const before = (await trader.accounts.get('BTC')).balance;
      const crypto = await trader.cryptoWithdrawals.create({
        currency: 'BTC',
        address: '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
        amount: '0.01',
      });
      expect([crypto.state, crypto.amount.toFixed()]).to.deep.equal(['pending', '0.01']);
      expect((await trader.cryptoWithdrawals.list({ currency: 'BTC' })).models.map((w) => w.id)).to.include(crypto.id);
      expect((await trader.cryptoWithdrawals.cancel(crypto.id)).state).to.equal('cancelled');
      expect((await trader.accounts.get('BTC')).balance.toFixed()).to.equal(before.toFixed());
      expect(await trader.cryptoWithdrawals.networks('BTC')).to.be.an('array');
      expect((await trader.cryptoWithdrawals.addresses({ currency: 'BTC' })).models).to.be.an('array');
      const [bank] = await trader.withdrawals.bankAccounts();
      expect(bank, 'the sandbox gives every user a bank account').to.not.equal(undefined);
      const fiat = await trader.withdrawals.create({ currency: 'USD', amount: '100', bankAccountId: bank!.id });
      expect(fiat.state).to.equal('pending');
      expect((await trader.withdrawals.list()).models.map((w) => w.id)).to.include(fiat.id);
      expect((await trader.withdrawals.cancel(fiat.id)).state).to.equal('cancelled');
    });

    it('records every balance change in the balance history and transactions', async () => {
      const rows = [];
      for await (const row of trader.balanceHistory.list({ currency: 'USD' })) rows.push(row);
      expect(rows.length).to.be.greaterThan(0);
      expect(rows.every((r) => r.amount instanceof Decimal && r.balance instanceof Decimal)).to.equal(true);
      const usd = (await trader.accounts.get('USD')).balance;
      const latest = [...rows].sort((a, b) => b.timestamp.getTime() - a.timestamp.getTime() || b.id - a.id)[0]!;
      expect(latest.balance.toFixed()).to.equal(usd.toFixed());
      const transactions = await trader.transactions.list({ currency: 'USD' });
      expect(transactions.models).to.be.an('array');
    });

    it('gives the fee tier, the rules and exact estimates', async () => {
      expect((await trader.fees.tier()).feeTier).to.be.a('number');
      expect((await trader.fees.rules({ feeType: 'trade_fee' })).length).to.be.greaterThan(0);
      const estimate = await trader.fees.estimate({
        forAction: 'create_order',
        productId: BTCUSD,
        side: 'buy',
        quantity: '2',
        price: '9200.5',
      });
      const product = await trader.products.get(BTCUSD);
      expect(estimate.default?.[0]?.amount.toFixed()).to.equal(
        new QDecimal('18401').times(product.takerFee ?? 0).toFixed(),
      );
    });
  });
}
