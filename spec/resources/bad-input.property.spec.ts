/**
 * Property: every public method, given a wrong type, NaN, Infinity, a negative, an unsafe
 * integer, an exponent string or an empty string in any checked slot, rejects with a
 * QuoineRequestError naming that slot, and sends nothing (issue 7).
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { Quoine } from '../../lib/client.js';
import { QuoineRequestError } from '../../lib/core/errors.js';
import { json, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';
import { runs } from '../helpers/property-runs.js';

/** Values wrong for any slot of a kind. */
const WRONG = {
  money: fc.constantFrom<unknown>(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    -0.5,
    '-2',
    0.1 + 0.2,
    '1e-8',
    '1E5',
    '',
    ' 1',
    '1,5',
    '0x10',
    'abc',
    null,
    true,
    {},
    [],
    10n,
  ),
  id: fc.constantFrom<unknown>(
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    2 ** 60,
    '',
    'abc',
    '1e3',
    ' 5',
    null,
    true,
    {},
    [],
  ),
  currency: fc.constantFrom<unknown>('', 'u', 'US D', '../orders', 'usd?x=1', 'X'.repeat(20), 5, null, {}),
  text: fc.constantFrom<unknown>('', 'a\nb', 'x'.repeat(300), 5, null, {}),
  enum: fc.oneof(
    fc
      .string()
      .filter(
        (s) =>
          ![
            'limit',
            'market',
            'buy',
            'sell',
            'live',
            'filled',
            'open',
            'closed',
            'long',
            'short',
            'spot',
            'margin',
          ].includes(s),
      ),
    fc.constantFrom<unknown>(1, null, {}),
  ),
};

type Kind = keyof typeof WRONG;

/** A method with valid arguments built from `v`, whose slot `field` (of `kind`) takes the wrong value. */
interface Slot {
  readonly method: string;
  readonly field: string;
  readonly kind: Kind;
  readonly call: (c: Quoine, v: unknown) => unknown;
}

const V = (v: unknown): never => v as never;
const SLOTS: readonly Slot[] = [
  {
    method: 'orders.create',
    field: 'quantity',
    kind: 'money',
    call: (c, v) => c.orders.create({ orderType: 'limit', productId: 5, side: 'buy', quantity: V(v), price: '1' }),
  },
  {
    method: 'orders.create',
    field: 'price',
    kind: 'money',
    call: (c, v) => c.orders.create({ orderType: 'limit', productId: 5, side: 'buy', quantity: '1', price: V(v) }),
  },
  {
    method: 'orders.create',
    field: 'productId',
    kind: 'id',
    call: (c, v) => c.orders.create({ orderType: 'limit', productId: V(v), side: 'buy', quantity: '1', price: '1' }),
  },
  {
    method: 'orders.create',
    field: 'side',
    kind: 'enum',
    call: (c, v) => c.orders.create({ orderType: 'limit', productId: 5, side: V(v), quantity: '1', price: '1' }),
  },
  {
    method: 'orders.create',
    field: 'orderType',
    kind: 'enum',
    call: (c, v) => c.orders.create({ orderType: V(v), productId: 5, side: 'buy', quantity: '1', price: '1' }),
  },
  {
    method: 'orders.create',
    field: 'priceRange',
    kind: 'money',
    call: (c, v) =>
      c.orders.create({ orderType: 'market_with_range', productId: 5, side: 'buy', quantity: '1', priceRange: V(v) }),
  },
  { method: 'orders.limitBuy', field: 'quantity', kind: 'money', call: (c, v) => c.orders.limitBuy(5, V(v), '1') },
  { method: 'orders.limitSell', field: 'price', kind: 'money', call: (c, v) => c.orders.limitSell(5, '1', V(v)) },
  { method: 'orders.marketBuy', field: 'productId', kind: 'id', call: (c, v) => c.orders.marketBuy(V(v), '1') },
  { method: 'orders.marketSell', field: 'quantity', kind: 'money', call: (c, v) => c.orders.marketSell(5, V(v)) },
  {
    method: 'orders.createMargin',
    field: 'takeProfit',
    kind: 'money',
    call: (c, v) =>
      c.orders.createMargin({
        orderType: 'limit',
        productId: 1,
        side: 'buy',
        quantity: '1',
        price: '1',
        leverageLevel: 10,
        takeProfit: V(v),
      }),
  },
  {
    method: 'orders.createMargin',
    field: 'fundingCurrency',
    kind: 'currency',
    call: (c, v) =>
      c.orders.createMargin({
        orderType: 'limit',
        productId: 1,
        side: 'buy',
        quantity: '1',
        price: '1',
        leverageLevel: 10,
        fundingCurrency: V(v),
      }),
  },
  { method: 'orders.get', field: 'id', kind: 'id', call: (c, v) => c.orders.get(V(v)) },
  { method: 'orders.list', field: 'productId', kind: 'id', call: (c, v) => c.orders.list({ productId: V(v) }) },
  { method: 'orders.list', field: 'status', kind: 'enum', call: (c, v) => c.orders.list({ status: V(v) }) },
  { method: 'orders.update', field: 'price', kind: 'money', call: (c, v) => c.orders.update(1, { price: V(v) }) },
  { method: 'orders.update', field: 'id', kind: 'id', call: (c, v) => c.orders.update(V(v), { price: '1' }) },
  { method: 'orders.cancel', field: 'id', kind: 'id', call: (c, v) => c.orders.cancel(V(v)) },
  {
    method: 'orders.cancelAll',
    field: 'productId',
    kind: 'id',
    call: (c, v) => c.orders.cancelAll({ productId: V(v) }),
  },
  { method: 'orders.trades', field: 'id', kind: 'id', call: (c, v) => c.orders.trades(V(v)) },
  { method: 'products.get', field: 'id', kind: 'id', call: (c, v) => c.products.get(V(v)) },
  { method: 'products.orderBook', field: 'id', kind: 'id', call: (c, v) => c.products.orderBook(V(v)) },
  { method: 'executions.list', field: 'productId', kind: 'id', call: (c, v) => c.executions.list({ productId: V(v) }) },
  { method: 'executions.mine', field: 'productId', kind: 'id', call: (c, v) => c.executions.mine({ productId: V(v) }) },
  {
    method: 'executions.since',
    field: 'productId',
    kind: 'id',
    call: (c, v) => c.executions.since({ productId: V(v), timestamp: 1 }),
  },
  { method: 'interestRates.ladder', field: 'currency', kind: 'currency', call: (c, v) => c.interestRates.ladder(V(v)) },
  { method: 'accounts.get', field: 'currency', kind: 'currency', call: (c, v) => c.accounts.get(V(v)) },
  { method: 'accounts.fiat.create', field: 'currency', kind: 'currency', call: (c, v) => c.accounts.fiat.create(V(v)) },
  {
    method: 'loans.bids.create',
    field: 'rate',
    kind: 'money',
    call: (c, v) => c.loans.bids.create({ rate: V(v), quantity: '1', currency: 'USD' }),
  },
  {
    method: 'loans.bids.create',
    field: 'quantity',
    kind: 'money',
    call: (c, v) => c.loans.bids.create({ rate: '0.0001', quantity: V(v), currency: 'USD' }),
  },
  {
    method: 'loans.bids.create',
    field: 'currency',
    kind: 'currency',
    call: (c, v) => c.loans.bids.create({ rate: '0.0001', quantity: '1', currency: V(v) }),
  },
  { method: 'loans.bids.close', field: 'id', kind: 'id', call: (c, v) => c.loans.bids.close(V(v)) },
  { method: 'loans.list', field: 'currency', kind: 'currency', call: (c, v) => c.loans.list({ currency: V(v) }) },
  { method: 'loans.update', field: 'id', kind: 'id', call: (c, v) => c.loans.update(V(v), { fundReloaned: true }) },
  { method: 'tradingAccounts.get', field: 'id', kind: 'id', call: (c, v) => c.tradingAccounts.get(V(v)) },
  {
    method: 'trades.close',
    field: 'closedQuantity',
    kind: 'money',
    call: (c, v) => c.trades.close(1, { closedQuantity: V(v) }),
  },
  { method: 'trades.close', field: 'id', kind: 'id', call: (c, v) => c.trades.close(V(v)) },
  { method: 'trades.update', field: 'stopLoss', kind: 'money', call: (c, v) => c.trades.update(1, { stopLoss: V(v) }) },
  { method: 'trades.loans', field: 'id', kind: 'id', call: (c, v) => c.trades.loans(V(v)) },
  { method: 'trades.list', field: 'side', kind: 'enum', call: (c, v) => c.trades.list({ side: V(v) }) },
  {
    method: 'cryptoWithdrawals.create',
    field: 'amount',
    kind: 'money',
    call: (c, v) => c.cryptoWithdrawals.create({ currency: 'BTC', address: 'a', amount: V(v) }),
  },
  {
    method: 'cryptoWithdrawals.create',
    field: 'address',
    kind: 'text',
    call: (c, v) => c.cryptoWithdrawals.create({ currency: 'BTC', address: V(v), amount: '1' }),
  },
  { method: 'cryptoWithdrawals.cancel', field: 'id', kind: 'id', call: (c, v) => c.cryptoWithdrawals.cancel(V(v)) },
  {
    method: 'cryptoWithdrawals.networks',
    field: 'currency',
    kind: 'currency',
    call: (c, v) => c.cryptoWithdrawals.networks(V(v)),
  },
  {
    method: 'withdrawals.create',
    field: 'amount',
    kind: 'money',
    call: (c, v) => c.withdrawals.create({ currency: 'JPY', amount: V(v), bankAccountId: 1 }),
  },
  {
    method: 'withdrawals.create',
    field: 'bankAccountId',
    kind: 'id',
    call: (c, v) => c.withdrawals.create({ currency: 'JPY', amount: '1', bankAccountId: V(v) }),
  },
  { method: 'withdrawals.cancel', field: 'id', kind: 'id', call: (c, v) => c.withdrawals.cancel(V(v)) },
  {
    method: 'balanceHistory.list',
    field: 'sourceObjectId',
    kind: 'id',
    call: (c, v) => c.balanceHistory.list({ sourceObjectId: V(v) }),
  },
  {
    method: 'fees.estimate',
    field: 'quantity',
    kind: 'money',
    call: (c, v) =>
      c.fees.estimate({ forAction: 'create_order', productId: 5, side: 'buy', quantity: V(v), price: '1' }),
  },
];

describe('bad input to every public method (property)', () => {
  let server: LoopbackServer;
  let client: Quoine;
  before(async () => {
    server = await startLoopbackServer(() => json('{}'));
    client = new Quoine({ baseUrl: server.url, tokenId: 1, secret: 's', rateLimit: false });
  });
  after(async () => {
    await client.close();
    await server.close();
  });

  for (const slot of SLOTS) {
    it(`${slot.method}: ${slot.field}`, async () => {
      await fc.assert(
        fc.asyncProperty(WRONG[slot.kind], async (value) => {
          let pending: unknown;
          expect(() => (pending = slot.call(client, value)), 'a rejection, not a synchronous throw').not.to.throw();
          let error: unknown;
          try {
            await pending;
          } catch (e) {
            error = e;
          }
          expect(error, `${slot.method} ${slot.field}=${String(value)}`).to.be.instanceOf(QuoineRequestError);
          expect((error as QuoineRequestError).field).to.equal(slot.field);
        }),
        runs(40),
      );
      expect(server.requests).to.have.length(0);
    });
  }
});
