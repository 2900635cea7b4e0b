/**
 * An absurd Retry-After (issue 10): 10^9 s or a far-future date fails that call fast and pauses
 * the shared rate limiter no longer than `maxRetryAfterMs`; a negative or garbage value is no
 * instruction at all; no timer ever gets a delay Node cannot hold (no TimeoutOverflowWarning,
 * no 1 ms spin).
 */
import { expect } from 'chai';
import sinon from 'sinon';
import { Quoine } from '../../lib/client.js';
import { MAX_TIMER_MS, sleep } from '../../lib/core/clock.js';
import { QuoineAbortError, QuoineRequestError, RateLimitError } from '../../lib/core/errors.js';
import { LocalCoordinator } from '../../lib/core/local-coordinator.js';
import { parseRetryAfter } from '../../lib/core/retry.js';
import type { RequestSpec } from '../../lib/core/request-spec.js';
import { Transport } from '../../lib/core/transport.js';
import { rejection } from '../helpers/rejection.js';
import { json, startLoopbackServer, type LoopbackServer, type Reply } from '../helpers/loopback-server.js';

const NOW = Date.parse('2026-12-07T00:00:00Z');
const CAP = 1000;

const ABSURD: ReadonlyArray<[string, Record<string, string>, string]> = [
  ['10^9 seconds', { 'retry-after': '1000000000' }, ''],
  ['10^30 seconds', { 'retry-after': '1000000000000000000000000000000' }, ''],
  ['400 digits (Infinity as a float)', { 'retry-after': '9'.repeat(400) }, ''],
  ['a date in the year 9999', { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' }, ''],
  ['an asctime date in the year 9999', { 'retry-after': 'Fri Dec 31 23:59:59 9999' }, ''],
  ['the body saying 10^20 s', {}, 'API rate limit exceeded. Please retry after 100000000000000000000s'],
];

const HARMLESS = [
  '-5',
  '-1000000000',
  'garbage',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '0x10',
  '5 s',
  '1 2',
  'Tue 1',
  '+275760-09-13T00:00:00Z',
];

function warningsOf(spy: sinon.SinonSpy): string[] {
  return spy.getCalls().map((c) => `${String(c.args[1] ?? '')} ${String(c.args[0])}`);
}

describe('hostile Retry-After', () => {
  describe('parseRetryAfter', () => {
    for (const value of HARMLESS) {
      it(`reads ${JSON.stringify(value)} as no instruction`, () => {
        expect(parseRetryAfter(value, '', NOW)).to.equal(undefined);
      });
    }

    it('keeps an absurd value finite (a safe integer of ms), so it can be compared and capped', () => {
      for (const [what, headers, body] of ABSURD) {
        const ms = parseRetryAfter(headers['retry-after'], body, NOW);
        expect(ms, what).to.be.a('number');
        expect(Number.isSafeInteger(ms), what).to.equal(true);
        expect(ms, what).to.be.greaterThan(CAP);
      }
    });

    it('still reads the forms the exchange and HTTP use', () => {
      expect(parseRetryAfter('120', '', NOW)).to.equal(120_000);
      expect(parseRetryAfter('Mon, 07 Dec 2026 00:00:05 GMT', '', NOW)).to.equal(5000);
      expect(parseRetryAfter('Sun, 06 Dec 2026 00:00:00 GMT', '', NOW)).to.equal(0); // in the past
      expect(parseRetryAfter('garbage', 'Please retry after 300s', NOW)).to.equal(300_000);
    });
  });

  describe('sleep', () => {
    it('never hands Node a delay it cannot hold (no TimeoutOverflowWarning)', async () => {
      const emitted = sinon.spy(process, 'emitWarning');
      try {
        for (const ms of [MAX_TIMER_MS + 1, 1e12, Number.MAX_SAFE_INTEGER, Number.NaN, -1]) {
          const controller = new AbortController();
          const waiting = sleep(ms, controller.signal).catch((e: unknown) => e);
          controller.abort();
          const outcome = await waiting;
          if (!Number.isNaN(ms) && ms > 0) expect(outcome, String(ms)).to.be.instanceOf(QuoineAbortError);
        }
        expect(warningsOf(emitted)).to.deep.equal([]);
      } finally {
        emitted.restore();
      }
    });

    it('waits the whole of a wait longer than one timer, and no less', async () => {
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      try {
        let done = false;
        const waiting = sleep(MAX_TIMER_MS + 5000).then(() => (done = true));
        await clock.tickAsync(MAX_TIMER_MS);
        expect(done).to.equal(false);
        await clock.tickAsync(4999);
        expect(done).to.equal(false);
        await clock.tickAsync(1);
        await waiting;
        expect(done).to.equal(true);
      } finally {
        clock.restore();
      }
    });
  });

  describe('through the transport and its shared limiter', () => {
    const limit = { requests: 100, intervalMs: 1000 };
    let server: LoopbackServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    const read: RequestSpec = { method: 'GET', path: '/products', auth: false, safety: 'read' };
    const limited = (headers: Record<string, string>, body: string): Reply => ({
      status: 429,
      body,
      headers: { 'content-type': 'text/plain', ...headers },
    });

    function transportWith(url: string, coordinator: LocalCoordinator): Transport {
      return new Transport({
        baseUrl: url,
        signer: undefined,
        headers: {},
        timeout: 5000,
        connectTimeout: 1000,
        maxRetries: 2,
        maxRetryAfterMs: CAP,
        maxResponseBytes: 1024 * 1024,
        coordinator,
        rateLimit: limit,
        backoff: { baseMs: 5, maxMs: 20 },
      });
    }

    for (const [what, headers, body] of ABSURD) {
      it(`${what}: fails the call fast and pauses the limiter at most maxRetryAfterMs`, async () => {
        server = await startLoopbackServer(() => limited(headers, body));
        const coordinator = new LocalCoordinator();
        const t = transportWith(server.url, coordinator);
        const emitted = sinon.spy(process, 'emitWarning');
        try {
          const e = await rejection(t.request(read));
          expect(e).to.be.instanceOf(RateLimitError).and.include({ attempts: 1 });
          expect(server.requests).to.have.length(1);
          expect(coordinator.delayBeforeNext(limit)).to.be.within(1, CAP);
          expect(warningsOf(emitted)).to.deep.equal([]);
        } finally {
          emitted.restore();
          t.close();
        }
      });
    }

    for (const value of HARMLESS) {
      it(`Retry-After ${JSON.stringify(value)} is harmless: the read is retried with backoff, the limiter is not paused`, async () => {
        server = await startLoopbackServer((_, i) =>
          i === 0 ? limited({ 'retry-after': value }, 'slow down') : json('[]'),
        );
        const coordinator = new LocalCoordinator();
        const t = transportWith(server.url, coordinator);
        try {
          const r = await t.request(read);
          expect(r.body).to.deep.equal([]);
          expect(server.requests).to.have.length(2);
          expect(coordinator.delayBeforeNext(limit)).to.equal(0);
        } finally {
          t.close();
        }
      });
    }

    it('a later call of the same client goes through once the capped pause is over (fake clock)', async () => {
      let answer: Reply = limited({ 'retry-after': '1000000000' }, '');
      server = await startLoopbackServer(() => answer);
      const client = new Quoine({
        baseUrl: server.url,
        rateLimit: { requests: 100, intervalMs: 1000 },
        maxRetryAfterMs: CAP,
      });
      const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
      const emitted = sinon.spy(process, 'emitWarning');
      try {
        expect(await rejection(client.products.list())).to.be.instanceOf(RateLimitError);
        answer = json('[]');
        const later = client.products.list();
        await clock.tickAsync(CAP - 1);
        expect(server.requests).to.have.length(1); // still paused
        await clock.tickAsync(1);
        expect(await later).to.deep.equal([]);
        expect(server.requests).to.have.length(2);
        expect(warningsOf(emitted)).to.deep.equal([]);
      } finally {
        emitted.restore();
        clock.restore();
        await client.close();
      }
    });
  });

  it('refuses timeouts no timer can hold, client-wide and per call', async () => {
    for (const field of ['timeout', 'connectTimeout'] as const) {
      expect(() => new Quoine({ [field]: MAX_TIMER_MS + 1 }), field).to.throw(QuoineRequestError, new RegExp(field));
    }
    const client = new Quoine({ rateLimit: false });
    for (const timeout of [MAX_TIMER_MS + 1, 0, -1, Number.NaN]) {
      expect(await rejection(client.products.list({}, { timeout })), String(timeout)).to.be.instanceOf(
        QuoineRequestError,
      );
    }
    expect(await rejection(client.products.list({}, { maxRetries: -1 }))).to.be.instanceOf(QuoineRequestError);
    await client.close();
  });
});
