import { inspect } from 'node:util';
import { createSecretKey } from 'node:crypto';
import { expect } from 'chai';
import fc from 'fast-check';
import jwt from 'jsonwebtoken';
import sinon from 'sinon';
import { NonceSource, Signer } from '../../lib/core/auth.js';
import { QuoineRequestError } from '../../lib/core/errors.js';
import { runs } from '../helpers/property-runs.js';

describe('core/auth', () => {
  describe('NonceSource', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock = sinon.useFakeTimers({ toFake: ['Date'], now: 1_700_000_000_000 });
    });
    afterEach(() => clock.restore());

    it('is the millisecond clock, strictly increasing within a millisecond', () => {
      const nonces = new NonceSource();
      const seen = Array.from({ length: 1000 }, () => nonces.next());
      expect(seen[0]).to.equal(1_700_000_000_000);
      for (let i = 1; i < seen.length; i++) expect(seen[i]).to.equal((seen[i - 1] as number) + 1);
    });

    it('never goes back when the clock steps back', () => {
      const nonces = new NonceSource();
      clock.tick(10_000);
      const before = nonces.next();
      clock.setSystemTime(1_600_000_000_000);
      expect(nonces.next()).to.equal(before + 1);
      clock.setSystemTime(1_800_000_000_000);
      expect(nonces.next()).to.equal(1_800_000_000_000);
    });
  });

  describe('Signer', () => {
    it('signs { path, nonce, token_id } with HS256 and nothing else', () => {
      const token = new Signer('42', 'shh').sign('/orders?product_id=5', 1_800_000_000_000);
      const decoded = jwt.decode(token, { complete: true });
      expect(decoded?.header).to.deep.equal({ alg: 'HS256', typ: 'JWT' });
      const claims = jwt.verify(token, 'shh', { algorithms: ['HS256'] }) as Record<string, unknown>;
      expect(Object.keys(claims).sort()).to.deep.equal(['nonce', 'path', 'token_id']);
      expect(claims).to.include({ path: '/orders?product_id=5', token_id: '42' });
    });

    it('writes byte for byte the token jsonwebtoken writes, for any path, nonce, token id and secret', () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ unit: 'binary', minLength: 1 }), fc.integer({ min: 1 }), fc.double()),
          fc.string({ unit: 'binary', minLength: 1 }),
          fc.string({ unit: 'binary' }),
          fc.option(fc.oneof(fc.integer({ min: 0 }), fc.constant(Number.MAX_SAFE_INTEGER)), { nil: undefined }),
          (tokenId, secret, path, nonce) => {
            fc.pre(String(tokenId).trim() !== '');
            const payload = nonce === undefined ? { path, token_id: tokenId } : { path, nonce, token_id: tokenId };
            const key = createSecretKey(Buffer.from(secret, 'utf8'));
            const expected = jwt.sign(payload, key, { algorithm: 'HS256', noTimestamp: true });
            expect(new Signer(tokenId, secret).sign(path, nonce)).to.equal(expected);
          },
        ),
        runs(500),
      );
    });

    it('keeps the secret out of inspect and JSON', () => {
      const signer = new Signer(7, 'the-secret-value');
      expect(inspect(signer, { showHidden: true, depth: 5 })).not.to.include('the-secret-value');
      expect(JSON.stringify(signer)).to.equal('{"tokenId":7}');
    });

    it('refuses empty credentials', () => {
      expect(() => new Signer('', 's')).to.throw(QuoineRequestError, /tokenId/);
      expect(() => new Signer(1, '')).to.throw(QuoineRequestError, /secret/);
    });
  });
});
