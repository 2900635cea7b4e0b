import { createHmac } from 'node:crypto';
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
