/** Per-call options that are not an options object are refused before anything is sent. */
import { expect } from 'chai';
import { Quoine } from '../../lib/client.js';
import { QuoineRequestError } from '../../lib/core/errors.js';
import { rejection } from '../helpers/rejection.js';

describe('per-call options', () => {
  // Port 9 (discard) on loopback: any request that slipped through would fail as a connection error instead.
  const client = new Quoine({
    baseUrl: 'http://127.0.0.1:9',
    tokenId: '1',
    secret: 'secret-of-some-length',
    rateLimit: false,
    maxRetries: 0,
  });
  after(() => client.close());

  for (const options of ['x', 42, null, true, ['timeout']] as const) {
    it(`refuses ${JSON.stringify(options)} as per-call options, naming them`, async () => {
      const error = await rejection(client.orders.get(1, options as never));
      expect(error).to.be.instanceOf(QuoineRequestError);
      expect((error as QuoineRequestError).field).to.equal('options');
    });
  }

  for (const filters of ['x', 42, true, ['status']] as const) {
    it(`refuses ${JSON.stringify(filters)} as a list call's filters instead of sending the unfiltered list`, async () => {
      for (const call of [
        () => client.orders.list(filters as never),
        () => client.trades.list(filters as never),
        () => client.withdrawals.list(filters as never),
      ]) {
        const error = await rejection(Promise.resolve(call()));
        expect(error).to.be.instanceOf(QuoineRequestError);
        expect((error as QuoineRequestError).field).to.equal('filters');
      }
    });
  }

  it('refuses a signal that is not an AbortSignal', async () => {
    const error = await rejection(client.orders.get(1, { signal: { aborted: false } as never }));
    expect(error).to.be.instanceOf(QuoineRequestError);
    expect((error as QuoineRequestError).field).to.equal('signal');
  });
});
