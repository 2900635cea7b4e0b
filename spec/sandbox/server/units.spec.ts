import { createHmac } from 'node:crypto';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { JwtVerifier } from '../../../lib/sandbox/auth/jwt-verifier.js';
import { NonceTracker, parseNonce } from '../../../lib/sandbox/auth/nonce-tracker.js';
import { TokenRegistry } from '../../../lib/sandbox/auth/token-registry.js';
import { FaultInjector } from '../../../lib/sandbox/server/faults.js';
import { pageOf, readPageRequest } from '../../../lib/sandbox/server/pagination.js';
import { SlidingWindowLimiter } from '../../../lib/sandbox/server/rate-limiter.js';
import { privateRoute, publicRoute, Router } from '../../../lib/sandbox/server/router.js';
import { parseRequestJson, rawNumber, writeJson } from '../../../lib/sandbox/wire/json.js';

describe('sandbox server units', () => {
  describe('wire JSON', () => {
    it('writes raw number text verbatim and parses request numbers as their source text', () => {
      expect(writeJson({ a: rawNumber('12345678901234567.5'), b: '0.1', c: [1, null, true] })).to.equal(
        '{"a":12345678901234567.5,"b":"0.1","c":[1,null,true]}',
      );
      expect(parseRequestJson('{"q":0.12345678901234567891,"n":1594964584123456789}')).to.deep.equal({
        q: '0.12345678901234567891',
        n: '1594964584123456789',
      });
    });
  });

  describe('decimal text', () => {
    it('prints decimals as the Rails server did: exact, at least one fractional digit, no exponent', async () => {
      const { Decimal } = await import('../../../lib/sandbox/exchange/index.js');
      const { decimalText, timestampText } = await import('../../../lib/sandbox/wire/serializers/values.js');
      expect(
        ['976382', '0', '0.01', '1e-9', '12345678901234567.5'].map((v) => decimalText(new Decimal(v))),
      ).to.deep.equal(['976382.0', '0.0', '0.01', '0.000000001', '12345678901234567.5']);
      expect(timestampText(1596962820.9996)).to.equal('1596962821.000');
      expect(timestampText(1632493065.665)).to.equal('1632493065.665');
    });
  });

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

  describe('NonceTracker', () => {
    it('compares nonces as big integers per token', () => {
      const nonces = new NonceTracker();
      expect(nonces.accept('a', 1594964584123456789n)).to.equal(true);
      // Equal as doubles, distinct as integers.
      expect(nonces.accept('a', 1594964584123456790n)).to.equal(true);
      expect(nonces.accept('a', 1594964584123456790n)).to.equal(false);
      expect(nonces.accept('b', 1n)).to.equal(true);
    });

    it('parses digit strings only', () => {
      expect(parseNonce('1459142524488')).to.equal(1459142524488n);
      expect(parseNonce('1.5')).to.equal(undefined);
      expect(parseNonce('-1')).to.equal(undefined);
      expect(parseNonce('1e12')).to.equal(undefined);
    });
  });

  describe('JwtVerifier', () => {
    const tokens = new TokenRegistry();
    const token = tokens.add({ tokenId: '77', secret: 'shh', userId: 9 });
    const verifier = new JwtVerifier(tokens);
    const signed = (claims: object, secret = token.secret, algorithm: jwt.Algorithm = 'HS256'): string =>
      jwt.sign(claims, secret, { algorithm, noTimestamp: true });

    it('accepts a numeric token_id and a string nonce, and refuses a repeated nonce', () => {
      expect(verifier.verify(signed({ token_id: 77, nonce: '100', path: '/x' }), false)).to.deep.include({ ok: true });
      expect(verifier.verify(signed({ token_id: '77', nonce: 100, path: '/x' }), false)).to.deep.equal({
        ok: false,
        failure: 'nonce',
      });
      expect(verifier.verify(signed({ token_id: '77', nonce: 101, path: '/x' }), false)).to.deep.include({ ok: true });
    });

    it('refuses other algorithms, unsigned tokens, wrong secrets, unknown tokens and missing nonces', () => {
      const refused = { ok: false, failure: 'authentication' };
      expect(verifier.verify(signed({ token_id: '77', nonce: 200 }, token.secret, 'HS512'), false)).to.deep.equal(
        refused,
      );
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"token_id":"77","nonce":201}').toString('base64url')}.`;
      expect(verifier.verify(none, false)).to.deep.equal(refused);
      expect(verifier.verify(signed({ token_id: '77', nonce: 202 }, 'wrong'), false)).to.deep.equal(refused);
      expect(verifier.verify(signed({ token_id: '78', nonce: 203 }), false)).to.deep.equal(refused);
      expect(verifier.verify(signed({ token_id: '77' }), false)).to.deep.equal(refused);
      expect(verifier.verify(undefined, false)).to.deep.equal(refused);
      expect(verifier.verify('garbage', false)).to.deep.equal(refused);
    });

    it('lets an exempt request through without a nonce, but checks and records a nonce it carries', () => {
      expect(verifier.verify(signed({ token_id: '77', path: '/orders' }), true)).to.deep.include({ ok: true });
      const withNonce = signed({ token_id: '77', nonce: 300, path: '/orders' });
      expect(verifier.verify(withNonce, true)).to.deep.include({ ok: true });
      expect(verifier.verify(withNonce, true)).to.deep.equal({ ok: false, failure: 'nonce' });
      expect(verifier.verify(signed({ token_id: '77', nonce: 'abc', path: '/orders' }), true)).to.deep.equal({
        ok: false,
        failure: 'authentication',
      });
    });

    it('answers what jsonwebtoken answers for edge tokens (its own HS256 check, without a second decode)', () => {
      const fresh = new JwtVerifier(tokens);
      const b64 = (text: string): string => Buffer.from(text).toString('base64url');
      const good = signed({ token_id: '77', path: '/x' });
      const [head = '', body = '', signature = ''] = good.split('.');
      const lastChar = signature.slice(-1);
      const otherLast = lastChar === 'A' ? 'B' : 'A';
      const now = Math.floor(Date.now() / 1000);
      const cases: Record<string, string> = {
        good,
        'tampered payload': `${head}.${b64('{"token_id":"77","path":"/y"}')}.${signature}`,
        'tampered signature': `${head}.${body}.${signature.slice(0, -1)}${otherLast}`,
        'signature with padding': `${good}=`,
        'no signature': `${head}.${body}.`,
        'two segments': `${head}.${body}`,
        'header alg HS256 as an array': `${b64('["HS256"]')}.${body}.${signature}`,
        'header not JSON': `${b64('{alg:HS256')}.${body}.${signature}`,
        'header alg hs256 lower case': `${b64('{"alg":"hs256"}')}.${body}.${signature}`,
        expired: signed({ token_id: '77', path: '/x', exp: now - 60 }),
        'not yet valid': signed({ token_id: '77', path: '/x', nbf: now + 600 }),
        'exp in the future': signed({ token_id: '77', path: '/x', exp: now + 600 }),
        'exp not a number': `${head}.${b64('{"token_id":"77","path":"/x","exp":"soon"}')}.${createHmac(
          'sha256',
          token.secret,
        )
          .update(`${head}.${b64('{"token_id":"77","path":"/x","exp":"soon"}')}`)
          .digest('base64url')}`,
      };
      for (const [name, candidate] of Object.entries(cases)) {
        let expected = true;
        try {
          jwt.verify(candidate, token.secret, { algorithms: ['HS256'] });
        } catch {
          expected = false;
        }
        expect(fresh.verifyWithoutNonce(candidate).ok, name).to.equal(expected);
      }
      expect(fresh.verifyWithoutNonce(good).ok).to.equal(true);
    });

    it('verifyWithoutNonce checks signature and claims but neither compares nor records the nonce', () => {
      const fresh = new JwtVerifier(tokens);
      const realtime = signed({ token_id: '77', nonce: 500, path: '/realtime' });
      for (let i = 0; i < 3; i += 1) {
        const result = fresh.verifyWithoutNonce(realtime);
        expect(result.ok).to.equal(true);
        if (result.ok) expect(result.caller).to.deep.include({ path: '/realtime', nonce: 500n });
      }
      expect(fresh.verify(realtime, false).ok, 'the nonce was not recorded').to.equal(true);
      expect(fresh.verifyWithoutNonce(signed({ token_id: '77', nonce: 501 }, 'wrong'))).to.deep.equal({
        ok: false,
        failure: 'authentication',
      });
      expect(fresh.verifyWithoutNonce(signed({ token_id: '77', nonce: '5x' }))).to.deep.equal({
        ok: false,
        failure: 'authentication',
      });
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
