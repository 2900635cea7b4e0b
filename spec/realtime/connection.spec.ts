import { once } from 'node:events';
import net, { type AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { expect } from 'chai';
import { QuoineRequestError } from '../../lib/core/errors.js';
import { QuoineRealtime, RealtimeClosedError, type RealtimeState } from '../../lib/realtime/index.js';
import { next, reach } from './helpers/clients.js';
import { useFakeTap } from './helpers/use-fake-tap.js';
import { TAP_SECRET } from './helpers/fake-tap.js';
import { executionStrings } from './helpers/payloads.js';

describe('realtime: connection and subscriptions', () => {
  const fake = useFakeTap();
  const { clients } = fake;

  it('connects, reads connection_established (double-encoded) and reports each state change', async () => {
    const tapClient = clients.public(fake.tap);
    const states: Array<[RealtimeState, RealtimeState]> = [];
    tapClient.on('state', (s, p) => states.push([s, p]));
    expect(tapClient.state).to.equal('disconnected');
    const connected = once(tapClient, 'connected');
    await tapClient.connect();
    expect(tapClient.state).to.equal('connected');
    expect(tapClient.socketId).to.equal('1.1001');
    expect(await connected).to.deep.equal(['1.1001']);
    await tapClient.close();
    expect(states).to.deep.equal([
      ['connecting', 'disconnected'],
      ['connected', 'connecting'],
      ['disconnected', 'connected'],
    ]);
    await fake.tap.waitFor(() => fake.tap.connections.every((c) => !c.open), 'the socket to close');
  });

  it('subscribes lazily with pusher:subscribe, lower-cases channel names, and confirms through ready', async () => {
    const tapClient = clients.public(fake.tap);
    const sub = tapClient.executions('BTCJPY');
    expect(sub.channel).to.equal('executions_cash_btcjpy');
    await sub.ready;
    expect(fake.tap.framesOf('pusher:subscribe').map((f) => f.data)).to.deep.equal([
      { channel: 'executions_cash_btcjpy' },
    ]);
    fake.tap.publish('executions_cash_btcjpy', 'created', executionStrings);
    expect((await next(sub)).id).to.equal(1011880);
  });

  it('shares one channel between consumers and unsubscribes when the last one breaks out', async () => {
    const tapClient = clients.public(fake.tap);
    const a = tapClient.executions('btcjpy');
    const b = tapClient.executions('BTCJPY');
    await Promise.all([a.ready, b.ready]);
    expect(fake.tap.framesOf('pusher:subscribe')).to.have.length(1);

    fake.tap.publish('executions_cash_btcjpy', 'created', executionStrings);
    for await (const e of a) {
      expect(e.id).to.equal(1011880);
      break;
    }
    expect(a.closed).to.equal(true);
    expect(fake.tap.framesOf('pusher:unsubscribe')).to.have.length(0);
    expect((await next(b)).id).to.equal(1011880);

    b.close();
    const frame = await fake.tap.waitFor(() => fake.tap.framesOf('pusher:unsubscribe')[0], 'pusher:unsubscribe');
    expect(frame.data).to.deep.equal({ channel: 'executions_cash_btcjpy' });
    expect(tapClient.channels).to.deep.equal([]);
  });

  it('a second consumer of a confirmed channel is ready without a new subscribe', async () => {
    const tapClient = clients.public(fake.tap);
    await tapClient.priceLadder('BTCJPY', 'buy').ready;
    const late = tapClient.priceLadder('BTCJPY', 'buy');
    await late.ready;
    expect(fake.tap.framesOf('pusher:subscribe')).to.have.length(1);
  });

  it('ignores events other than created/updated on a channel (e.g. pnl_updated) and frames that are not JSON', async () => {
    const tapClient = clients.public(fake.tap);
    const errors: Error[] = [];
    tapClient.on('error', (e) => errors.push(e));
    const sub = tapClient.executions('BTCJPY');
    await sub.ready;
    fake.tap.publish('executions_cash_btcjpy', 'pnl_updated', '{"whatever":1}');
    fake.tap.sendRaw('not json');
    fake.tap.publish('executions_cash_btcjpy', 'created', executionStrings);
    expect((await next(sub)).id).to.equal(1011880);
    expect(errors.map((e) => e.name)).to.deep.equal(['QuoineRealtimeError']);
  });

  it('close() ends every iterator cleanly, closes the socket and refuses new subscriptions', async () => {
    const tapClient = clients.public(fake.tap);
    const sub = tapClient.executions('BTCJPY');
    await sub.ready;
    const pending = sub[Symbol.asyncIterator]().next();
    const listening = tapClient.productUpdates('BTCJPY', 5);
    const ended = new Promise<void>((resolve) => listening.on('end', resolve));
    await tapClient.close();
    expect(await pending).to.deep.equal({ done: true, value: undefined });
    await ended;
    expect(tapClient.state).to.equal('disconnected');
    expect(() => tapClient.executions('BTCJPY')).to.throw(RealtimeClosedError);
    await fake.tap.waitFor(() => fake.tap.connections.every((c) => !c.open), 'the socket to close');
  });

  describe('close() is awaitable and resolves once the socket is closed', () => {
    it('when the server never answers the closing handshake: after closeTimeoutMs', async () => {
      const tapClient = clients.public(fake.tap, { closeTimeoutMs: 50 });
      await tapClient.executions('BTCJPY').ready;
      fake.tap.stopReading();
      await tapClient.close(); // a close that waited for the server would never resolve
      expect(tapClient.state).to.equal('disconnected');
    });

    it('while the websocket handshake is still pending (a server that accepts TCP and says nothing)', async () => {
      const silent = net.createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const accepted = once(silent, 'connection');
      try {
        const { port } = silent.address() as AddressInfo;
        const tapClient = new QuoineRealtime({ url: `ws://127.0.0.1:${port}/app`, reconnect: false });
        const connecting = tapClient.connect().then(
          () => 'connected',
          (e: unknown) => (e as Error).name,
        );
        const [socket] = (await accepted) as [net.Socket];
        const ended = once(socket, 'close');
        await tapClient.close();
        expect(tapClient.state).to.equal('disconnected');
        expect(await connecting).to.equal('RealtimeClosedError');
        await ended; // the TCP connection is gone too
      } finally {
        await new Promise((resolve) => silent.close(resolve));
      }
    });

    it('called twice, and again after it resolved: every call resolves', async () => {
      const tapClient = clients.public(fake.tap);
      await tapClient.connect();
      const first = tapClient.close();
      const second = tapClient.close();
      await Promise.all([first, second]);
      await tapClient.close();
      expect(tapClient.state).to.equal('disconnected');
    });
  });

  it('close() during a reconnection delay leaves no timer behind', async () => {
    const tapClient = clients.public(fake.tap, { reconnect: { initialDelayMs: 60_000, maxDelayMs: 60_000 } });
    await tapClient.executions('BTCJPY').ready;
    const reconnecting = once(tapClient, 'reconnecting');
    fake.tap.dropAll();
    const [info] = (await reconnecting) as [{ attempt: number }];
    expect(info.attempt).to.equal(1);
    await tapClient.close(); // mocha exiting by itself proves the 60 s timer is gone
    expect(tapClient.state).to.equal('disconnected');
  });

  it('a private channel without credentials fails before anything is sent', () => {
    const tapClient = clients.public(fake.tap);
    expect(() => tapClient.myOrders('JPY')).to.throw(QuoineRequestError, /tokenId and secret/);
    expect(tapClient.state).to.equal('disconnected');
  });

  it('refuses bad options and bad channel arguments', () => {
    expect(() => new QuoineRealtime({ url: 'http://x' })).to.throw(QuoineRequestError);
    expect(() => new QuoineRealtime({ tokenId: '1' })).to.throw(QuoineRequestError);
    expect(() => new QuoineRealtime({ bufferSize: 0 })).to.throw(QuoineRequestError);
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new QuoineRealtime({ bufferBytes: bad })).to.throw(
        QuoineRequestError,
        /bufferBytes must be a positive integer/,
      );
      expect(() => new QuoineRealtime({ maxFrameBytes: bad })).to.throw(
        QuoineRequestError,
        /maxFrameBytes must be a positive integer/,
      );
    }
    const tapClient = clients.public(fake.tap);
    expect(() => tapClient.executions('BTC JPY')).to.throw(QuoineRequestError);
    expect(() => tapClient.priceLadder('BTCJPY', 'bid' as 'buy')).to.throw(QuoineRequestError);
    expect(() => tapClient.productUpdates('BTCJPY', 0)).to.throw(QuoineRequestError);
    expect(() => tapClient.executions('BTCJPY', { bufferBytes: 0 })).to.throw(QuoineRequestError, /bufferBytes/);
    expect(tapClient.state).to.equal('disconnected');
  });

  it('never shows the secret in util.inspect or JSON', async () => {
    const tapClient = clients.private(fake.tap);
    await tapClient.myOrders('JPY').ready;
    const shown = inspect(tapClient, { depth: 10, showHidden: true }) + JSON.stringify(tapClient);
    expect(shown).not.to.include(TAP_SECRET);
    expect(shown).not.to.match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    expect(shown).to.include('3041');
  });

  it('iterating twice or after a data listener is refused', () => {
    const tapClient = clients.public(fake.tap);
    const a = tapClient.executions('BTCJPY');
    a[Symbol.asyncIterator]();
    expect(() => a[Symbol.asyncIterator]()).to.throw(/only once/);
    const b = tapClient.executionDetails('BTCJPY').on('data', () => undefined);
    expect(() => b[Symbol.asyncIterator]()).to.throw(/data/);
  });

  it('connect() after close() rejects', async () => {
    const tapClient = clients.public(fake.tap);
    await tapClient.close();
    await tapClient.connect().then(
      () => expect.fail('connected after close'),
      (e: unknown) => expect(e).to.be.instanceOf(RealtimeClosedError),
    );
    await reach(tapClient, 'disconnected');
  });
});
