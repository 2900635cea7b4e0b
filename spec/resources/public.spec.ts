import { expect } from 'chai';
import { Decimal } from 'decimal.js';
import { Quoine } from '../../lib/client.js';
import { QuoineRequestError } from '../../lib/core/errors.js';
import { FundingRate } from '../../lib/entities/funding-rate.js';
import { ERAS, fixture } from '../helpers/fixtures.js';
import { json, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

/** Routes of the public API to their fixtures. */
function route(url: string): string | undefined {
  const { pathname, searchParams } = new URL(url, 'http://x');
  if (pathname === '/products') return searchParams.get('perpetual') === '1' ? 'products_perpetual' : 'products';
  if (/^\/products\/5$/.test(pathname)) return 'product';
  if (/^\/products\/5\/price_levels$/.test(pathname)) return 'price_levels';
  if (pathname === '/executions') return searchParams.has('timestamp') ? 'executions_since' : 'executions_page';
  if (pathname === '/ir_ladders/USD') return 'ir_ladder';
  if (pathname === '/currencies') return 'currencies';
  if (pathname === '/fees') return 'fees';
  return undefined;
}

for (const era of ERAS) {
  describe(`public resources against ${era}-era bodies`, () => {
    let server: LoopbackServer;
    let client: Quoine;
    before(async () => {
      server = await startLoopbackServer((q) => {
        const name = route(q.url);
        return name ? json(fixture(era, name)) : json('{"message":"not found"}', 404);
      });
      client = new Quoine({ baseUrl: server.url, rateLimit: false });
    });
    after(async () => {
      await client.close();
      await server.close();
    });

    it('products.list / get / orderBook', async () => {
      const products = await client.products.list();
      expect(products.map((p) => p.currencyPairCode)).to.include.members(['BTCUSD', 'BTCJPY']);
      const perpetuals = await client.products.list({ perpetual: true });
      expect(perpetuals.every((p) => p.productType === 'Perpetual')).to.equal(true);
      const btcjpy = await client.products.get('5');
      expect(btcjpy.id).to.equal(5);
      expect(btcjpy.lastTradedPrice?.toFixed()).to.equal('976382');
      const book = await client.products.orderBook(5, { full: true });
      expect(book.sellPriceLevels[0]?.price).to.be.instanceOf(Decimal);
      expect(server.requests.at(-1)?.url).to.equal('/products/5/price_levels?full=1');
    });

    it('executions.list / since', async () => {
      const page = await client.executions.list({ productId: 5, limit: 20 });
      expect(page.models.length).to.be.greaterThan(0);
      expect(page.models[0]?.price).to.be.instanceOf(Decimal);
      const since = await client.executions.since({ productId: 5, timestamp: new Date(1594964500_000), limit: 50 });
      expect(server.requests.at(-1)?.url).to.equal('/executions?product_id=5&timestamp=1594964500&limit=50');
      const times = since.map((e) => e.createdAt.getTime());
      expect([...times].sort((a, b) => a - b)).to.deep.equal(times);
    });

    it('interestRates.ladder / currencies.list / fees.list', async () => {
      const ladder = await client.interestRates.ladder('USD');
      expect(ladder.bids[0]?.price).to.be.instanceOf(Decimal);
      const currencies = await client.currencies.list();
      expect(currencies.map((c) => c.currency)).to.include('BTC');
      const fees = await client.fees.list({ feeType: 'trade_fee' });
      expect(server.requests.at(-1)?.url).to.equal('/fees?fee_type=trade_fee');
      expect(fees[0]?.chargeValue).to.be.instanceOf(Decimal);
    });

    it('rejects bad ids and currencies before sending', async () => {
      const before = server.requests.length;
      const refused: Array<[Promise<unknown>, RegExp]> = [
        [client.products.get(-5), /id must be a positive integer/],
        [client.products.orderBook('5; DROP'), /id must be a positive integer/],
        [client.interestRates.ladder('../orders'), /currency/],
        [client.executions.since({ productId: 5, timestamp: -1 }), /timestamp/],
      ];
      for (const [call, message] of refused) {
        let error: unknown;
        try {
          await call;
        } catch (e) {
          error = e;
        }
        expect(error).to.be.instanceOf(QuoineRequestError).and.match(message);
      }
      expect(server.requests.length).to.equal(before);
    });
  });
}

describe('products.fundingRateHistory (provisional FundingRate rows)', () => {
  let server: LoopbackServer;
  let client: Quoine;
  before(async () => {
    const rows =
      '[{"id": 7, "product_id": "604", "funding_rate": 0.00012345678901234567, "timestamp": "1632493000.5"}, {"funding_rate": "-0.0001"}]';
    server = await startLoopbackServer(() => json(rows));
    client = new Quoine({ baseUrl: server.url, rateLimit: false });
  });
  after(async () => {
    await client.close();
    await server.close();
  });

  it('reads each row as a FundingRate with an exact rate; fields other than the rate may be absent', async () => {
    const rows = await client.products.fundingRateHistory(604, {
      limit: 2,
      since: 1632490000,
      until: new Date(1632494000_000),
    });
    expect(server.requests.at(-1)?.url).to.equal(
      '/products/604/funding_rate_history?limit=2&timestamp_gte=1632490000&timestamp_lte=1632494000',
    );
    expect(rows.map((r) => r instanceof FundingRate)).to.deep.equal([true, true]);
    expect(rows.map((r) => r.fundingRate.toFixed())).to.deep.equal(['0.00012345678901234567', '-0.0001']);
    expect([rows[0]?.id, rows[0]?.productId, rows[0]?.timestamp?.getTime()]).to.deep.equal([7, 604, 1632493000_500]);
    expect([rows[1]?.id, rows[1]?.productId, rows[1]?.timestamp, rows[1]?.createdAt]).to.deep.equal([
      null,
      null,
      null,
      null,
    ]);
  });
});
