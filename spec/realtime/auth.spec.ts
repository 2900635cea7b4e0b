import { expect } from 'chai';
import { RealtimeAuthError } from '../../lib/realtime/index.js';
import { next, nextError } from './helpers/clients.js';
import { useFakeTap } from './helpers/use-fake-tap.js';
import { TAP_SECRET } from './helpers/fake-tap.js';
import { executionStrings, orderNumbers } from './helpers/payloads.js';

describe('realtime: authentication for user_* channels', () => {
  const fake = useFakeTap();
  const { clients } = fake;

  it('sends quoine:auth_request with a JWT for /realtime and subscribes only after auth_success', async () => {
    const client = clients.private(fake.tap);
    const orders = client.myOrders('JPY');
    const trades = client.myTrades('JPY');
    const executions = client.executions('BTCJPY');
    await Promise.all([orders.ready, trades.ready, executions.ready]);
    expect(client.authenticated).to.equal(true);
    const events = fake.tap.connections[0]?.frames.map((f) => f.event);
    expect(events?.filter((e) => e === 'quoine:auth_request')).to.have.length(1); // once per connection
    const auth = fake.tap.framesOf('quoine:auth_request')[0]?.data as { path: string; headers: Record<string, string> };
    expect(auth.path).to.equal('/realtime');
    expect(auth.headers['X-Quoine-Auth']).to.match(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(fake.tap.violations).to.deep.equal([]); // the fake refuses user_* subscribes sent before auth_success

    fake.tap.publish('user_account_jpy_orders', 'updated', orderNumbers);
    expect((await next(orders)).id).to.equal(2914273073);
  });

  it('auth_failure ends the private subscriptions with RealtimeAuthError (iterator, ready and error event), never a hang', async () => {
    fake.tap.refuseAuth = true;
    const client = clients.private(fake.tap);
    const orders = client.myOrders('JPY');
    const balances = client.accountUpdates('JPY');
    const publicSub = client.executions('BTCJPY');
    const seen: Error[] = [];
    balances.on('error', (e) => seen.push(e));

    const error = await nextError(orders);
    expect(error).to.be.instanceOf(RealtimeAuthError);
    expect((error as Error).message).to.match(/user_account_jpy_orders: authentication refused: Authentication failed/);
    await balances.ready.then(
      () => expect.fail('ready resolved'),
      (e: unknown) => expect(e).to.be.instanceOf(RealtimeAuthError),
    );
    expect(seen.map((e) => e.name)).to.deep.equal(['RealtimeAuthError']);
    for (const e of [error as Error, ...seen]) {
      expect(e.message + String(e.stack)).not.to.include(TAP_SECRET);
      expect(e.message).not.to.match(/eyJ/);
    }
    expect(client.authenticated).to.equal(false);

    // Public channels carry on.
    await publicSub.ready;
    fake.tap.publish('executions_cash_btcjpy', 'created', executionStrings);
    expect((await next(publicSub)).id).to.equal(1011880);

    // A later private subscription authenticates again, with a fresh token.
    fake.tap.refuseAuth = false;
    const retry = client.myExecutions('BTCJPY');
    await retry.ready;
    const tokens = fake.tap
      .framesOf('quoine:auth_request')
      .map((f) => (f.data as { headers: Record<string, string> }).headers['X-Quoine-Auth']);
    expect(tokens).to.have.length(2);
    expect(tokens[0]).not.to.equal(tokens[1]);
  });

  it('no answer to auth_request within authTimeoutMs is an auth failure, not a hang', async () => {
    fake.tap.ignoreAuth = true;
    const client = clients.private(fake.tap, { authTimeoutMs: 30 });
    const error = await nextError(client.myOrders('JPY'));
    expect(error).to.be.instanceOf(RealtimeAuthError);
    expect((error as Error).message).to.match(/no answer to quoine:auth_request/);
  });
});
