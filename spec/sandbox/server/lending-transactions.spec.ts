// Issue 11 over HTTP: `GET /transactions?transaction_type=interest_transfer,loan,repay,loan_fee`
// (the 2020 capture's query, quoine-api.md §7.8) lists lending rows in the captured shape.
import { expect } from 'chai';
import type { Sandbox } from '../../../lib/sandbox/index.js';
import { call, httpClient, json, startTestSandbox } from './helpers.js';

const BTCUSD = 1;

describe('sandbox server: lending rows of GET /transactions (issue 11)', () => {
  let sandbox: Sandbox;
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when before() failed
    await sandbox?.close();
  });

  it('answers the captured comma-separated query with loan, repay and interest_transfer rows in the captured shape', async () => {
    let clock = 1_600_000_000_000;
    sandbox = await startTestSandbox({ now: () => clock });
    const exchange = sandbox.exchange;
    const lender = sandbox.createToken({ USD: '5000' });
    const maker = sandbox.createToken({ USD: '1000000', BTC: '100' });
    const borrower = sandbox.createToken({ USD: '100000' });
    exchange.createLoanBid(lender.userId, { currency: 'USD', quantity: '1000', rate: '0.0001' });
    exchange.createOrder(maker.userId, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.05',
      price: '9200',
    });
    exchange.createOrder(maker.userId, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'buy',
      quantity: '1',
      price: '9100',
    });
    const order = exchange.createOrder(borrower.userId, {
      orderType: 'market',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.05',
      leverageLevel: 10,
    });
    const tradeId = exchange.orderTrades(borrower.userId, order.id)[0]?.id ?? 0;
    clock += 3600_000;
    exchange.closeTrade(borrower.userId, tradeId);

    const response = await call(
      httpClient(sandbox),
      'GET',
      '/transactions?currency=USD&transaction_type=interest_transfer,loan,repay,loan_fee&page=1&limit=20',
      { credentials: lender },
    );
    expect(response.statusCode, response.body).to.equal(200);
    const page = json<{ models: Array<Record<string, unknown>> }>(response);
    expect(page.models.map((row) => [row['transaction_type'], row['gross_amount']])).to.deep.equal([
      ['repay', '414.0'],
      ['interest_transfer', '0.0414'],
      ['loan', '-414.0'],
    ]);
    const lenderAccount = exchange.account(lender.userId, 'USD').id;
    expect(page.models[1]).to.deep.include({
      action_id: null,
      currency: 'USD',
      exchange_fee: '0.0',
      network_fee: '0.0',
      from_role: null,
      to_role: null,
      to_account_id: lenderAccount,
      transaction_hash: null,
      loan: { currency: 'USD', quantity: '414.0', rate: '0.0001' },
    });
    for (const key of [
      'id',
      'action_id',
      'created_at',
      'currency',
      'exchange_fee',
      'from_account_id',
      'from_role',
      'gross_amount',
      'loan',
      'net_amount',
      'network_fee',
      'state',
      'to_account_id',
      'to_role',
      'transaction_hash',
      'transaction_type',
    ]) {
      expect(page.models[0], key).to.have.property(key);
    }
  });
});
