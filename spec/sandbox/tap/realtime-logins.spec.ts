import { expect } from 'chai';
import { JwtVerifier, type VerifiedCaller } from '../../../lib/sandbox/auth/jwt-verifier.js';
import { TokenRegistry } from '../../../lib/sandbox/auth/token-registry.js';
import { RealtimeLogins } from '../../../lib/sandbox/tap/realtime-logins.js';
import { realtimeJwt } from './helpers.js';

describe('sandbox tap: RealtimeLogins (which JWT authenticates which open connection)', () => {
  interface Login {
    jwt: string;
    caller: VerifiedCaller;
  }
  interface Token {
    tokenId: string;
    secret: string;
  }

  function setup(perToken: number): { logins: RealtimeLogins; login: (token?: Token) => Login; users: Token[] } {
    const tokens = new TokenRegistry();
    const users = [tokens.issue(1), tokens.issue(2)];
    const verifier = new JwtVerifier(tokens);
    const login = (token: Token = users[0]!): Login => {
      const jwt = realtimeJwt(token);
      const verified = verifier.verifyWithoutNonce(jwt);
      if (!verified.ok) throw new Error('the spec JWT did not verify');
      return { jwt, caller: verified.caller };
    };
    return { logins: new RealtimeLogins(verifier, perToken), login, users };
  }

  it('binds a JWT to one lease at a time; a released JWT binds again', () => {
    const { logins, login } = setup(10);
    const { jwt, caller } = login();
    const first = logins.bind(jwt, caller);
    expect(first.ok).to.equal(true);
    expect(logins.bind(jwt, caller)).to.deep.equal({ ok: false, failure: 'in-use' });
    if (first.ok) first.lease.release();
    const second = logins.bind(jwt, caller);
    expect(second.ok).to.equal(true);
    // A stale release (the first lease again) does not free the second holder's JWT.
    if (first.ok) first.lease.release();
    expect(logins.bind(jwt, caller)).to.deep.equal({ ok: false, failure: 'in-use' });
  });

  it('checks and records the nonce of a JWT it has not seen', () => {
    const { logins, login } = setup(10);
    const older = login();
    const newer = login();
    expect(logins.bind(newer.jwt, newer.caller).ok).to.equal(true);
    expect(logins.bind(older.jwt, older.caller)).to.deep.equal({ ok: false, failure: 'nonce' });
  });

  it('remembers at most perToken JWTs per token, forgetting the least recently used released one first', () => {
    const { logins, login, users } = setup(3);
    const made = [login(), login(), login()];
    const leases = made.map(({ jwt, caller }) => {
      const bound = logins.bind(jwt, caller);
      if (!bound.ok) throw new Error('refused');
      return bound.lease;
    });
    // #0 stays held; #1 and #2 are released, #1 then used again (more recent than #2).
    leases[1]!.release();
    leases[2]!.release();
    const again = logins.bind(made[1]!.jwt, made[1]!.caller);
    expect(again.ok).to.equal(true);
    if (again.ok) again.lease.release();

    const fourth = login();
    expect(logins.bind(fourth.jwt, fourth.caller).ok).to.equal(true);
    expect(logins.size).to.equal(3);
    // #2 was forgotten: its re-send falls back to the nonce check and is refused.
    expect(logins.bind(made[2]!.jwt, made[2]!.caller)).to.deep.equal({ ok: false, failure: 'nonce' });
    expect(logins.bind(made[1]!.jwt, made[1]!.caller).ok).to.equal(true);
    expect(logins.bind(made[0]!.jwt, made[0]!.caller)).to.deep.equal({ ok: false, failure: 'in-use' });

    // Another token's logins are not affected by this one's.
    const other = login(users[1]);
    expect(logins.bind(other.jwt, other.caller).ok).to.equal(true);
    expect(logins.size).to.equal(4);
  });

  it('stays bounded when every remembered JWT is held, and a forgotten held JWT never authenticates a second connection', () => {
    const { logins, login } = setup(5);
    const made = Array.from({ length: 50 }, () => login());
    for (const { jwt, caller } of made) expect(logins.bind(jwt, caller).ok).to.equal(true);
    expect(logins.size).to.equal(5);
    for (const { jwt, caller } of made) expect(logins.bind(jwt, caller).ok).to.equal(false);
  });

  it('refuses a bound that is not a positive integer', () => {
    const verifier = new JwtVerifier(new TokenRegistry());
    for (const bad of [0, -1, 1.5, Number.NaN])
      expect(() => new RealtimeLogins(verifier, bad)).to.throw(RangeError, /perToken/);
  });
});
