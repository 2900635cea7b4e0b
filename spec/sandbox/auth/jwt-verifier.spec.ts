import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { JwtVerifier } from '../../../lib/sandbox/auth/jwt-verifier.js';
import { TokenRegistry } from '../../../lib/sandbox/auth/token-registry.js';

describe('sandbox auth: JwtVerifier', () => {
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
