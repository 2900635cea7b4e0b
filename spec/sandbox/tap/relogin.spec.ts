// The official Liquid Tap client (liquid-tap-python) builds its quoine:auth_request once, at login,
// and re-sends it (same JWT, same nonce) after every reconnect (quoine-api.md §8.4). Emulated here
// with raw sockets: a realtime JWT authenticates at most one open connection at a time.
import { expect } from 'chai';
import { NONCE_TOO_SMALL_TEXT } from '../../../lib/sandbox/settings.js';
import {
  connected,
  decode,
  type Frame,
  nextTurn,
  realtimeJwt,
  type RawClient,
  startTapServer,
  type TapServer,
} from './helpers.js';

const ORDERS = 'user_account_usd_orders';

describe('sandbox tap: the official client re-sends its login JWT after a reconnect', () => {
  let server: TapServer;
  const clients: RawClient[] = [];

  beforeEach(async () => {
    server = await startTapServer();
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.close();
  });

  /** The auth request liquid-tap-python builds in Client.__init__ and keeps in its send buffer. */
  function loginRequest(token: { tokenId: string; secret: string }): unknown {
    return { path: '/realtime', headers: { 'X-Quoine-Auth': realtimeJwt(token) } };
  }

  /** One connection of the official client: on connection_established it sends the buffered auth request, then subscribes. */
  async function session(request: unknown): Promise<{ client: RawClient; answer: Frame }> {
    const client = await connected(server.url);
    clients.push(client);
    client.send('quoine:auth_request', request);
    const answer = await client.next((frame) => frame.event.startsWith('quoine:'));
    if (answer.event === 'quoine:auth_success') await client.subscribe(ORDERS);
    return { client, answer };
  }

  function message(answer: Frame): string {
    expect(answer.event).to.equal('quoine:auth_failure');
    return (decode(answer.data) as { message: string }).message;
  }

  /** The ids of the order events on ORDERS among the frames up to now. */
  async function orderIds(client: RawClient): Promise<number[]> {
    return (await client.drain()).filter((f) => f.channel === ORDERS).map((f) => (decode(f.data) as { id: number }).id);
  }

  /** Closes a session's socket from the client side and waits (by event-loop turns) until the tap has let it go. */
  async function drop(client: RawClient): Promise<void> {
    const open = server.tap.connectionCount;
    client.close();
    await client.closed;
    for (let turn = 0; turn < 10_000 && server.tap.connectionCount >= open; turn += 1) await nextTurn();
    expect(server.tap.connectionCount).to.equal(open - 1);
  }

  function order(userId: number): number {
    return server.exchange.createOrder(userId, {
      orderType: 'limit',
      productId: 1,
      side: 'buy',
      quantity: '0.1',
      price: '9000',
    }).id;
  }

  it('accepts the same JWT again after its socket closed, and the private channel delivers again, reconnect after reconnect', async () => {
    const user = server.user();
    const request = loginRequest(user);
    for (let reconnect = 0; reconnect < 3; reconnect += 1) {
      const { client, answer } = await session(request);
      expect(answer.event, `connection ${reconnect + 1}`).to.equal('quoine:auth_success');
      const id = order(user.userId);
      expect(await orderIds(client)).to.deep.equal([id]);
      await drop(client);
    }
  });

  it('with auto_sub, the reconnect resubscribes before the buffered auth request: refused, then accepted after the re-sent auth', async () => {
    const user = server.user();
    const request = loginRequest(user);
    const first = await session(request);
    await drop(first.client);
    // pysher's reconnect handler (auto_sub) runs before liquid-tap's handle_connected.
    const client = await connected(server.url);
    clients.push(client);
    client.send('pusher:subscribe', { channel: ORDERS });
    client.send('quoine:auth_request', request);
    const refused = await client.next();
    expect([refused.event, refused.channel]).to.deep.equal(['pusher:error', ORDERS]);
    expect((await client.next()).event).to.equal('quoine:auth_success');
    await client.subscribe(ORDERS);
    const id = order(user.userId);
    expect(await orderIds(client)).to.deep.equal([id]);
  });

  it('refuses the same JWT on a second socket while the first is open; the first keeps its user events, the second gets none', async () => {
    const user = server.user();
    const request = loginRequest(user);
    const first = await session(request);
    expect(first.answer.event).to.equal('quoine:auth_success');
    const second = await session(request);
    expect(message(second.answer)).to.equal(NONCE_TOO_SMALL_TEXT);
    second.client.send('pusher:subscribe', { channel: ORDERS });
    expect((await second.client.next()).data).to.deep.include({ code: 4309 });

    const id = order(user.userId);
    expect(await orderIds(first.client)).to.deep.equal([id]);
    expect(await orderIds(second.client)).to.deep.equal([]);

    // Once the first has closed, the JWT is free again (also on the socket that was refused).
    await drop(first.client);
    second.client.send('quoine:auth_request', request);
    expect((await second.client.next((f) => f.event.startsWith('quoine:'))).event).to.equal('quoine:auth_success');
    // …and held by it now: a third socket is refused.
    expect(message((await session(request)).answer)).to.equal(NONCE_TOO_SMALL_TEXT);
  });

  it('frees the JWT when its connection logs out (failed re-auth) or authenticates with another JWT', async () => {
    const user = server.user();
    const login = loginRequest(user);
    const a = await session(login);
    a.client.send('quoine:auth_request', { path: '/realtime', headers: { 'X-Quoine-Auth': 'not.a.jwt' } });
    await a.client.next((f) => f.event === 'quoine:auth_failure');
    expect((await session(login)).answer.event).to.equal('quoine:auth_success');

    const other = server.user();
    const first = loginRequest(other);
    const b = await session(first);
    expect(b.answer.event).to.equal('quoine:auth_success');
    b.client.send('quoine:auth_request', loginRequest(other));
    expect((await b.client.next((f) => f.event.startsWith('quoine:'))).event).to.equal('quoine:auth_success');
    expect((await session(first)).answer.event).to.equal('quoine:auth_success');
  });

  it("still refuses a JWT never accepted whose nonce is not above the token's last", async () => {
    const user = server.user();
    const older = loginRequest(user);
    const newer = loginRequest(user);
    expect((await session(newer)).answer.event).to.equal('quoine:auth_success');
    expect(message((await session(older)).answer)).to.equal(NONCE_TOO_SMALL_TEXT);
  });

  it('a JWT re-sent on its own open connection re-authenticates it', async () => {
    const user = server.user();
    const request = loginRequest(user);
    const { client } = await session(request);
    client.send('quoine:auth_request', request);
    expect((await client.next((f) => f.event.startsWith('quoine:'))).event).to.equal('quoine:auth_success');
    const id = order(user.userId);
    expect(await orderIds(client)).to.deep.equal([id]);
  });
});
