/**
 * The README's retry table: "a cancel cannot act twice. If a retry answers 404, the order is
 * fetched and returned when it is cancelled". Shown against the sandbox with the first answer lost
 * after the exchange cancelled the order.
 */
import { expect } from 'chai';
import { Quoine, NotFoundError } from '../../lib/index.js';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.js';
import { rejection } from '../helpers/rejection.js';

describe('README claim: a cancel whose answer was lost', () => {
  let sandbox: Sandbox;
  let client: Quoine;
  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, market: false, rateLimit: false });
    client = new Quoine({
      baseUrl: sandbox.url,
      tokenId: sandbox.demo.tokenId,
      secret: sandbox.demo.secret,
      rateLimit: false,
    });
  });
  afterEach(async () => {
    await client.close();
    await sandbox.close();
  });

  it('cancel: the retry answers 404, the SDK fetches the order and returns it cancelled', async () => {
    const order = await client.orders.limitBuy(5, '0.01', '500000');
    sandbox.faults.add({ method: 'PUT', path: '/orders/*/cancel', kind: 'reset-after' });
    const cancelled = await client.orders.cancel(order.id);
    expect(sandbox.faults.remaining, 'the answer was lost').to.equal(0);
    expect({ id: cancelled.id, status: cancelled.status }).to.deep.equal({ id: order.id, status: 'cancelled' });
    expect(sandbox.exchange.order(sandbox.demo.userId, order.id).status).to.equal('cancelled');
  });

  it('cancelByClientId: the same', async () => {
    const order = await client.orders.limitBuy(5, '0.01', '500000', { clientOrderId: 'readme-cancel-1' });
    sandbox.faults.add({ method: 'PUT', path: '/orders/*/cancel', kind: 'reset-after' });
    const cancelled = await client.orders.cancelByClientId('readme-cancel-1');
    expect(sandbox.faults.remaining, 'the answer was lost').to.equal(0);
    expect({ id: cancelled.id, status: cancelled.status }).to.deep.equal({ id: order.id, status: 'cancelled' });
  });

  it('a first 404 (the order was never live) is not taken for a lost answer', async () => {
    const order = await client.orders.limitBuy(5, '0.01', '500000');
    await client.orders.cancel(order.id);
    expect(await rejection(client.orders.cancel(order.id))).to.be.instanceOf(NotFoundError);
  });
});
