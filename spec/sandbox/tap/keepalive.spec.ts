// Keep-alive as the official Liquid Tap client (pysher inside) does it, on a fake clock: the tap
// counts its own frames as activity and gives a Pusher client's late ping its grace (§8.4).
import { expect } from 'chai';
import sinon from 'sinon';
import {
  decode,
  pysherKeepalive,
  RawClient,
  serverSideClosed,
  startTapServer,
  type Frame,
  type TapServer,
} from './helpers.js';

const SECOND = 1000;
const CHANNEL = 'executions_cash_btcusd';

describe('sandbox tap: keep-alive of a busy or idle official client (fake clock)', () => {
  let server: TapServer;
  let clock: sinon.SinonFakeTimers;
  const clients: RawClient[] = [];

  beforeEach(async () => {
    server = await startTapServer();
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });

  afterEach(async () => {
    clock.restore();
    for (const c of clients.splice(0)) c.close();
    await server.close();
  });

  /** Connects like pysher: the socket opens, it pings at once and arms its receive-silence timer. */
  async function pysherClient(): Promise<{ client: RawClient; keepalive: { readonly pings: number } }> {
    const client = await RawClient.connect(server.url);
    clients.push(client);
    const keepalive = pysherKeepalive(client, 120 * SECOND);
    const established = await client.nextEvent('pusher:connection_established');
    expect((decode(established.data) as { activity_timeout: number }).activity_timeout).to.equal(120);
    await client.nextEvent('pusher:pong');
    return { client, keepalive };
  }

  /** The next frame matching `match`, or a failure naming the close if the socket closes first. */
  async function nextOrClosed(client: RawClient, match: (frame: Frame) => boolean): Promise<Frame> {
    return Promise.race([
      client.next(match),
      client.closed.then(({ code }) => {
        throw new Error(`the tap closed the socket (${code}) at ${clock.now / SECOND} s`);
      }),
    ]);
  }

  /** One public execution on BTCUSD, at the current fake time. */
  function trade(): void {
    const maker = server.user();
    const taker = server.user();
    server.exchange.createOrder(maker.userId, {
      orderType: 'limit',
      productId: 1,
      side: 'sell',
      quantity: '0.01',
      price: '10000',
    });
    server.exchange.createOrder(taker.userId, { orderType: 'market', productId: 1, side: 'buy', quantity: '0.01' });
  }

  it('keeps streaming for 10 minutes to a subscriber that never sends (pysher pings only when it receives nothing)', async () => {
    const { client, keepalive } = await pysherClient();
    await client.subscribe(CHANNEL);
    for (let minute = 1; minute <= 10; minute += 1) {
      clock.tick(60 * SECOND);
      trade();
      await nextOrClosed(client, (frame) => frame.channel === CHANNEL && frame.event === 'created');
    }
    expect(keepalive.pings, 'pings sent while the feed streamed').to.equal(1);
    expect(server.tap.connectionCount).to.equal(1);
  });

  it('keeps an idle pysher client for 10 minutes: its ping after 120 s of receiving nothing is answered, not raced by a close', async () => {
    const { client, keepalive } = await pysherClient();
    await client.subscribe(CHANNEL);
    for (let period = 1; period <= 5; period += 1) {
      clock.tick(120 * SECOND);
      expect(keepalive.pings).to.equal(1 + period);
      await nextOrClosed(client, (frame) => frame.event === 'pusher:pong');
    }
    // Then the feed gets busy again and reaches it.
    trade();
    await nextOrClosed(client, (frame) => frame.channel === CHANNEL);
  });

  it('closes with 4201 after the activity timeout plus a 30 s grace without a frame either way', async () => {
    const client = await RawClient.connect(server.url);
    clients.push(client);
    await client.nextEvent('pusher:connection_established');
    await client.subscribe(CHANNEL);
    // The tap's last frame (the subscription's confirmation) was sent now: 149.999 s later it is open…
    clock.tick(149_999);
    client.send('pusher:ping', {});
    await nextOrClosed(client, (frame) => frame.event === 'pusher:pong');
    // …and 150 s after its pong, with nothing sent either way, it closes.
    clock.tick(150 * SECOND);
    expect((await client.closed).code).to.equal(4201);
    await serverSideClosed(server);
  });

  it('a frame the tap sends restarts the silence bound', async () => {
    const client = await RawClient.connect(server.url);
    clients.push(client);
    await client.nextEvent('pusher:connection_established');
    await client.subscribe(CHANNEL);
    clock.tick(149_999);
    trade();
    await nextOrClosed(client, (frame) => frame.channel === CHANNEL);
    clock.tick(149_999);
    trade();
    await nextOrClosed(client, (frame) => frame.channel === CHANNEL);
    clock.tick(150 * SECOND);
    expect((await client.closed).code).to.equal(4201);
  });
});
