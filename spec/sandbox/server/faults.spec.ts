import { expect } from 'chai';
import got, { type Got } from 'got';
import { request as httpRequest } from 'node:http';
import type { Sandbox, SandboxToken } from '../../../lib/sandbox/index.js';
import { call, httpClient, json, startTestSandbox } from './helpers.js';

/** The error code of a request that failed below HTTP (reset, truncated body…). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).name;
  }
  return 'no error';
}

describe('sandbox fault injection', () => {
  let sandbox: Sandbox;
  let client: Got;
  let token: SandboxToken;

  before(async () => {
    sandbox = await startTestSandbox({ rateLimit: false });
    client = httpClient(sandbox);
    token = sandbox.createToken({ JPY: '100000000' });
  });

  afterEach(() => sandbox.faults.clear());

  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when before() failed
    await sandbox?.close();
  });

  const liveOrders = (): number => sandbox.exchange.orders(token.userId, { status: 'live' }).length;
  const placeOrder = (clientOrderId: string) =>
    call(client, 'POST', '/orders', {
      credentials: token,
      body: {
        order_type: 'limit',
        product_id: 5,
        side: 'buy',
        quantity: '0.001',
        price: '600000',
        client_order_id: clientOrderId,
      },
    });

  it('answers a chosen status N times, then serves normally (the exchange never sees the request)', async () => {
    sandbox.faults.add({ method: 'POST', path: '/orders', kind: 'status', status: 503, times: 2 });
    const before = liveOrders();
    const first = await placeOrder('fault-503-a');
    const second = await placeOrder('fault-503-b');
    expect([first.statusCode, second.statusCode]).to.deep.equal([503, 503]);
    expect(json(first)).to.deep.equal({ message: 'Service Unavailable' });
    expect(liveOrders()).to.equal(before);
    expect((await placeOrder('fault-503-c')).statusCode).to.equal(200);
    expect(liveOrders()).to.equal(before + 1);
  });

  it("answers 429 with or without Retry-After, the exchange's JSON message naming the seconds (§4.2, §5)", async () => {
    sandbox.faults.add({ path: '/products', kind: 'status', status: 429, retryAfter: 2 });
    sandbox.faults.add({ path: '/products', kind: 'status', status: 429 });
    const withHeader = await call(client, 'GET', '/products');
    const without = await call(client, 'GET', '/products');
    expect(withHeader.statusCode).to.equal(429);
    expect(withHeader.headers['retry-after']).to.equal('2');
    expect(json(withHeader)).to.deep.equal({ message: 'API rate limit exceeded. Please retry after 2s' });
    expect(without.statusCode).to.equal(429);
    expect(without.headers['retry-after']).to.equal(undefined);
    expect(json(without)).to.deep.equal({ message: 'API rate limit exceeded. Please retry after 300s' });
  });

  it('delays an answer, then serves it', async () => {
    sandbox.faults.add({ path: '/products/*', kind: 'delay', ms: 50 });
    const response = await call(client, 'GET', '/products/5');
    expect(response.statusCode).to.equal(200);
    expect(sandbox.faults.remaining).to.equal(0);
  });

  it('resets the connection before processing: no order exists', async () => {
    sandbox.faults.add({ method: 'POST', path: '/orders', kind: 'reset-before' });
    const before = liveOrders();
    expect(await failure(placeOrder('fault-reset-before'))).to.equal('ECONNRESET');
    expect(liveOrders()).to.equal(before);
  });

  it('resets the connection after processing: the order exists, the client saw a reset', async () => {
    sandbox.faults.add({ method: 'POST', path: '/orders', kind: 'reset-after' });
    expect(await failure(placeOrder('fault-reset-after'))).to.equal('ECONNRESET');
    const found = await call(client, 'GET', '/orders/client:fault-reset-after', { credentials: token });
    expect(found.statusCode).to.equal(200);
  });

  it('answers 200 with a body that is not JSON (processed)', async () => {
    sandbox.faults.add({ method: 'POST', path: '/orders', kind: 'malformed-body' });
    const response = await placeOrder('fault-malformed');
    expect(response.statusCode).to.equal(200);
    expect(() => JSON.parse(response.body) as unknown).to.throw(SyntaxError);
    expect((await call(client, 'GET', '/orders/client:fault-malformed', { credentials: token })).statusCode).to.equal(
      200,
    );
  });

  it('truncates a 200 body: the client sees the connection end early', async () => {
    sandbox.faults.add({ path: '/products', kind: 'truncated-body' });
    const code = await failure(client('products', { throwHttpErrors: true }));
    expect(code).to.be.oneOf(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'ERR_BODY_PARSE_FAILURE']);
  });

  it('sends headers then stalls the body (a client timeout fires), or finishes after stallMs', async () => {
    sandbox.faults.add({ path: '/products', kind: 'slow-body' });
    expect(await failure(client('products', { timeout: { request: 300 } }))).to.equal('ETIMEDOUT');
    sandbox.faults.add({ path: '/products', kind: 'slow-body', stallMs: 50 });
    const response = await call(client, 'GET', '/products');
    expect(response.statusCode).to.equal(200);
    expect(JSON.parse(response.body)).to.be.an('array');
  });

  it('consumes faults in order and can clear them', async () => {
    sandbox.faults.add({ path: '/currencies', kind: 'status', status: 500 });
    sandbox.faults.add({ path: '/currencies', kind: 'status', status: 502 });
    expect((await call(client, 'GET', '/currencies')).statusCode).to.equal(500);
    sandbox.faults.clear();
    expect((await call(client, 'GET', '/currencies')).statusCode).to.equal(200);
  });

  it('offers the same over a loopback-only control route', async () => {
    const control = got.extend({ prefixUrl: sandbox.url, retry: { limit: 0 }, throwHttpErrors: false });
    const added = await control.post('__sandbox/faults', {
      json: { path: '/fees', kind: 'status', status: 503, times: 1 },
    });
    expect(JSON.parse(added.body)).to.deep.equal({ remaining: 1 });
    expect((await call(client, 'GET', '/fees')).statusCode).to.equal(503);
    await control.post('__sandbox/faults', { json: { path: '/fees', kind: 'status', status: 503 } });
    await control.delete('__sandbox/faults');
    expect((await call(client, 'GET', '/fees')).statusCode).to.equal(200);
    const invalid = await control.post('__sandbox/faults', {
      body: 'nope',
      headers: { 'content-type': 'application/json' },
    });
    expect(invalid.statusCode).to.equal(400);
  });

  it('closes cleanly while a body is stalled', async () => {
    const other = await startTestSandbox({});
    other.faults.add({ path: '/products', kind: 'slow-body' });
    const pending = new Promise<string>((resolve) => {
      const request = httpRequest(`${other.url}/products`, (response) => {
        response.on('data', () => undefined);
        response.on('error', () => resolve('aborted'));
        response.on('close', () => resolve('closed'));
      });
      request.on('error', () => resolve('error'));
      request.end();
    });
    // Wait until the headers arrived (the fault is consumed), then close the sandbox.
    while (other.faults.remaining > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await other.close();
    expect(await pending).to.be.oneOf(['aborted', 'closed', 'error']);
  });
});
