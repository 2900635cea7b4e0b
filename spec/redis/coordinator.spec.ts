/**
 * The Redis coordinator against a real redis-server: each coordinator stands for one process of
 * the token. The lane (exclusive, FIFO within a process, fair across processes), its nonces
 * (strictly increasing, never ahead of Redis's clock, never back after FLUSHALL or an empty
 * restart), fencing of a stalled holder, aborts, and the shared rate-limit window.
 */
import { expect } from 'chai';
import sinon from 'sinon';
import type { LaneLease } from '../../lib/core/coordinator.js';
import { QuoineAbortError } from '../../lib/core/errors.js';
import type { RedisCoordinator } from '../../lib/redis/redis-coordinator.js';
import { rejection } from '../helpers/rejection.js';
import { Coordinators, redisNow, settledWithin, until } from './coordinators.js';
import { REDIS_AVAILABLE, RedisServer, redisIt } from './redis-server.js';

describe('redis/coordinator', function () {
  this.timeout(60_000);
  let server: RedisServer;
  let made: Coordinators;
  before(async () => {
    if (REDIS_AVAILABLE) server = await RedisServer.start();
  });
  after(async () => {
    if (REDIS_AVAILABLE) await server.kill();
  });
  beforeEach(() => {
    if (REDIS_AVAILABLE) made = new Coordinators(server);
  });
  afterEach(async () => {
    if (REDIS_AVAILABLE) await made.closeAll();
  });

  describe('the signing lane', () => {
    redisIt(
      'is held by one waiter at a time across 4 coordinators × 15 concurrent waiters; nonces strictly increase in grant order',
      async () => {
        const coordinators = await made.many(4);
        let holders = 0;
        let most = 0;
        const grants: Array<{ process: number; index: number; nonce: number }> = [];
        const admin = await made.admin();
        const waiters = coordinators.flatMap((c, process) =>
          Array.from({ length: 15 }, async (_, index) => {
            const lease = await c.acquireLane();
            holders++;
            most = Math.max(most, holders);
            grants.push({ process, index, nonce: lease.nonce });
            await admin.ping(); // hold the lane across a round trip to Redis
            holders--;
            lease.release();
          }),
        );
        await Promise.all(waiters);
        expect(most).to.equal(1);
        expect(grants).to.have.length(60);
        for (let i = 1; i < grants.length; i++) {
          expect(grants[i]!.nonce, `grant ${i}`).to.be.greaterThan(grants[i - 1]!.nonce);
        }
        // FIFO within a process: each coordinator served its waiters in the order they asked.
        for (let p = 0; p < 4; p++) {
          const order = grants.filter((g) => g.process === p).map((g) => g.index);
          expect(order, `process ${p}`).to.deep.equal([...order].sort((a, b) => a - b));
        }
        // Fair across processes: while every process still has waiters, none runs ahead.
        const counts = [0, 0, 0, 0];
        for (const grant of grants) {
          counts[grant.process]!++;
          if (counts.some((n) => n === 15)) break;
          expect(Math.max(...counts) - Math.min(...counts), `counts ${counts.join(',')}`).to.be.at.most(2);
        }
      },
    );

    redisIt('hands out nonces never ahead of the clock when it returns them, even in a burst', async () => {
      const [a, b] = await made.many(2);
      const admin = await made.admin();
      const ahead: number[] = [];
      const burst = async (c: RedisCoordinator): Promise<void> => {
        for (let i = 0; i < 40; i++) {
          const lease = await c.acquireLane();
          // Redis's clock and Date.now() are the same clock on this machine.
          ahead.push(lease.nonce - Date.now());
          lease.release();
        }
      };
      await Promise.all([burst(a!), burst(b!)]);
      expect(Math.max(...ahead)).to.be.at.most(0);
      expect(await redisNow(admin)).to.be.at.least(Number(await admin.get(`${made.key}:nonce`)));
    });
    redisIt(
      'never hands out a nonce below an earlier one after FLUSHALL, even within the same millisecond',
      async () => {
        const [a, b] = await made.many(2);
        const admin = await made.admin();
        for (let i = 0; i < 40; i++) {
          const first = await a!.acquireLane();
          first.release();
          await admin.flushall();
          const second = await b!.acquireLane();
          second.release();
          expect(second.nonce, `round ${i}`).to.be.greaterThan(first.nonce);
        }
      },
    );

    redisIt('keeps its own nonces above its floor when Redis forgets a nonce far ahead of the clock', async () => {
      const a = await made.make();
      const admin = await made.admin();
      const farAhead = (await redisNow(admin)) + 3_600_000; // a clock that was an hour ahead
      await admin.set(`${made.key}:nonce`, String(farAhead));
      const lease = await a.acquireLane(); // not waited for an hour: the clock stepped back
      lease.release();
      expect(lease.nonce).to.equal(farAhead + 1);
      await admin.flushall();
      const after = await a.acquireLane();
      after.release();
      expect(after.nonce).to.equal(farAhead + 2);
    });

    redisIt('lets the next holder in within about the lease when the holder stalls (never renews)', async () => {
      const [stalled, next] = await made.many(2, { leaseMs: 300 });
      const admin = await made.admin();
      // The holder's renewal timer is frozen: it holds the lane and stops renewing, as a stalled process does.
      const frozen = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      let old: LaneLease;
      try {
        old = await stalled!.acquireLane();
      } finally {
        frozen.uninstall();
      }
      const oldFence = await admin.get(`${made.key}:lane`);
      expect(oldFence).to.be.a('string');
      const start = Date.now();
      const lease = await next!.acquireLane();
      expect(Date.now() - start).to.be.below(300 + 2_000);
      expect(lease.nonce).to.be.greaterThan(old.nonce);
      const newFence = await admin.get(`${made.key}:lane`);
      expect(Number(newFence)).to.be.greaterThan(Number(oldFence));

      // The stale holder wakes up: its renewal and its release must not touch the new lease.
      await admin.pexpire(`${made.key}:lane`, 60_000);
      frozen.tick(1_000); // runs the stale renewal (leaseMs 300 from now)
      old.release();
      old.release();
      // Its commands went out on its own connection before this one: once this answers, they ran.
      (await stalled!.acquireSlot({ requests: 1000, intervalMs: 1000 })).release();
      expect(await admin.get(`${made.key}:lane`)).to.equal(newFence);
      expect(await admin.pttl(`${made.key}:lane`)).to.be.above(10_000);
      lease.release();
      await until(async () => (await admin.exists(`${made.key}:lane`)) === 0, 10_000, 'the lane freed');
    });

    redisIt('renews a long-held lease: another process waits past leaseMs until it is released', async () => {
      const [holder, other] = await made.many(2, { leaseMs: 200 });
      const lease = await holder!.acquireLane();
      const waiting = other!.acquireLane();
      expect(await settledWithin(waiting, 1_500)).to.equal(false); // 7 leases long
      lease.release();
      const next = await waiting;
      expect(next.nonce).to.be.greaterThan(lease.nonce);
      next.release();
    });

    redisIt('lets a holder in within about the lease when a foreign holder never renews', async () => {
      const a = await made.make({ leaseMs: 300 });
      const admin = await made.admin();
      await admin.set(`${made.key}:lane`, '999999999', 'PX', 400);
      const start = Date.now();
      const lease = await a.acquireLane();
      expect(Date.now() - start).to.be.below(400 + 2_000);
      lease.release();
    });
  });

  describe('aborts', () => {
    redisIt('an aborted lane waiter rejects with QuoineAbortError and the others of its process go on', async () => {
      const [holder, waiting] = await made.many(2);
      const held = await holder!.acquireLane();
      const abort = new AbortController();
      const first = waiting!.acquireLane(abort.signal);
      const second = waiting!.acquireLane();
      const queuedLocally = new AbortController();
      const third = waiting!.acquireLane(queuedLocally.signal);
      const fourth = waiting!.acquireLane();
      abort.abort();
      queuedLocally.abort();
      expect(await rejection(first)).to.be.instanceOf(QuoineAbortError);
      expect(await rejection(third)).to.be.instanceOf(QuoineAbortError);
      held.release();
      const a = await second;
      a.release();
      const b = await fourth;
      b.release();
      expect(b.nonce).to.be.greaterThan(a.nonce);
    });

    redisIt('an aborted waiter leaves the Redis queue: a process queued behind it is not held up', async () => {
      const [holder, quitter, patient] = await made.many(3);
      const admin = await made.admin();
      const queue = `${made.key}:queue`;
      const held = await holder!.acquireLane();
      const abort = new AbortController();
      const quitting = quitter!.acquireLane(abort.signal);
      await until(async () => (await admin.zcard(queue)) === 1, 10_000, 'the quitter queued');
      const waiting = patient!.acquireLane();
      await until(async () => (await admin.zcard(queue)) === 2, 10_000, 'the patient one queued');
      abort.abort();
      expect(await rejection(quitting)).to.be.instanceOf(QuoineAbortError);
      await until(async () => (await admin.zcard(queue)) === 1, 10_000, 'the quitter left the queue');
      held.release();
      const lease = await waiting;
      lease.release();
      expect(lease.nonce).to.be.greaterThan(held.nonce);
    });

    redisIt('an aborted slot waiter rejects at once, even while queued behind a waiter of its process', async () => {
      const [a, b] = await made.many(2);
      const limit = { requests: 1, intervalMs: 60_000 };
      await a!.acquireSlot(limit); // the window is full for a minute
      const stop = new AbortController();
      const head = rejection(b!.acquireSlot(limit, stop.signal));
      const abort = new AbortController();
      const queued = b!.acquireSlot(limit, abort.signal);
      const other = new AbortController();
      const waiting = rejection(a!.acquireSlot(limit, other.signal));
      abort.abort();
      other.abort();
      expect(await settledWithin(queued, 1_000), 'the waiter queued behind the head').to.equal(true);
      expect(await rejection(queued)).to.be.instanceOf(QuoineAbortError);
      expect(await waiting).to.be.instanceOf(QuoineAbortError);
      stop.abort();
      expect(await head).to.be.instanceOf(QuoineAbortError);
      // None of them took a slot.
      const admin = await made.admin();
      expect(await admin.zcard(`${made.key}:slots`)).to.equal(1);
    });
  });

  describe('the shared rate-limit window', () => {
    /**
     * Every grant's receive time `V` (≥ its grant in Redis time) and every release's call time `L`
     * (≤ the time its slot counts from): the m-th grant needs m − requests slots expired before it.
     */
    function expectWithinWindow(grants: number[], releases: number[], requests: number, intervalMs: number): void {
      const sorted = [...grants].sort((x, y) => x - y);
      sorted.forEach((v, i) => {
        const m = i + 1;
        if (m <= requests) return;
        const expired = releases.filter((l) => l <= v - intervalMs).length;
        expect(expired, `grant ${m} at ${v}`).to.be.at.least(m - requests);
      });
    }

    redisIt('never grants more than `requests` in any window across 3 coordinators', async () => {
      const coordinators = await made.many(3);
      const limit = { requests: 4, intervalMs: 1_500 };
      const grants: number[] = [];
      const releases: number[] = [];
      await Promise.all(
        coordinators.flatMap((c) =>
          Array.from({ length: 4 }, async () => {
            const slot = await c.acquireSlot(limit);
            grants.push(Date.now());
            releases.push(Date.now());
            slot.release();
          }),
        ),
      );
      expect(grants).to.have.length(12);
      expectWithinWindow(grants, releases, limit.requests, limit.intervalMs);
    });

    redisIt('counts a slot from its release (the completion), not from its grant', async () => {
      const [a, b] = await made.many(2);
      const limit = { requests: 1, intervalMs: 1_000 };
      const slot = await a!.acquireSlot(limit);
      const next = b!.acquireSlot(limit);
      await new Promise((resolve) => setTimeout(resolve, 600)); // a slow request
      const released = Date.now();
      slot.release();
      slot.release();
      await next;
      expect(Date.now()).to.be.at.least(released + limit.intervalMs);
    });

    redisIt('pause() holds the slots of every coordinator', async () => {
      const [a, b] = await made.many(2);
      const admin = await made.admin();
      const limit = { requests: 100, intervalMs: 1_000 };
      a!.pause(1_200);
      await until(async () => (await admin.exists(`${made.key}:pause`)) === 1, 10_000, 'the pause reached Redis');
      const until_ = Number(await admin.get(`${made.key}:pause`));
      const slot = await b!.acquireSlot(limit);
      expect(Date.now()).to.be.at.least(until_);
      slot.release();
      // A shorter pause does not cut a longer one short.
      b!.pause(5_000);
      await until(async () => Number(await admin.get(`${made.key}:pause`)) > until_, 10_000, 'the long pause');
      const long = await admin.get(`${made.key}:pause`);
      a!.pause(10);
      (await a!.acquireLane()).release(); // after the pause on a's connection: the pause ran
      expect(await admin.get(`${made.key}:pause`)).to.equal(long);
    });
  });

  describe('close', () => {
    redisIt('is idempotent; later calls reject with QuoineCoordinationError', async () => {
      const a = await made.make();
      await a.close();
      await a.close();
      const lane = await rejection(a.acquireLane());
      expect(lane.name).to.equal('QuoineCoordinationError');
      let slot: Promise<unknown> | undefined;
      expect(() => (slot = a.acquireSlot({ requests: 1, intervalMs: 1000 }))).not.to.throw();
      expect((await rejection(slot!)).name).to.equal('QuoineCoordinationError');
      expect(() => a.pause(10)).not.to.throw();
    });
  });
});
