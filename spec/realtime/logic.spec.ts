import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { expect } from 'chai';
import sinon from 'sinon';
import { backoffDelay, backoffPolicy } from '../../lib/realtime/backoff.js';
import { Keepalive } from '../../lib/realtime/keepalive.js';
import { Signer } from '../../lib/core/auth.js';
import { LocalCoordinator } from '../../lib/core/local-coordinator.js';
import { scrub } from '../../lib/core/scrub.js';
import { QuoineRealtimeError, RealtimeClosedError, RealtimeOverflowError } from '../../lib/realtime/errors.js';
import { TapAuth } from '../../lib/realtime/tap-auth.js';
import { Subscription, type SubscriptionControl } from '../../lib/realtime/subscription.js';

function subscription(
  bufferSize = 3,
  bufferBytes = 1_000_000,
): { sub: Subscription<number>; control: SubscriptionControl<number>; released: () => number } {
  let control: SubscriptionControl<number> | undefined;
  let releases = 0;
  const sub = new Subscription<number>(
    'test_channel',
    { bufferSize, bufferBytes },
    () => releases++,
    (c) => (control = c),
  );
  return { sub, control: control as unknown as SubscriptionControl<number>, released: () => releases };
}

describe('realtime: pure logic', () => {
  describe('backoff', () => {
    const policy = backoffPolicy({ initialDelayMs: 100, maxDelayMs: 1000 });

    it('doubles per attempt, stays within [cap/2, cap], and is capped', () => {
      expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(policy, a, () => 1))).to.deep.equal([
        100, 200, 400, 800, 1000, 1000,
      ]);
      expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelay(policy, a, () => 0))).to.deep.equal([
        50, 100, 200, 400, 500, 500,
      ]);
    });

    it('jitters between clients', () => {
      const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(policy, 3)));
      expect(delays.size).to.be.greaterThan(1);
      for (const d of delays) expect(d).to.be.within(400, 800);
    });

    it('defaults: 1 s initial, 30 s cap, reset after 30 s up, never gives up', () => {
      expect(backoffPolicy()).to.deep.equal({
        initialDelayMs: 1000,
        maxDelayMs: 30_000,
        stableAfterMs: 30_000,
        maxAttempts: Number.POSITIVE_INFINITY,
      });
    });
  });

  describe('keepalive (fake timers, no socket)', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    });
    afterEach(() => clock.restore());

    it('pings after pingIntervalMs without sending; sending postpones it', () => {
      const pings: number[] = [];
      const k = new Keepalive(
        { pingIntervalMs: 60_000, livenessTimeoutMs: 1e9 },
        { ping: () => pings.push(Date.now()), dead: () => expect.fail('dead') },
      );
      k.start();
      clock.tick(30_000);
      k.sent();
      k.received();
      clock.tick(59_000);
      expect(pings).to.have.length(0);
      k.received();
      clock.tick(2000);
      expect(pings).to.have.length(1);
      k.stop();
    });

    it('probes once with a ping when nothing was received, then declares the socket dead after livenessTimeoutMs', () => {
      let pings = 0;
      let dead = 0;
      const k = new Keepalive(
        { pingIntervalMs: 60_000, livenessTimeoutMs: 90_000 },
        { ping: () => pings++, dead: () => dead++ },
      );
      k.start();
      clock.tick(45_000);
      k.sent(); // the client keeps sending, but nothing comes back
      clock.tick(20_000);
      expect(pings).to.equal(1);
      clock.tick(20_000);
      expect(pings).to.equal(1);
      expect(dead).to.equal(0);
      clock.tick(10_000);
      expect(dead).to.equal(1);
      clock.tick(200_000);
      expect(dead).to.equal(1); // stopped itself
    });

    it('a frame received keeps the socket alive', () => {
      let dead = 0;
      const k = new Keepalive(
        { pingIntervalMs: 60_000, livenessTimeoutMs: 90_000 },
        { ping: () => k.sent(), dead: () => dead++ },
      );
      k.start();
      for (let i = 0; i < 10; i++) {
        clock.tick(60_000);
        k.received();
      }
      expect(dead).to.equal(0);
      k.stop();
    });
  });

  describe('Subscription', () => {
    it('buffers up to bufferSize, then ends with RealtimeOverflowError at once and releases the channel', async () => {
      const { sub, control, released } = subscription(3);
      for (let i = 1; i <= 4; i++) control.deliver(i, 1);
      expect(sub.closed).to.equal(true);
      expect(released()).to.equal(1);
      const it = sub[Symbol.asyncIterator]();
      const error = await it.next().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(RealtimeOverflowError);
      expect((error as RealtimeOverflowError).limit).to.equal('bufferSize');
      expect((error as RealtimeOverflowError).max).to.equal(3);
      control.deliver(5, 1); // ignored after the end
    });

    it('also bounds the buffered bytes: ends with RealtimeOverflowError (bufferBytes) when the next message would pass them', async () => {
      const { sub, control, released } = subscription(1000, 100);
      control.deliver(1, 60);
      control.deliver(2, 40); // exactly 100: still fits
      expect(sub.closed).to.equal(false);
      control.deliver(3, 1);
      expect(sub.closed).to.equal(true);
      expect(released()).to.equal(1);
      const error = await sub[Symbol.asyncIterator]()
        .next()
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).to.be.instanceOf(RealtimeOverflowError);
      expect((error as RealtimeOverflowError).limit).to.equal('bufferBytes');
      expect((error as RealtimeOverflowError).max).to.equal(100);
      expect((error as Error).message).to.match(/100 bytes/);
    });

    it('a message larger than bufferBytes is still handed to a consumer that is waiting for it', async () => {
      const { sub, control } = subscription(1000, 100);
      const it = sub[Symbol.asyncIterator]();
      const pending = it.next();
      control.deliver(1, 500);
      expect(await pending).to.deep.equal({ done: false, value: 1 });
      expect(sub.closed).to.equal(false);
    });

    it('taking a message frees its bytes: a consumer that keeps up never overflows', async () => {
      const { sub, control } = subscription(1000, 100);
      const it = sub[Symbol.asyncIterator]();
      for (let i = 0; i < 1000; i++) {
        control.deliver(i, 30);
        control.deliver(i, 30);
        control.deliver(i, 30);
        await it.next();
        await it.next();
        await it.next();
      }
      expect(sub.closed).to.equal(false);
    });

    it('delivers buffered values before a non-overflow error, and the error once ends iteration', async () => {
      const { sub, control } = subscription(10);
      control.deliver(1, 1);
      control.deliver(2, 1);
      control.fail(new QuoineRealtimeError('boom', 'test_channel'));
      const seen: number[] = [];
      let caught: unknown;
      try {
        for await (const v of sub) seen.push(v);
      } catch (e) {
        caught = e;
      }
      expect(seen).to.deep.equal([1, 2]);
      expect((caught as Error).message).to.equal('test_channel: boom');
    });

    it('a data listener switches to flowing mode: buffered values first, then every value, no overflow', () => {
      const { sub, control } = subscription(2);
      control.deliver(1, 1);
      const seen: number[] = [];
      sub.on('data', (v) => seen.push(v));
      for (let i = 2; i <= 10; i++) control.deliver(i, 1_000_000);
      expect(seen).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(sub.closed).to.equal(false);
    });

    it('ready resolves on the first confirmation; subscribed fires on each; closing before confirmation rejects ready without an unhandled rejection', async () => {
      const a = subscription();
      let confirmations = 0;
      a.sub.on('subscribed', () => confirmations++);
      a.control.subscribed();
      a.control.subscribed();
      await a.sub.ready;
      expect(confirmations).to.equal(2);

      const b = subscription();
      b.sub.close();
      await b.sub.ready.then(
        () => expect.fail('resolved'),
        (e: unknown) => expect(e).to.be.instanceOf(RealtimeClosedError),
      );
      const c = subscription();
      c.control.end(); // nobody awaits c.ready: mocha would report an unhandled rejection
    });

    it('break (return) closes the subscription and a pending next resolves done on end', async () => {
      const { sub, control, released } = subscription();
      const it = sub[Symbol.asyncIterator]();
      const pending = it.next();
      control.deliver(7, 1);
      expect(await pending).to.deep.equal({ done: false, value: 7 });
      const waiting = it.next();
      control.end();
      expect(await waiting).to.deep.equal({ done: true, value: undefined });
      expect(released()).to.equal(1);
      await it.return?.();
      expect(released()).to.equal(1);
    });
  });

  describe('scrubbing server text (core/scrub.ts with the realtime auth redactor)', () => {
    const SECRET = 'realtime-spec-secret-0123456789';

    /** A TapAuth that has sent `count` auth requests; their tokens. */
    async function sent(count: number): Promise<{ auth: TapAuth; tokens: string[] }> {
      const tokens: string[] = [];
      const auth = new TapAuth(new Signer('42', SECRET), SECRET, 10_000, new LocalCoordinator(), {
        send: (_event, data) =>
          tokens.push((data as { headers: Record<string, string> }).headers['X-Quoine-Auth'] ?? ''),
        failed: () => undefined,
      });
      for (let i = 0; i < count; i++) {
        auth.request();
        await new Promise(setImmediate); // the signing lane is granted and the request sent
        auth.reset(); // the next connection: stops the answer timer
      }
      return { auth, tokens };
    }
    const shown = (auth: TapAuth, text: string): string => scrub(text, 200, (t) => auth.redact(t));

    it('removes token-shaped text, even a token this client never sent', async () => {
      const { auth } = await sent(0);
      expect(shown(auth, 'bad token eyJhbGciOiJIUzI1NiJ9.eyJwYXRoIjoiL3JlYWx0aW1lIn0.c2lnbmF0dXJlc2ln here')).to.equal(
        'bad token [redacted] here',
      );
    });

    it('removes the secret, and each token sent lately whole, part by part, or any piece of 8+ characters of them', async () => {
      const { auth, tokens } = await sent(4);
      for (const token of tokens) {
        const [h, p, sig] = token.split('.') as [string, string, string];
        const quoted = (v: string): string => `expected a safe integer, got "${v.slice(0, 20)}"…`; // a decoding error quotes values cut short
        for (const text of [
          token,
          `${h}.${p}.abc`,
          `header=${h}\npayload=${p}\nsig=${sig}`,
          `sig ${sig} end`,
          `secret ${SECRET}!`,
          quoted(h),
          quoted(p),
          quoted(sig),
          quoted(SECRET),
        ]) {
          const out = shown(auth, text);
          expect(out).not.to.include(SECRET.slice(0, 12));
          for (const part of [h, p, sig]) expect(out).not.to.include(part.slice(0, 12));
        }
      }
      expect(shown(auth, `secret is ${SECRET}!`)).to.equal('secret is [redacted]!');
    });

    it('keeps ordinary text', async () => {
      expect(shown((await sent(1)).auth, 'Authentication failed (code 4009)')).to.equal(
        'Authentication failed (code 4009)',
      );
    });

    it('removes a token placed past the part of the text it keeps, and bounds the length', async () => {
      const { auth, tokens } = await sent(1);
      const text = `${'a '.repeat(95)}${tokens[0] ?? ''} ${'b '.repeat(300)}`;
      const out = shown(auth, text);
      expect(out).not.to.match(/eyJ/);
      expect(out).to.equal(
        `${`${'a '.repeat(95)}[redacted] ${'b '.repeat(300)}`.slice(0, 200)}… (truncated, ${text.length} characters)`,
      );
    });

    it('takes time linear in its input: a megabyte of token-like characters from a hostile server cannot freeze the process', async function () {
      // Run in a worker so a quadratic scrub shows up as a guard expiring instead of a frozen mocha.
      const scrubFile = fileURLToPath(new URL('../../lib/core/scrub.ts', import.meta.url));
      const worker = new Worker(
        `require('tsx/cjs/api').register();
         const { scrub, redactorFor } = require(${JSON.stringify(scrubFile)});
         const redact = redactorFor(['a-secret-of-thirty-characters', 'aaaaaaaaa.aaaaaaaaa', 'abababab', 'aaaaaaaaaaaaaaaaaaaa']);
         for (const s of ['a'.repeat(1 << 20), 'ab.'.repeat(350000), ('a'.repeat(9) + '.').repeat(100000)]) scrub(s, 200, redact);
         require('node:worker_threads').parentPort.postMessage('done');`,
        { eval: true },
      );
      try {
        const outcome = await new Promise<string>((resolve, reject) => {
          const guard = setTimeout(() => resolve('still running after 15 s'), 15_000);
          worker.once('message', (m: string) => {
            clearTimeout(guard);
            resolve(m);
          });
          worker.once('error', (e) => {
            clearTimeout(guard);
            reject(e);
          });
        });
        expect(outcome).to.equal('done');
      } finally {
        await worker.terminate();
      }
    });
  });
});
