// Issue 11 over HTTP: over-long and over-precise decimals answer 422 in the exchange's
// `{"errors": …}` shape, nothing reaches the book, and the server keeps serving.
import { expect } from 'chai';
import type { Got } from 'got';
import type { Sandbox } from '../../../lib/sandbox/index.js';
import { guardExecutions, type ExecutionGuard } from '../exchange/runaway.js';
import { call, httpClient, json, startTestSandbox, type Credentials } from './helpers.js';

const BTCJPY = 5; // tick 1.0, BTC precision 8 (fixtures/catalogue)

describe('sandbox server: decimal inputs are bounded (issue 11)', () => {
  let sandbox: Sandbox;
  let client: Got;
  let maker: Credentials;
  let taker: Credentials;
  let guard: ExecutionGuard;

  before(async () => {
    sandbox = await startTestSandbox();
    client = httpClient(sandbox);
    maker = sandbox.createToken({ BTC: '100' });
    taker = sandbox.createToken({ JPY: '1000000000' });
  });
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when before() failed
    await sandbox?.close();
  });
  beforeEach(() => {
    guard = guardExecutions();
  });
  afterEach(() => guard.restore());

  const place = (credentials: Credentials, rawBody: string) =>
    call(client, 'POST', '/orders', { credentials, rawBody });
  const errors = (body: string) => JSON.parse(body) as unknown;

  it('answers a 200-digit quantity against a resting order with 422 too_long at once', async () => {
    const ask = await place(
      maker,
      '{"order_type":"limit","product_id":5,"side":"sell","quantity":"1","price":"976382"}',
    );
    expect(ask.statusCode, ask.body).to.equal(200);
    const quantity = `0.001${'0'.repeat(196)}1`;
    for (const encoded of [`"${quantity}"`, quantity]) {
      const response = await place(
        taker,
        `{"order_type":"limit","product_id":5,"side":"buy","quantity":${encoded},"price":"976382"}`,
      );
      expect([response.statusCode, errors(response.body)]).to.deep.equal([422, { errors: { quantity: ['too_long'] } }]);
    }
    expect(guard.count()).to.equal(0);
    const cancelled = await call(client, 'PUT', `/orders/${json<{ id: number }>(ask).id}/cancel`, {
      credentials: maker,
    });
    expect(cancelled.statusCode).to.equal(200);
  });

  it('answers a 500,000-digit price with 422 too_long, and the book stays small', async () => {
    const price = `976382.${'0'.repeat(499_990)}1`;
    for (const encoded of [`"${price}"`, price]) {
      const response = await place(
        maker,
        `{"order_type":"limit","product_id":5,"side":"sell","quantity":"1","price":${encoded}}`,
      );
      expect([response.statusCode, errors(response.body)]).to.deep.equal([422, { errors: { price: ['too_long'] } }]);
    }
    const book = await call(client, 'GET', `/products/${BTCJPY}/price_levels?full=1`);
    expect(book.statusCode).to.equal(200);
    expect(book.body.length).to.be.below(1000);
  });

  it("answers a quantity finer than BTC's 8 places with 422 invalid_precision", async () => {
    const response = await place(
      maker,
      '{"order_type":"limit","product_id":5,"side":"sell","quantity":"0.123456789","price":"976382"}',
    );
    expect([response.statusCode, errors(response.body)]).to.deep.equal([
      422,
      { errors: { quantity: ['invalid_precision'] } },
    ]);
  });

  it('answers a price off the 1 JPY tick with 422 invalid_tick_size, on create and on edit', async () => {
    const created = await place(
      maker,
      '{"order_type":"limit","product_id":5,"side":"sell","quantity":"0.5","price":976382.5}',
    );
    expect([created.statusCode, errors(created.body)]).to.deep.equal([
      422,
      { errors: { price: ['invalid_tick_size'] } },
    ]);
    const ask = await place(
      maker,
      '{"order_type":"limit","product_id":5,"side":"sell","quantity":"0.5","price":976390}',
    );
    expect(ask.statusCode, ask.body).to.equal(200);
    const id = json<{ id: number }>(ask).id;
    const edited = await call(client, 'PUT', `/orders/${id}`, {
      credentials: maker,
      body: { order: { price: '976390.25' } },
    });
    expect([edited.statusCode, errors(edited.body)]).to.deep.equal([422, { errors: { price: ['invalid_tick_size'] } }]);
    expect((await call(client, 'PUT', `/orders/${id}/cancel`, { credentials: maker })).statusCode).to.equal(200);
  });
});
