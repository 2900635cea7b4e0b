import { expect } from 'chai';
import { FaultInjector } from '../../../lib/sandbox/server/faults.js';
import { pageOf, readPageRequest } from '../../../lib/sandbox/server/pagination.js';
import { SlidingWindowLimiter } from '../../../lib/sandbox/server/rate-limiter.js';
import { privateRoute, publicRoute, Router } from '../../../lib/sandbox/server/router.js';

describe('sandbox server units', () => {
  describe('Router', () => {
    const router = new Router([
      privateRoute('PUT', '/orders/cancel_all', () => 'all'),
      privateRoute('GET', '/orders/client:{clientOrderId}', () => 'client'),
      privateRoute('GET', '/orders/{id}', () => 'id'),
      publicRoute('GET', '/products', () => 'products'),
    ]);

    it('matches literal routes first, captures parameters, tolerates a trailing slash', () => {
      expect(router.match('PUT', '/orders/cancel_all')?.route.template).to.equal('/orders/cancel_all');
      expect(router.match('GET', '/orders/client:my-id-1/')?.params).to.deep.equal({ clientOrderId: 'my-id-1' });
      expect(router.match('GET', '/orders/42')?.params).to.deep.equal({ id: '42' });
      expect(router.match('GET', '/products/')?.route.template).to.equal('/products');
    });

    it('refuses other methods and longer paths', () => {
      expect(router.match('POST', '/products')).to.equal(undefined);
      expect(router.match('GET', '/orders/42/extra')).to.equal(undefined);
      expect(router.match('GET', '/productsx')).to.equal(undefined);
    });
  });

  describe('SlidingWindowLimiter', () => {
    it('refuses past the limit and tells when the window frees', () => {
      let now = 1_000_000;
      const limiter = new SlidingWindowLimiter(2, 300_000, () => now);
      expect(limiter.take('k').allowed).to.equal(true);
      now += 1000;
      expect(limiter.take('k').allowed).to.equal(true);
      expect(limiter.take('k')).to.deep.equal({ allowed: false, retryAfterSeconds: 299 });
      expect(limiter.take('other').allowed).to.equal(true);
      now += 299_000;
      expect(limiter.take('k').allowed).to.equal(true);
    });
  });

  describe('FaultInjector', () => {
    it('consumes matching faults in order, counts uses and clears', () => {
      const faults = new FaultInjector();
      faults.add({ method: 'POST', path: '/orders', kind: 'status', status: 503, times: 2 });
      faults.add({ path: '/orders/*', kind: 'reset-before' });
      expect(faults.take('GET', '/orders')).to.equal(undefined);
      expect(faults.take('POST', '/orders/')?.kind).to.equal('status');
      expect(faults.take('PUT', '/orders/5/cancel')?.kind).to.equal('reset-before');
      expect(faults.remaining).to.equal(1);
      faults.clear();
      expect(faults.take('POST', '/orders')).to.equal(undefined);
      expect(() => faults.add({ kind: 'delay', ms: 1, times: 0 })).to.throw(RangeError);
    });
  });

  describe('pagination', () => {
    it('clamps limit, defaults to 20 and reports at least one page', () => {
      expect(readPageRequest(new URLSearchParams('limit=5000&page=3'))).to.deep.equal({ limit: 1000, page: 3 });
      expect(readPageRequest(new URLSearchParams('limit=0&page=-1'))).to.deep.equal({ limit: 20, page: 1 });
      expect(pageOf([], { limit: 20, page: 1 }, String)).to.deep.equal({ models: [], current_page: 1, total_pages: 1 });
      expect(pageOf([1, 2, 3, 4, 5], { limit: 2, page: 3 }, String)).to.deep.equal({
        models: ['5'],
        current_page: 3,
        total_pages: 3,
      });
      expect(pageOf([1], { limit: 2, page: 1 }, String, true)).to.deep.equal({
        models: ['1'],
        current_page: '1',
        total_pages: '1',
      });
    });
  });
});

describe('fixture shape comparison (spec helper)', () => {
  it('reports missing and extra keys and type changes, element by element', async () => {
    const { shapeDifferences } = await import('./shape.js');
    const { lossless } = await import('./helpers.js');
    const fixture = lossless('{"id":1,"price":"1.5","rows":[{"q":2}],"c":{"a":"x"}}');
    expect(
      shapeDifferences(lossless('{"id":1,"price":"2","rows":[{"q":3},{"q":4}],"c":{"b":"y"}}'), fixture, '$', ['c']),
    ).to.deep.equal([]);
    expect(
      shapeDifferences(lossless('{"id":"1","price":2,"rows":[{"q":3},{"q":"4"}],"extra":null,"c":{}}'), fixture).sort(),
    ).to.deep.equal([
      '$.c.a: missing',
      '$.extra: not in the fixture',
      '$.id: string, fixture has number',
      '$.price: number, fixture has string',
      '$.rows[1].q: string, fixture has number',
    ]);
  });
});
