/**
 * Defaults the README's configuration table states that no other spec shows: `maxRetries` 2 and
 * `maxRetryAfterMs` 60 000 on a client built with no options but its address.
 */
import { expect } from 'chai';
import { Quoine, RateLimitError, ServiceUnavailableError } from '../../lib/index.js';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.js';
import { rejection } from '../helpers/rejection.js';

describe('README claim: client defaults', function () {
  this.timeout(20_000);
  let sandbox: Sandbox;
  let client: Quoine;
  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, market: false, rateLimit: false });
    client = new Quoine({ baseUrl: sandbox.url });
  });
  afterEach(async () => {
    await client.close();
    await sandbox.close();
  });

  it('maxRetries 2: a read makes three attempts', async () => {
    sandbox.faults.add({ method: 'GET', path: '/products/5', kind: 'status', status: 503, times: 5 });
    const error = await rejection(client.products.get(5));
    expect(error).to.be.instanceOf(ServiceUnavailableError);
    expect((error as ServiceUnavailableError).attempts).to.equal(3);
    expect(sandbox.faults.remaining).to.equal(2);
  });

  it('maxRetryAfterMs 60 000: a Retry-After of 61 s fails fast with retryAfterMs', async () => {
    sandbox.faults.add({ method: 'GET', path: '/products/5', kind: 'status', status: 429, retryAfter: 61 });
    const error = await rejection(client.products.get(5));
    expect(error).to.be.instanceOf(RateLimitError);
    expect({
      attempts: (error as RateLimitError).attempts,
      retryAfterMs: (error as RateLimitError).retryAfterMs,
    }).to.deep.equal({ attempts: 1, retryAfterMs: 61_000 });
  });
});
