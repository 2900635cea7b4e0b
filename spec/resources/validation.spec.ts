/** Bad input is refused before sending, with a QuoineRequestError naming the field. */
import { expect } from 'chai';
import { Quoine } from '../../lib/client.js';
import { QuoineRequestError } from '../../lib/core/errors.js';
import type { OrderCreateParams } from '../../lib/resources/order-params.js';
import { json, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

const limit: OrderCreateParams = { orderType: 'limit', productId: 5, side: 'buy', quantity: '0.01', price: '500000' };

/** [what, call, field the error must name] */
const REFUSED: ReadonlyArray<[string, (c: Quoine) => unknown, string]> = [
  ['float noise in a price', (c) => c.orders.limitBuy(5, '0.01', 0.1 + 0.2), 'price'],
  ['NaN quantity', (c) => c.orders.limitBuy(5, Number.NaN, '1'), 'quantity'],
  ['Infinity price', (c) => c.orders.limitSell(5, '1', Number.POSITIVE_INFINITY), 'price'],
  ['negative quantity', (c) => c.orders.create({ ...limit, quantity: '-1' }), 'quantity'],
  ['zero quantity', (c) => c.orders.create({ ...limit, quantity: 0 }), 'quantity'],
  ['exponent string', (c) => c.orders.create({ ...limit, quantity: '1e-3' }), 'quantity'],
  ['empty string price', (c) => c.orders.create({ ...limit, price: '' }), 'price'],
  ['huge unsafe id', (c) => c.orders.create({ ...limit, productId: 2 ** 60 }), 'productId'],
  [
    'limit without price',
    (c) => c.orders.create({ orderType: 'limit', productId: 5, side: 'buy', quantity: '1' }),
    'price',
  ],
  [
    'stop without price',
    (c) => c.orders.create({ orderType: 'stop', productId: 5, side: 'sell', quantity: '1' }),
    'price',
  ],
  [
    'market with a price',
    (c) => c.orders.create({ orderType: 'market', productId: 5, side: 'buy', quantity: '1', price: '1' }),
    'price',
  ],
  ['priceRange on a limit', (c) => c.orders.create({ ...limit, priceRange: '10' }), 'priceRange'],
  [
    'market_with_range without range or price',
    (c) => c.orders.create({ orderType: 'market_with_range', productId: 5, side: 'buy', quantity: '1' }),
    'priceRange',
  ],
  [
    'trailing stop without value',
    (c) => c.orders.create({ orderType: 'trailing_stop', productId: 5, side: 'sell', quantity: '1' }),
    'trailingStopValue',
  ],
  ['unknown order type', (c) => c.orders.create({ ...limit, orderType: 'fok' as never }), 'orderType'],
  ['unknown side', (c) => c.orders.create({ ...limit, side: 'long' as never }), 'side'],
  ['client id too long', (c) => c.orders.create({ ...limit, clientOrderId: 'x'.repeat(37) }), 'clientOrderId'],
  ['client id with a special character', (c) => c.orders.create({ ...limit, clientOrderId: 'a_b' }), 'clientOrderId'],
  ['bad leverage', (c) => c.orders.createMargin({ ...limit, leverageLevel: 3 }), 'leverageLevel'],
  [
    'spot trading type on a margin order',
    (c) => c.orders.createMargin({ ...limit, leverageLevel: 2, tradingType: 'spot' }),
    'tradingType',
  ],
  ['update with nothing', (c) => c.orders.update(1, {}), 'quantity'],
  ['update with negative price', (c) => c.orders.update(1, { price: '-1' }), 'price'],
  ['cancel of id 0', (c) => c.orders.cancel(0), 'id'],
  ['get of a fractional id', (c) => c.orders.get(1.5), 'id'],
  ['list with a bad status', (c) => c.orders.list({ status: 'open' as never }), 'status'],
  ['list with limit 0', (c) => c.orders.list({ limit: 0 }), 'limit'],
  ['cancelAll with a bad side', (c) => c.orders.cancelAll({ side: 'both' as never }), 'side'],
  ['account of a bad currency', (c) => c.accounts.get('us dollar'), 'currency'],
  ['loan bid with negative rate', (c) => c.loans.bids.create({ rate: '-0.1', quantity: '1', currency: 'USD' }), 'rate'],
  ['loan update with a string flag', (c) => c.loans.update(1, { fundReloaned: 'no' as never }), 'fundReloaned'],
  ['leverage 0', (c) => c.tradingAccounts.updateLeverage(1, 0), 'leverageLevel'],
  ['partial close of zero', (c) => c.trades.close(1, { closedQuantity: '0' }), 'closedQuantity'],
  ['closeAll with a bad side', (c) => c.trades.closeAll({ side: 'buy' as never }), 'side'],
  ['trade update with nothing', (c) => c.trades.update(1, {}), 'stopLoss'],
  ['adjust margin by zero', (c) => c.trades.adjustMargin(1, { delta: '0' }), 'delta'],
  [
    'withdrawal of a negative amount',
    (c) => c.cryptoWithdrawals.create({ currency: 'BTC', address: 'x', amount: '-1' }),
    'amount',
  ],
  [
    'withdrawal to an empty address',
    (c) => c.cryptoWithdrawals.create({ currency: 'BTC', address: '', amount: '1' }),
    'address',
  ],
  [
    'fiat withdrawal without bank account',
    (c) => c.withdrawals.create({ currency: 'JPY', amount: '1', bankAccountId: 'x' }),
    'bankAccountId',
  ],
  ['balance history from a bad date', (c) => c.balanceHistory.list({ since: new Date('nope') }), 'since'],
  ['fee estimate of an unknown action', (c) => c.fees.estimate({ forAction: 'lend' } as never), 'forAction'],
  ['public fee list with a fee type that is not text', (c) => c.fees.list({ feeType: 7 } as never), 'feeType'],
  ['public fee list with an overlong fee type', (c) => c.fees.list({ feeType: 'x'.repeat(65) }), 'feeType'],
  ['fee rules with a fee type that is not text', (c) => c.fees.rules({ feeType: ['a'] } as never), 'feeType'],
];

describe('input checks before sending', () => {
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

  for (const [what, call, field] of REFUSED) {
    it(`refuses ${what}, naming ${field}`, async () => {
      // A rejection, never a synchronous throw: `.catch()` on the call must see it.
      let pending: unknown;
      expect(() => (pending = call(client))).not.to.throw();
      let error: unknown;
      try {
        await pending;
      } catch (e) {
        error = e;
      }
      expect(error, what).to.be.instanceOf(QuoineRequestError);
      expect((error as QuoineRequestError).field).to.equal(field);
      expect(server.requests).to.have.length(0);
    });
  }

  it('refuses private calls without credentials before sending', async () => {
    const anonymous = new Quoine({ baseUrl: server.url, rateLimit: false });
    let error: unknown;
    try {
      await anonymous.orders.list();
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(QuoineRequestError);
    expect((error as Error).message).to.match(/private call: create the client with tokenId and secret/);
    expect(server.requests).to.have.length(0);
  });
});
