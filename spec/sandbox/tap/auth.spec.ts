import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { JwtVerifier } from '../../../lib/sandbox/auth/jwt-verifier.js';
import { connected, decode, realtimeJwt, type RawClient, startTapServer, type TapServer } from './helpers.js';

describe('sandbox tap: quoine:auth_request and user channels', () => {
  let server: TapServer;
  const clients: RawClient[] = [];

  async function client(): Promise<RawClient> {
    const c = await connected(server.url);
    clients.push(c);
    return c;
  }

  function authRequest(c: RawClient, token: string | undefined, path = '/realtime'): void {
    c.send('quoine:auth_request', { path, headers: token === undefined ? {} : { 'X-Quoine-Auth': token } });
  }

  async function failureMessage(c: RawClient): Promise<string> {
    const answer = await c.next((f) => f.event.startsWith('quoine:'));
    expect(answer.event).to.equal('quoine:auth_failure');
    expect(answer.data).to.be.a('string');
    return (decode(answer.data) as { message: string }).message;
  }

  beforeEach(async () => {
    server = await startTapServer();
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.close();
  });

  it('answers a valid realtime JWT with quoine:auth_success, data "{}"', async () => {
    const c = await client();
    const answer = await c.authenticate(server.user());
    expect(answer).to.deep.equal({ event: 'quoine:auth_success', data: '{}' });
  });

  it('answers quoine:auth_failure {"message"} for bad tokens, never echoing the token', async () => {
    const user = server.user();
    const other = server.user();
    const cases: Array<[string, string | undefined]> = [
      ['missing header', undefined],
      ['not a JWT', 'abc.def'],
      [
        'wrong secret',
        jwt.sign({ token_id: user.tokenId, path: '/realtime', nonce: Date.now() }, other.secret, {
          algorithm: 'HS256',
        }),
      ],
      ['unknown token', realtimeJwt({ tokenId: '999', secret: user.secret })],
      [
        'HS512',
        jwt.sign({ token_id: user.tokenId, path: '/realtime', nonce: Date.now() + 1 }, user.secret, {
          algorithm: 'HS512',
        }),
      ],
      ['path claim not /realtime', realtimeJwt(user, { path: '/orders' })],
      ['no nonce', jwt.sign({ token_id: user.tokenId, path: '/realtime' }, user.secret, { algorithm: 'HS256' })],
    ];
    const c = await client();
    for (const [name, token] of cases) {
      authRequest(c, token);
      const message = await failureMessage(c);
      expect(message, name).to.equal('API Authentication failed');
    }
    expect(c.frames.some((f) => typeof f.data === 'string' && f.data.includes('eyJ'))).to.equal(false);
  });

  it('matches the X-Quoine-Auth header name case-insensitively', async () => {
    const c = await client();
    c.send('quoine:auth_request', { path: '/realtime', headers: { 'x-quoine-auth': realtimeJwt(server.user()) } });
    expect((await c.next()).event).to.equal('quoine:auth_success');
  });

  it('refuses a replayed or smaller nonce with "Nonce is too small"', async () => {
    const user = server.user();
    const token = realtimeJwt(user);
    const c = await client();
    authRequest(c, token);
    expect((await c.next()).event).to.equal('quoine:auth_success');
    const d = await client();
    authRequest(d, token);
    expect(await failureMessage(d)).to.equal('Nonce is too small');
  });

  it('keeps realtime nonces apart from REST ones by default, shares them when given the REST verifier', async () => {
    const user = server.user();
    const rest = new JwtVerifier(server.tokens);
    const restToken = jwt.sign(
      { token_id: user.tokenId, path: '/orders', nonce: Date.now() + 1_000_000 },
      user.secret,
      { algorithm: 'HS256' },
    );
    expect(rest.verify(restToken, false).ok).to.equal(true);

    const c = await client();
    expect((await c.authenticate(user)).event).to.equal('quoine:auth_success');

    await server.close();
    server = await startTapServer({ verifier: rest });
    server.tokens.add(user);
    const shared = await client();
    authRequest(shared, realtimeJwt(user));
    expect(await failureMessage(shared)).to.equal('Nonce is too small');
  });

  it('refuses user_* subscriptions before auth with pusher:error 4309 naming the channel, and delivers nothing', async () => {
    const user = server.user();
    const c = await client();
    c.send('pusher:subscribe', { channel: 'user_account_usd_orders' });
    const error = await c.next();
    expect(error.event).to.equal('pusher:error');
    expect(error.channel).to.equal('user_account_usd_orders');
    expect(error.data).to.deep.include({ code: 4309 });
    server.exchange.createOrder(user.userId, {
      orderType: 'limit',
      productId: 1,
      side: 'buy',
      quantity: '0.1',
      price: '9000',
    });
    expect(await c.drain()).to.deep.equal([]);
  });

  it('refuses user_* subscriptions after a failed auth', async () => {
    const c = await client();
    authRequest(c, 'x.y.z');
    await failureMessage(c);
    c.send('pusher:subscribe', { channel: 'user_account_usd' });
    expect((await c.next()).data).to.deep.include({ code: 4309 });
  });

  it('handles auth then subscribe sent back to back (no wait) in order', async () => {
    const user = server.user();
    const c = await client();
    c.send('quoine:auth_request', { path: '/realtime', headers: { 'X-Quoine-Auth': realtimeJwt(user) } });
    c.send('pusher:subscribe', { channel: 'user_account_usd_orders' });
    expect((await c.next()).event).to.equal('quoine:auth_success');
    expect(await c.next()).to.deep.include({
      event: 'pusher_internal:subscription_succeeded',
      channel: 'user_account_usd_orders',
    });
  });

  it('delivers each user only their own events on the same user channel names', async () => {
    const alice = server.user();
    const bob = server.user();
    const a = await client();
    const b = await client();
    const anonymous = await client();
    await a.authenticate(alice);
    await b.authenticate(bob);
    for (const c of [a, b]) {
      await c.subscribe('user_account_usd_orders');
      await c.subscribe('user_account_usd');
      await c.subscribe('user_account_btc');
      await c.subscribe('user_executions_cash_btcusd');
    }
    await anonymous.subscribe('executions_cash_btcusd');

    const ask = server.exchange.createOrder(alice.userId, {
      orderType: 'limit',
      productId: 1,
      side: 'sell',
      quantity: '1',
      price: '10000',
    });
    const bid = server.exchange.createOrder(bob.userId, {
      orderType: 'limit',
      productId: 1,
      side: 'buy',
      quantity: '0.4',
      price: '10000',
    });

    const aliceFrames = await a.drain();
    const bobFrames = await b.drain();
    const ordersOf = (frames: typeof aliceFrames): number[] =>
      frames.filter((f) => f.channel === 'user_account_usd_orders').map((f) => (decode(f.data) as { id: number }).id);
    expect(new Set(ordersOf(aliceFrames))).to.deep.equal(new Set([ask.id]));
    expect(new Set(ordersOf(bobFrames))).to.deep.equal(new Set([bid.id]));

    const mine = (frames: typeof aliceFrames): unknown[] =>
      frames.filter((f) => f.channel === 'user_executions_cash_btcusd').map((f) => decode(f.data));
    expect(mine(aliceFrames)).to.have.length(1);
    expect(mine(aliceFrames)[0]).to.deep.include({ my_side: 'sell', order_id: ask.id });
    expect(mine(bobFrames)).to.have.length(1);
    expect(mine(bobFrames)[0]).to.deep.include({ my_side: 'buy', order_id: bid.id });

    const balances = (frames: typeof aliceFrames, channel: string): string[] =>
      frames.filter((f) => f.channel === channel).map((f) => (decode(f.data) as { balance: string }).balance);
    const lastBalance = (frames: typeof aliceFrames, channel: string): string | undefined =>
      balances(frames, channel).at(-1);
    expect(lastBalance(aliceFrames, 'user_account_btc')).to.equal('99.6');
    expect(lastBalance(bobFrames, 'user_account_btc')).to.equal('100.4');
    expect(lastBalance(aliceFrames, 'user_account_usd')).to.not.equal(lastBalance(bobFrames, 'user_account_usd'));

    // The anonymous client only saw the public execution.
    expect((await anonymous.drain()).map((f) => f.channel)).to.deep.equal(['executions_cash_btcusd']);
  });

  it('a failed re-auth logs the connection out and drops its user subscriptions', async () => {
    const alice = server.user();
    const c = await client();
    await c.authenticate(alice);
    await c.subscribe('user_account_usd_orders');
    await c.subscribe('executions_cash_btcusd');
    authRequest(c, 'bad.token.here');
    await failureMessage(c);
    const other = server.user();
    server.exchange.createOrder(alice.userId, {
      orderType: 'limit',
      productId: 1,
      side: 'sell',
      quantity: '1',
      price: '10000',
    });
    server.exchange.createOrder(other.userId, { orderType: 'market', productId: 1, side: 'buy', quantity: '0.1' });
    expect((await c.drain()).map((f) => f.channel)).to.deep.equal(['executions_cash_btcusd']);
  });

  it('a second successful auth switches the connection to the new user', async () => {
    const alice = server.user();
    const bob = server.user();
    const c = await client();
    await c.authenticate(alice);
    await c.subscribe('user_account_usd_orders');
    await c.authenticate(bob);
    server.exchange.createOrder(alice.userId, {
      orderType: 'limit',
      productId: 1,
      side: 'sell',
      quantity: '1',
      price: '10000',
    });
    const bobs = server.exchange.createOrder(bob.userId, {
      orderType: 'limit',
      productId: 1,
      side: 'buy',
      quantity: '1',
      price: '9000',
    });
    const ids = (await c.drain()).map((f) => (decode(f.data) as { id: number }).id);
    expect(ids).to.deep.equal([bobs.id]);
  });
});
