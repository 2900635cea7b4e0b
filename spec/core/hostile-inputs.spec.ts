/**
 * Bad input is refused before anything is sent (issue 10): ids that are -0, negative, zero,
 * fractional, unsafe or oddly written, in every method that takes one; and header-illegal
 * characters in vendorId, userAgent and language, at construction (they used to become a
 * connection error that "may have been processed", after three attempts).
 */
import { expect } from 'chai';
import { Quoine } from '../../lib/client.js';
import { QuoineRequestError } from '../../lib/core/errors.js';
import { rejection } from '../helpers/rejection.js';
import { json, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

const BAD_IDS: readonly unknown[] = [
  -0,
  '-0',
  -1,
  '-1',
  0,
  '0',
  1.5,
  '1.5',
  2 ** 53,
  '9007199254740993',
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '1e3',
  ' 5',
  '5 ',
  '0x10',
  '+5',
  '',
  '5/../6',
  null,
  true,
  5n,
];

/** Every method that takes an id, called with `id` in its place. */
const CALLS: ReadonlyArray<[string, (c: Quoine, id: never) => PromiseLike<unknown>]> = [
  ['products.get', (c, id) => c.products.get(id)],
  ['products.orderBook', (c, id) => c.products.orderBook(id)],
  ['products.ohlc', (c, id) => c.products.ohlc(id)],
  ['products.fundingRateHistory', (c, id) => c.products.fundingRateHistory(id)],
  ['executions.list', (c, id) => c.executions.list({ productId: id })],
  ['executions.mine', (c, id) => c.executions.mine({ productId: id })],
  ['executions.since', (c, id) => c.executions.since({ productId: id, timestamp: 1594964560 })],
  ['orders.get', (c, id) => c.orders.get(id)],
  ['orders.update', (c, id) => c.orders.update(id, { price: '1' })],
  ['orders.cancel', (c, id) => c.orders.cancel(id)],
  ['orders.trades', (c, id) => c.orders.trades(id)],
  ['orders.executions', (c, id) => c.orders.executions(id)],
  ['orders.list productId', (c, id) => c.orders.list({ productId: id })],
  ['orders.limitBuy productId', (c, id) => c.orders.limitBuy(id, '0.01', '500000')],
  ['orders.marketSell productId', (c, id) => c.orders.marketSell(id, '0.01')],
  ['orders.cancelAll productId', (c, id) => c.orders.cancelAll({ productId: id })],
  ['loans.update', (c, id) => c.loans.update(id, { fundReloaned: true })],
  ['loans.bids.close', (c, id) => c.loans.bids.close(id)],
  ['tradingAccounts.get', (c, id) => c.tradingAccounts.get(id)],
  ['tradingAccounts.updateLeverage', (c, id) => c.tradingAccounts.updateLeverage(id, 10)],
  ['trades.close', (c, id) => c.trades.close(id)],
  ['trades.update', (c, id) => c.trades.update(id, { stopLoss: '1' })],
  ['trades.adjustMargin', (c, id) => c.trades.adjustMargin(id, { delta: '1' })],
  ['trades.loans', (c, id) => c.trades.loans(id)],
  ['cryptoWithdrawals.cancel', (c, id) => c.cryptoWithdrawals.cancel(id)],
  ['withdrawals.cancel', (c, id) => c.withdrawals.cancel(id)],
];

describe('hostile inputs', () => {
  let server: LoopbackServer;
  before(async () => {
    server = await startLoopbackServer(() => json('{}'));
  });
  after(async () => server.close());

  describe('ids', () => {
    for (const [name, call] of CALLS) {
      it(`${name} refuses ${BAD_IDS.length} malformed ids before sending anything`, async () => {
        const client = new Quoine({ baseUrl: server.url, tokenId: '1', secret: 's', rateLimit: false, maxRetries: 0 });
        const sentBefore = server.requests.length;
        for (const id of BAD_IDS) {
          let outcome: unknown;
          try {
            outcome = await rejection(Promise.resolve(call(client, id as never)));
          } catch (e) {
            outcome = e; // thrown synchronously is refused too
          }
          expect(
            outcome,
            // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- JSON.stringify gives undefined for undefined, functions and symbols (lib.d.ts says string)
            `${name}(${typeof id === 'bigint' ? `${id}n` : (JSON.stringify(id) ?? String(id))})`,
          ).to.be.instanceOf(QuoineRequestError);
        }
        expect(server.requests.length - sentBefore, `${name} sent a request`).to.equal(0);
        await client.close();
      });
    }
  });

  describe('header values', () => {
    const ILLEGAL = [
      'v\r\nX-Evil: 1',
      'v\n',
      'v\r',
      'v\u0000',
      'v\u007f',
      'caf\u00e9',
      '日本',
      'tab\tok?\u0085',
      '\u2028',
    ];
    for (const field of ['vendorId', 'userAgent', 'language'] as const) {
      it(`refuses ${field} with a character no header may carry, at construction`, () => {
        for (const value of ILLEGAL) {
          expect(() => new Quoine({ baseUrl: server.url, [field]: value }), `${field}=${JSON.stringify(value)}`)
            .to.throw(QuoineRequestError, new RegExp(field))
            .with.property('field', field);
        }
        for (const value of ['', ' padded', 'x'.repeat(1025)]) {
          expect(
            () => new Quoine({ baseUrl: server.url, [field]: value }),
            `${field}=${JSON.stringify(value).slice(0, 20)}`,
          ).to.throw(QuoineRequestError);
        }
        expect(() => new Quoine({ baseUrl: server.url, [field]: 5 })).to.throw(QuoineRequestError);
      });
    }

    it('sends legal values unchanged', async () => {
      const client = new Quoine({
        baseUrl: server.url,
        vendorId: 'vendor-1',
        userAgent: 'bot/1.0 (linux; x64)\tv2',
        language: 'ja-JP,ja;q=0.9',
        rateLimit: false,
      });
      await client.products.get(5).catch(() => undefined);
      const seen = server.requests[server.requests.length - 1];
      expect(seen?.headers).to.include({
        'x-quoine-vendor-id': 'vendor-1',
        'user-agent': 'bot/1.0 (linux; x64)\tv2',
        'accept-language': 'ja-JP,ja;q=0.9',
      });
      await client.close();
    });
  });
});
