/**
 * The retry safety of every resource method, enumerated: the label each call hands the transport
 * and what it does when the exchange answers 503 (a read, an idempotent call or a deduplicated
 * placement is sent again; a call whose repeat would act twice is not). The table is complete:
 * a method added without a row fails the last test.
 */
import { expect } from 'chai';
import sinon from 'sinon';
import { Quoine } from '../../lib/client.js';
import { QuoineAPIError } from '../../lib/core/errors.js';
import type { RequestSpec } from '../../lib/core/request-spec.js';
import type { Transport } from '../../lib/core/transport.js';
import { json, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

/** A row: the call, the safety label it sends, and how many attempts a 503 gets (maxRetries 1). */
type Row = readonly [call: (c: Quoine) => Promise<unknown>, safety: string, attempts: 1 | 2];

const first = async (paged: PromiseLike<unknown>): Promise<unknown> => paged;
const drain = async (walk: AsyncIterable<unknown>): Promise<void> => {
  for await (const _ of walk) break;
};

const ROWS: Readonly<Record<string, Row>> = {
  'products.list': [(c) => c.products.list(), 'read', 2],
  'products.get': [(c) => c.products.get(5), 'read', 2],
  'products.orderBook': [(c) => c.products.orderBook(5), 'read', 2],
  'products.ohlc': [(c) => c.products.ohlc(5), 'read', 2],
  'products.fundingRateHistory': [(c) => c.products.fundingRateHistory(604), 'read', 2],
  'executions.list': [(c) => first(c.executions.list({ productId: 5 })), 'read', 2],
  'executions.mine': [(c) => first(c.executions.mine({ productId: 5 })), 'read', 2],
  'executions.since': [(c) => c.executions.since({ productId: 5, timestamp: 1 }), 'read', 2],
  'executions.all': [(c) => drain(c.executions.all({ productId: 5, since: 1 })), 'read', 2],
  'interestRates.ladder': [(c) => c.interestRates.ladder('USD'), 'read', 2],
  'currencies.list': [(c) => c.currencies.list(), 'read', 2],
  'fees.list': [(c) => c.fees.list(), 'read', 2],
  'fees.tier': [(c) => c.fees.tier(), 'read', 2],
  'fees.rules': [(c) => c.fees.rules(), 'read', 2],
  'fees.estimate': [(c) => c.fees.estimate({ forAction: 'withdraw', currency: 'JPY', amount: '1' }), 'read', 2],
  'orders.create': [
    (c) => c.orders.create({ orderType: 'limit', productId: 5, side: 'buy', quantity: '1', price: '1' }),
    'non-idempotent',
    1,
  ],
  'orders.create with clientOrderId': [
    (c) =>
      c.orders.create({
        orderType: 'limit',
        productId: 5,
        side: 'buy',
        quantity: '1',
        price: '1',
        clientOrderId: 'a-1',
      }),
    'deduplicated',
    2,
  ],
  'orders.createMargin': [
    (c) =>
      c.orders.createMargin({
        orderType: 'limit',
        productId: 5,
        side: 'buy',
        quantity: '1',
        price: '1',
        leverageLevel: 2,
      }),
    'non-idempotent',
    1,
  ],
  'orders.createMargin with clientOrderId': [
    (c) =>
      c.orders.createMargin({
        orderType: 'limit',
        productId: 5,
        side: 'buy',
        quantity: '1',
        price: '1',
        leverageLevel: 2,
        clientOrderId: 'a-1',
      }),
    'deduplicated',
    2,
  ],
  'orders.limitBuy': [(c) => c.orders.limitBuy(5, '1', '1'), 'non-idempotent', 1],
  'orders.limitSell': [(c) => c.orders.limitSell(5, '1', '1'), 'non-idempotent', 1],
  'orders.marketBuy': [(c) => c.orders.marketBuy(5, '1'), 'non-idempotent', 1],
  'orders.marketSell': [(c) => c.orders.marketSell(5, '1'), 'non-idempotent', 1],
  'orders.get': [(c) => c.orders.get(1), 'read', 2],
  'orders.getByClientId': [(c) => c.orders.getByClientId('a-1'), 'read', 2],
  'orders.list': [(c) => first(c.orders.list()), 'read', 2],
  'orders.update': [(c) => c.orders.update(1, { price: '1' }), 'non-idempotent', 1],
  'orders.updateByClientId': [(c) => c.orders.updateByClientId('a-1', { price: '1' }), 'non-idempotent', 1],
  'orders.cancel': [(c) => c.orders.cancel(1), 'idempotent', 2],
  'orders.cancelByClientId': [(c) => c.orders.cancelByClientId('a-1'), 'idempotent', 2],
  'orders.cancelAll': [(c) => c.orders.cancelAll(), 'idempotent', 2],
  'orders.executions': [(c) => first(c.orders.executions(1)), 'read', 2],
  'orders.trades': [(c) => c.orders.trades(1), 'read', 2],
  'accounts.list': [(c) => c.accounts.list(), 'read', 2],
  'accounts.get': [(c) => c.accounts.get('USD'), 'read', 2],
  'accounts.balances': [(c) => c.accounts.balances(), 'read', 2],
  'accounts.mainAsset': [(c) => c.accounts.mainAsset(), 'read', 2],
  'accounts.reservedBalanceDetails': [(c) => c.accounts.reservedBalanceDetails('USD'), 'read', 2],
  'accounts.depositInfo': [(c) => c.accounts.depositInfo('BTC'), 'read', 2],
  'accounts.createDepositInfo': [(c) => c.accounts.createDepositInfo('BTC'), 'non-idempotent', 1],
  'accounts.fiat.list': [(c) => c.accounts.fiat.list(), 'read', 2],
  'accounts.fiat.create': [(c) => c.accounts.fiat.create('USD'), 'non-idempotent', 1],
  'accounts.crypto.list': [(c) => c.accounts.crypto.list(), 'read', 2],
  'loans.list': [(c) => first(c.loans.list({ currency: 'USD' })), 'read', 2],
  'loans.update': [(c) => c.loans.update(1, { fundReloaned: true }), 'non-idempotent', 1],
  'loans.bids.create': [
    (c) => c.loans.bids.create({ rate: '0.0002', quantity: '1', currency: 'USD' }),
    'non-idempotent',
    1,
  ],
  'loans.bids.list': [(c) => first(c.loans.bids.list({ currency: 'USD' })), 'read', 2],
  'loans.bids.close': [(c) => c.loans.bids.close(1), 'non-idempotent', 1],
  'tradingAccounts.list': [(c) => c.tradingAccounts.list(), 'read', 2],
  'tradingAccounts.get': [(c) => c.tradingAccounts.get(1), 'read', 2],
  'tradingAccounts.updateLeverage': [(c) => c.tradingAccounts.updateLeverage(1, 2), 'non-idempotent', 1],
  'users.leverageLimitation': [(c) => c.users.leverageLimitation(), 'read', 2],
  'trades.list': [(c) => first(c.trades.list()), 'read', 2],
  'trades.close': [(c) => c.trades.close(1), 'non-idempotent', 1],
  'trades.closeAll': [(c) => c.trades.closeAll(), 'non-idempotent', 1],
  'trades.update': [(c) => c.trades.update(1, { stopLoss: '1' }), 'non-idempotent', 1],
  'trades.adjustMargin': [(c) => c.trades.adjustMargin(1, { delta: '1' }), 'non-idempotent', 1],
  'trades.loans': [(c) => c.trades.loans(1), 'read', 2],
  'cryptoWithdrawals.list': [(c) => first(c.cryptoWithdrawals.list()), 'read', 2],
  'cryptoWithdrawals.create': [
    (c) => c.cryptoWithdrawals.create({ currency: 'BTC', address: 'addr', amount: '1' }),
    'non-idempotent',
    1,
  ],
  'cryptoWithdrawals.cancel': [(c) => c.cryptoWithdrawals.cancel(1), 'non-idempotent', 1],
  'cryptoWithdrawals.networks': [(c) => c.cryptoWithdrawals.networks('USDT'), 'read', 2],
  'cryptoWithdrawals.addresses': [(c) => first(c.cryptoWithdrawals.addresses({ currency: 'BTC' })), 'read', 2],
  'withdrawals.bankAccounts': [(c) => c.withdrawals.bankAccounts(), 'read', 2],
  'withdrawals.list': [(c) => first(c.withdrawals.list()), 'read', 2],
  'withdrawals.create': [
    (c) => c.withdrawals.create({ currency: 'JPY', amount: '1', bankAccountId: 1 }),
    'non-idempotent',
    1,
  ],
  'withdrawals.cancel': [(c) => c.withdrawals.cancel(1), 'non-idempotent', 1],
  'transactions.list': [(c) => first(c.transactions.list()), 'read', 2],
  'balanceHistory.list': [(c) => first(c.balanceHistory.list()), 'read', 2],
};

/** Every `namespace.method` of a client, sub-namespaces (`accounts.fiat`) included. */
function methodsOf(client: Quoine): string[] {
  const names: string[] = [];
  const walk = (prefix: string, resource: object): void => {
    for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(resource))) {
      if (name !== 'constructor' && typeof (resource as Record<string, unknown>)[name] === 'function')
        names.push(`${prefix}.${name}`);
    }
    for (const [name, value] of Object.entries(resource) as Array<[string, unknown]>) {
      if (typeof value === 'object' && value !== null && 'transport' in value) walk(`${prefix}.${name}`, value);
    }
  };
  for (const [name, value] of Object.entries(client) as Array<[string, unknown]>) {
    if (typeof value === 'object' && value !== null && 'transport' in value) walk(name, value);
  }
  return names;
}

describe('retry safety of every resource method', () => {
  let server: LoopbackServer;
  let client: Quoine;
  let sent: RequestSpec[];
  before(async () => {
    server = await startLoopbackServer(() => json('{"message":"down for maintenance"}', 503, { 'retry-after': '0' }));
    client = new Quoine({
      baseUrl: server.url,
      tokenId: 1,
      secret: 'retry-safety-secret',
      rateLimit: false,
      maxRetries: 1,
    });
    const transport = (client.products as unknown as { transport: Transport }).transport;
    const request = transport.request.bind(transport);
    // A spy that records what each call asks for; the request still goes over the socket.
    sinon.replace(transport, 'request', (spec: RequestSpec) => {
      sent.push(spec);
      return request(spec);
    });
  });
  beforeEach(() => {
    sent = [];
  });
  after(async () => {
    sinon.restore();
    await client.close();
    await server.close();
  });

  for (const [name, [call, safety, attempts]] of Object.entries(ROWS)) {
    it(`${name}: ${safety}, ${attempts} attempt(s) on a 503`, async () => {
      const before = server.requests.length;
      const error = await call(client).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(QuoineAPIError).with.property('status', 503);
      expect(error).to.have.property('attempts', attempts);
      expect(server.requests.length - before).to.equal(attempts);
      expect(sent.map((s) => s.safety)).to.deep.equal([safety]);
    });
  }

  it('covers every method of every namespace', () => {
    const covered = new Set(Object.keys(ROWS).map((name) => name.split(' ')[0]));
    expect(methodsOf(client).filter((m) => !covered.has(m))).to.deep.equal([]);
  });
});
