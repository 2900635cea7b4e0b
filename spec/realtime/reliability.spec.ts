import { once } from 'node:events';
import { expect } from 'chai';
import {
  RealtimeConnectionError,
  RealtimeOverflowError,
  RealtimeProtocolError,
  type QuoineRealtimeError,
} from '../../lib/realtime/index.js';
import { next, nextError, reach, until } from './helpers/clients.js';
import { useFakeTap } from './helpers/use-fake-tap.js';
import { executionStrings, orderNumbers } from './helpers/payloads.js';

describe('realtime: keep-alive, liveness, reconnection, back-pressure', () => {
  const fake = useFakeTap();
  const { clients } = fake;

  it('sends pusher:ping after a silence and stays connected when the server answers', async () => {
    const client = clients.public(fake.tap, { pingIntervalMs: 20 });
    await client.connect();
    await fake.tap.waitFor(() => fake.tap.framesOf('pusher:ping').length >= 3, 'three pings');
    expect(fake.tap.framesOf('pusher:ping')[0]?.data).to.deep.equal({});
    expect(client.state).to.equal('connected');
    expect(fake.tap.connections).to.have.length(1);
  });

  it('after the server drops the connection: reconnects, re-authenticates, resubscribes every channel; iterators carry on', async () => {
    const client = clients.private(fake.tap);
    const executions = client.executions('BTCJPY');
    const orders = client.myOrders('JPY');
    let confirmations = 0;
    orders.on('subscribed', () => confirmations++);
    await Promise.all([executions.ready, orders.ready]);
    const reconnecting = once(client, 'reconnecting');

    fake.tap.dropAll();
    const [info] = (await reconnecting) as [{ attempt: number; delayMs: number }];
    expect(info.attempt).to.equal(1);
    const second = await fake.tap.waitFor(
      () => (fake.tap.connections[1]?.channels.size === 2 ? fake.tap.connections[1] : undefined),
      'resubscription on a new connection',
    );
    expect(second.authed).to.equal(true);
    expect(second.frames.map((f) => f.event).filter((e) => e !== 'pusher:ping')).to.deep.equal([
      'pusher:subscribe',
      'quoine:auth_request',
      'pusher:subscribe',
    ]);
    expect(fake.tap.violations).to.deep.equal([]);
    await reach(client, 'connected');
    await until(() => confirmations === 2, 'orders confirmed twice');

    fake.tap.publish('executions_cash_btcjpy', 'created', executionStrings);
    fake.tap.publish('user_account_jpy_orders', 'updated', orderNumbers);
    expect((await next(executions)).id).to.equal(1011880);
    expect((await next(orders)).id).to.equal(2914273073);
  });

  it('notices a socket that stalls without closing (liveness timeout), replaces it and resubscribes', async () => {
    const client = clients.public(fake.tap, { pingIntervalMs: 20, livenessTimeoutMs: 120 });
    const errors: QuoineRealtimeError[] = [];
    client.on('error', (e) => errors.push(e));
    const executions = client.executions('BTCJPY');
    await executions.ready;
    fake.tap.stall();
    const second = await fake.tap.waitFor(
      () => (fake.tap.connections[1]?.channels.has('executions_cash_btcjpy') ? fake.tap.connections[1] : undefined),
      'a new connection',
    );
    expect(fake.tap.connections[0]?.open).to.equal(false); // the client terminated the stalled socket
    expect(errors.some((e) => e.message.includes('went silent'))).to.equal(true);
    expect(second.open).to.equal(true);
    fake.tap.publish('executions_cash_btcjpy', 'created', executionStrings);
    expect((await next(executions)).id).to.equal(1011880);
  });

  it('a consumer that falls behind gets RealtimeOverflowError; a consumer that keeps up is unaffected', async () => {
    const client = clients.public(fake.tap);
    const slow = client.executions('BTCJPY', { bufferSize: 3 });
    const fast = client.executions('BTCJPY');
    let received = 0;
    fast.on('data', () => received++);
    await Promise.all([slow.ready, fast.ready]);
    for (let i = 0; i < 5; i++) fake.tap.publish('executions_cash_btcjpy', 'created', executionStrings);
    await until(() => received === 5, 'five deliveries');
    const error = await nextError(slow);
    expect(error).to.be.instanceOf(RealtimeOverflowError);
    expect((error as RealtimeOverflowError).limit).to.equal('bufferSize');
    expect((error as RealtimeOverflowError).max).to.equal(3);
    expect(slow.closed).to.equal(true);
    expect(fast.closed).to.equal(false);
    expect(client.channels).to.deep.equal(['executions_cash_btcjpy']);
  });

  it('pusher:error 4000–4099 does not reconnect: subscriptions end with RealtimeProtocolError', async () => {
    const client = clients.public(fake.tap);
    const executions = client.executions('BTCJPY');
    await executions.ready;
    fake.tap.sendError(4001, 'Application does not exist');
    const error = await nextError(executions);
    expect(error).to.be.instanceOf(RealtimeProtocolError);
    expect((error as RealtimeProtocolError).code).to.equal(4001);
    expect(client.state).to.equal('disconnected');
    expect(fake.tap.connections).to.have.length(1);
  });

  it('pusher:error 4200–4299 reconnects at once, 4100–4199 after a backoff delay', async () => {
    const client = clients.public(fake.tap);
    const executions = client.executions('BTCJPY');
    await executions.ready;
    const delays: number[] = [];
    client.on('reconnecting', ({ delayMs }) => delays.push(delayMs));

    fake.tap.sendError(4201, 'Pong reply not received');
    await fake.tap.waitFor(
      () => fake.tap.connections[1]?.channels.has('executions_cash_btcjpy'),
      'reconnection after 4201',
    );
    fake.tap.sendError(4100, 'Over capacity');
    await fake.tap.waitFor(
      () => fake.tap.connections[2]?.channels.has('executions_cash_btcjpy'),
      'reconnection after 4100',
    );
    expect(delays[0]).to.equal(0);
    expect(delays[1]).to.be.greaterThan(0);
    fake.tap.publish('executions_cash_btcjpy', 'created', executionStrings);
    expect((await next(executions)).id).to.equal(1011880);
  });

  it('a server that says "reconnect now" (4200–4299) on every connection gets one immediate reconnection, then backoff: no hot loop', async () => {
    fake.tap.errorOnConnect = { code: 4201, message: 'Pong reply not received' };
    const client = clients.public(fake.tap, { reconnect: { initialDelayMs: 5, maxDelayMs: 40 } });
    const delays: number[] = [];
    client.on('reconnecting', ({ delayMs }) => delays.push(delayMs));
    void client.connect().catch(() => undefined);
    await until(() => delays.length >= 4, 'four reconnections');
    expect(delays[0]).to.equal(0);
    for (const delay of delays.slice(1)) expect(delay).to.be.greaterThan(0);
  });

  it('other pusher:error frames are reported on the error event and the connection stays', async () => {
    const client = clients.public(fake.tap);
    await client.connect();
    const error = once(client, 'error');
    fake.tap.sendError(1, 'something odd');
    const [e] = (await error) as [Error];
    expect(e.message).to.match(/pusher:error 1: something odd/);
    expect(client.state).to.equal('connected');
  });

  it('gives up after reconnect.maxAttempts with RealtimeConnectionError', async () => {
    const client = clients.public(fake.tap, { reconnect: { initialDelayMs: 1, maxDelayMs: 5, maxAttempts: 2 } });
    const executions = client.executions('BTCJPY');
    await executions.ready;
    await fake.tap.close(); // nothing listens any more: every attempt is refused
    const error = await nextError(executions);
    expect(error).to.be.instanceOf(RealtimeConnectionError);
    expect((error as RealtimeConnectionError).attempts).to.equal(2);
    expect(client.state).to.equal('disconnected');
  });
});
