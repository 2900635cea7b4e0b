import { request } from 'node:http';
import { expect } from 'chai';
import sinon from 'sinon';
import { WebSocket } from 'ws';
import { connected, decode, RawClient, serverSideClosed, startTapServer, type TapServer } from './helpers.js';

describe('sandbox tap: Pusher protocol', () => {
  let server: TapServer;
  const clients: RawClient[] = [];

  async function client(url = server.url): Promise<RawClient> {
    const c = await connected(url);
    clients.push(c);
    return c;
  }

  beforeEach(async () => {
    server = await startTapServer();
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.close();
  });

  it('opens with pusher:connection_established, its data a JSON string with socket_id and activity_timeout 120', async () => {
    const raw = await RawClient.connect(server.url);
    clients.push(raw);
    const first = await raw.next();
    expect(first.event).to.equal('pusher:connection_established');
    expect(first.data).to.be.a('string');
    const data = decode(first.data) as Record<string, unknown>;
    expect(data['socket_id']).to.match(/^\d+\.\d+$/);
    expect(data['activity_timeout']).to.equal(120);
    expect(server.tap.connectionCount).to.equal(1);
  });

  it('accepts any app key and any query under /app/', async () => {
    const c = await client(`ws://127.0.0.1:${server.port}/app/PythonClient?client=Pysher&version=0.6.0&protocol=6`);
    expect(c.frames[0]?.event).to.equal('pusher:connection_established');
  });

  it('answers other upgrade paths with 404 and destroys the socket', async () => {
    for (const path of ['/', '/app', '/app/', '/products', '/app/key/extra']) {
      const status = await new Promise<number | undefined>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
        ws.on('unexpected-response', (_request, response) => {
          resolve(response.statusCode);
          ws.terminate();
        });
        ws.on('open', () => reject(new Error(`${path} was accepted`)));
        ws.on('error', () => undefined);
      });
      expect(status, path).to.equal(404);
    }
    expect(server.tap.connectionCount).to.equal(0);
  });

  it('leaves plain HTTP requests to the server', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request(`http://127.0.0.1:${server.port}/app/LiquidTapClient`, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).to.equal(404);
  });

  it('subscribes with pusher_internal:subscription_succeeded (top-level channel, data "{}") and unsubscribes', async () => {
    const c = await client();
    c.send('pusher:subscribe', { channel: 'executions_cash_btcusd' });
    const ok = await c.nextEvent('pusher_internal:subscription_succeeded');
    expect(ok).to.deep.equal({
      event: 'pusher_internal:subscription_succeeded',
      data: '{}',
      channel: 'executions_cash_btcusd',
    });

    const maker = server.user();
    const taker = server.user();
    server.exchange.createOrder(maker.userId, {
      orderType: 'limit',
      productId: 1,
      side: 'sell',
      quantity: '0.5',
      price: '10000',
    });
    server.exchange.createOrder(taker.userId, { orderType: 'market', productId: 1, side: 'buy', quantity: '0.1' });
    expect((await c.drain()).filter((f) => f.channel === 'executions_cash_btcusd')).to.have.length(1);

    c.send('pusher:unsubscribe', { channel: 'executions_cash_btcusd' });
    await c.drain();
    server.exchange.createOrder(taker.userId, { orderType: 'market', productId: 1, side: 'buy', quantity: '0.1' });
    expect(await c.drain()).to.deep.equal([]);
  });

  it('accepts subscribe data sent as a JSON string, and a repeated subscribe is confirmed again', async () => {
    const c = await client();
    c.sendRaw(
      JSON.stringify({ event: 'pusher:subscribe', data: JSON.stringify({ channel: 'executions_cash_btcusd' }) }),
    );
    await c.nextEvent('pusher_internal:subscription_succeeded', 'executions_cash_btcusd');
    await c.subscribe('executions_cash_btcusd');
  });

  it('answers pusher:ping (data {} or "") with pusher:pong', async () => {
    const c = await client();
    c.send('pusher:ping', {});
    expect(await c.next()).to.deep.equal({ event: 'pusher:pong', data: {} });
    c.send('pusher:ping', '');
    expect(await c.next()).to.deep.equal({ event: 'pusher:pong', data: {} });
  });

  it('handles a JSON array of several messages in one frame, in order', async () => {
    const c = await client();
    c.sendRaw(
      JSON.stringify([
        { event: 'pusher:subscribe', data: { channel: 'executions_cash_btcusd' } },
        { event: 'pusher:ping', data: {} },
        { event: 'pusher:subscribe', data: { channel: 'price_ladders_cash_btcusd_buy' } },
      ]),
    );
    const [a, b, d] = [await c.next(), await c.next(), await c.next()];
    expect([a.event, a.channel]).to.deep.equal(['pusher_internal:subscription_succeeded', 'executions_cash_btcusd']);
    expect(b.event).to.equal('pusher:pong');
    expect([d.event, d.channel]).to.deep.equal([
      'pusher_internal:subscription_succeeded',
      'price_ladders_cash_btcusd_buy',
    ]);
  });

  it('answers a malformed frame with pusher:error 4300 and keeps the connection; ignores unknown events', async () => {
    const c = await client();
    for (const text of ['not json', '42', '{"data":{}}', '[{"event":"pusher:ping"}, 7]']) {
      c.sendRaw(text);
      const error = await c.next();
      expect(error.event, text).to.equal('pusher:error');
      expect((error.data as { code: number }).code, text).to.equal(4300);
    }
    c.send('pusher:subscribe', { channel: 'bad channel!' });
    expect(((await c.next()).data as { code: number }).code).to.equal(4300);
    c.send('pusher:subscribe', {});
    expect(((await c.next()).data as { code: number }).code).to.equal(4300);
    c.send('client-whatever', { x: 1 });
    c.send('pusher:unsubscribe', { channel: 'never_subscribed' });
    expect(await c.drain()).to.deep.equal([]);
  });

  it('refuses channels beyond the per-connection limit with pusher:error 4302', async () => {
    await server.close();
    server = await startTapServer({ maxChannels: 2 });
    const c = await client();
    await c.subscribe('executions_cash_btcusd');
    await c.subscribe('executions_cash_ethbtc');
    await c.subscribe('executions_cash_btcusd');
    c.send('pusher:subscribe', { channel: 'executions_cash_xrpusd' });
    const error = await c.next();
    expect(error).to.deep.include({ event: 'pusher:error', channel: 'executions_cash_xrpusd' });
    expect((error.data as { code: number }).code).to.equal(4302);
  });

  it('refuses sockets beyond maxConnections with 503, and takes one again once a socket closes', async () => {
    await server.close();
    server = await startTapServer({ maxConnections: 2 });
    const first = await client();
    await client();
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const socket = new WebSocket(server.url);
      socket.on('error', () => undefined); // ws reports the aborted handshake too
      socket.once('unexpected-response', (handshake, response) => {
        resolve(response.statusCode);
        handshake.destroy();
      });
      socket.once('open', () => reject(new Error('a third socket was accepted')));
    });
    expect(status).to.equal(503);
    first.close();
    await first.closed;
    await serverSideClosed(server, 1);
    await client();
  });

  it('holds 100 channels a connection by default', async () => {
    const c = await client();
    for (let i = 0; i < 100; i += 1) c.send('pusher:subscribe', { channel: `made_up_${i}` });
    c.send('pusher:subscribe', { channel: 'made_up_100' });
    const refused = await c.nextEvent('pusher:error');
    expect(refused).to.deep.include({ channel: 'made_up_100' });
  });

  it('closes a socket silent for the activity timeout (no grace here) with 4201, announcing the timeout in seconds', async () => {
    await server.close();
    server = await startTapServer({ activityTimeoutMs: 50, activityGraceMs: 0 });
    const c = await client();
    expect((decode(c.frames[0]?.data) as { activity_timeout: number }).activity_timeout).to.equal(1);
    const { code } = await c.closed;
    expect(code).to.equal(4201);
    await serverSideClosed(server);
  });

  it('counts every client frame as activity (fake clock)', async () => {
    await server.close();
    server = await startTapServer({ activityTimeoutMs: 10_000, activityGraceMs: 0 });
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const c = await client();
      let closed = false;
      void c.closed.then(() => {
        closed = true;
      });
      for (let i = 0; i < 3; i += 1) {
        clock.tick(9_999);
        c.send('pusher:ping', {});
        await c.nextEvent('pusher:pong');
      }
      c.sendRaw('[]');
      expect(await c.drain()).to.deep.equal([]);
      expect(closed).to.equal(false);
      clock.tick(10_000);
      expect((await c.closed).code).to.equal(4201);
    } finally {
      clock.restore();
    }
  });

  it('close() closes every socket and the server stops accepting tap sockets', async () => {
    const a = await client();
    const b = await client();
    await a.subscribe('executions_cash_btcusd');
    await server.tap.close();
    expect(server.tap.connectionCount).to.equal(0);
    await Promise.all([a.closed, b.closed]);
  });
});
