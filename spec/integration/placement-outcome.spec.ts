/**
 * A placement with a client id whose first attempt was lost: the SDK retries it, and when the retry
 * is refused as a duplicate it looks the order up by client id. Whatever that lookup meets, the
 * caller learns the truth: the order, a confirmed refusal, or an error that says the order may
 * have been placed (never a plain 422 that reads as "not placed").
 */
import { expect } from 'chai';
import { QuoineConnectionError, UnprocessableEntityError } from '../../lib/core/errors.js';
import { Quoine } from '../../lib/client.js';
import type { Sandbox } from '../../lib/sandbox/index.js';
import { rejection } from '../helpers/rejection.js';
import { exactSandbox } from './helpers.js';

const BTCJPY = 5;

describe('a retried placement with a client id', () => {
  let sandbox: Sandbox;
  let client: Quoine;
  let userId: number;
  before(async () => {
    sandbox = await exactSandbox('liquid');
    const token = sandbox.createToken({ JPY: '10000000' });
    userId = token.userId;
    client = new Quoine({
      baseUrl: sandbox.url,
      tokenId: token.tokenId,
      secret: token.secret,
      rateLimit: false,
      maxRetries: 2,
    });
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });
  const placed = (id: string): number => sandbox.exchange.orders(userId).filter((o) => o.clientOrderId === id).length;

  it('placed by the lost attempt, then not found for reasons unknown: the error says it may have been placed', async () => {
    const id = 'outcome-lookup-fails';
    sandbox.faults.add({ method: 'POST', path: '/orders', bodyContains: id, kind: 'reset-after' });
    sandbox.faults.add({ method: 'GET', path: `/orders/client:${id}`, kind: 'status', status: 503, times: 3 });
    const error = await rejection(client.orders.limitBuy(BTCJPY, '0.01', '900000', { clientOrderId: id }));
    expect(error).to.be.instanceOf(QuoineConnectionError);
    expect((error as QuoineConnectionError).mayHaveBeenProcessed).to.equal(true);
    expect((error as QuoineConnectionError).message).to.match(/has_already_been_taken/);
    expect(placed(id)).to.equal(1);
  });

  it('placed by the lost attempt and found: the order is returned', async () => {
    const id = 'outcome-lookup-works';
    sandbox.faults.add({ method: 'POST', path: '/orders', bodyContains: id, kind: 'reset-after' });
    const order = await client.orders.limitBuy(BTCJPY, '0.01', '900000', { clientOrderId: id });
    expect(order.clientOrderId).to.equal(id);
    expect(placed(id)).to.equal(1);
  });

  it('refused on the retry and not found by the lookup: the refusal stands', async () => {
    const id = 'outcome-not-placed';
    sandbox.faults.add({ method: 'POST', path: '/orders', bodyContains: id, kind: 'status', status: 503 });
    sandbox.faults.add({
      method: 'POST',
      path: '/orders',
      bodyContains: id,
      kind: 'status',
      status: 422,
      body: '{"errors":{"client_order_id":["has_already_been_taken"]}}',
    });
    const error = await rejection(client.orders.limitBuy(BTCJPY, '0.01', '900000', { clientOrderId: id }));
    expect(error).to.be.instanceOf(UnprocessableEntityError);
    expect(placed(id)).to.equal(0);
  });
});
