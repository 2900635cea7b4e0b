import { expect } from 'chai';
import sinon from 'sinon';
import { QuoineAbortError, QuoineRequestError } from '../../lib/core/errors.js';
import { RateLimiter } from '../../lib/core/rate-limiter.js';

describe('core/rate-limiter', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_000_000 });
  });
  afterEach(() => clock.restore());

  it('lets exactly its budget through per window, first come first served', async () => {
    const limiter = new RateLimiter({ requests: 300, intervalMs: 300_000 });
    const granted: Array<[number, number]> = [];
    const all = Array.from({ length: 900 }, (_, i) => limiter.acquire().then(() => granted.push([i, Date.now()])));
    await clock.tickAsync(0);
    expect(granted).to.have.length(300);
    await clock.tickAsync(299_999);
    expect(granted).to.have.length(300);
    await clock.tickAsync(1);
    expect(granted).to.have.length(600);
    await clock.tickAsync(300_000);
    await Promise.all(all);
    expect(granted.map(([i]) => i)).to.deep.equal(Array.from({ length: 900 }, (_, i) => i));
    // Sliding window: no 300 s span ever saw more than 300 grants.
    const times = granted.map(([, t]) => t);
    for (let i = 300; i < times.length; i++)
      expect((times[i] as number) - (times[i - 300] as number)).to.be.at.least(300_000);
  });

  it('slides: a grant frees its slot exactly one interval later', async () => {
    const limiter = new RateLimiter({ requests: 2, intervalMs: 1000 });
    await limiter.acquire();
    await clock.tickAsync(400);
    await limiter.acquire();
    let third = false;
    void limiter.acquire().then(() => (third = true));
    await clock.tickAsync(599);
    expect(third).to.equal(false);
    await clock.tickAsync(1);
    expect(third).to.equal(true);
    expect(limiter.delayBeforeNext()).to.equal(400);
  });

  it('counts a completed request from its completion, so the exchange never sees more than the budget', async () => {
    const limiter = new RateLimiter({ requests: 2, intervalMs: 1000 });
    const a = await limiter.acquire();
    const b = await limiter.acquire();
    await clock.tickAsync(300);
    a.release(); // a slow response: the exchange may have counted it as late as now
    await clock.tickAsync(100);
    b.release();
    b.release(); // idempotent
    let third = false;
    void limiter.acquire().then(() => (third = true));
    await clock.tickAsync(899);
    expect(third).to.equal(false); // a was granted 1,299 ms ago, but completed only 999 ms ago
    await clock.tickAsync(1);
    expect(third).to.equal(true);
    expect(limiter.delayBeforeNext()).to.equal(100); // b completed 900 ms ago
  });

  it('holds every grant while paused by a Retry-After', async () => {
    const limiter = new RateLimiter({ requests: 10, intervalMs: 1000 });
    limiter.pauseUntil(Date.now() + 5000);
    let done = false;
    void limiter.acquire().then(() => (done = true));
    await clock.tickAsync(4999);
    expect(done).to.equal(false);
    await clock.tickAsync(1);
    expect(done).to.equal(true);
  });

  it('gives up a wait when its signal aborts, without blocking the callers behind it', async () => {
    const limiter = new RateLimiter({ requests: 1, intervalMs: 1000 });
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    let next = false;
    void limiter.acquire().then(() => (next = true));
    controller.abort();
    let error: unknown;
    try {
      await aborted;
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(QuoineAbortError);
    await clock.tickAsync(1000);
    expect(next).to.equal(true);
  });

  it('refuses a nonsensical budget', () => {
    expect(() => new RateLimiter({ requests: 0, intervalMs: 1000 })).to.throw(QuoineRequestError, /rateLimit.requests/);
    expect(() => new RateLimiter({ requests: 1, intervalMs: Number.NaN })).to.throw(
      QuoineRequestError,
      /rateLimit.intervalMs/,
    );
  });
});
