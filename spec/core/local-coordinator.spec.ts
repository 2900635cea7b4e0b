/**
 * The default coordinator (one process): the lane is exclusive and first come, first served, its
 * nonces strictly increase, an aborted waiter passes its turn on; slots are shared per window,
 * paused together, and an aborted slot waiter rejects at once.
 */
import { expect } from 'chai';
import { QuoineAbortError } from '../../lib/core/errors.js';
import { LocalCoordinator } from '../../lib/core/local-coordinator.js';
import { rejection } from '../helpers/rejection.js';

/** Whether `promise` settled once the timers of the next `ms` ran. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return settled;
}

describe('core/local-coordinator', () => {
  it('lets one holder at a time through, in the order asked, with strictly increasing nonces', async () => {
    const coordinator = new LocalCoordinator();
    let holders = 0;
    let most = 0;
    const grants: Array<{ index: number; nonce: number; now: number }> = [];
    await Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        const lease = await coordinator.acquireLane();
        holders++;
        most = Math.max(most, holders);
        grants.push({ index, nonce: lease.nonce, now: Date.now() });
        await new Promise((resolve) => setImmediate(resolve));
        holders--;
        lease.release();
        lease.release(); // idempotent: must not let two later waiters in at once
      }),
    );
    expect(most).to.equal(1);
    expect(grants.map((g) => g.index)).to.deep.equal(Array.from({ length: 200 }, (_, i) => i));
    for (let i = 1; i < grants.length; i++) expect(grants[i]!.nonce).to.be.greaterThan(grants[i - 1]!.nonce);
    // Nonces start from the clock: the first is never behind it.
    expect(grants[0]!.nonce).to.be.at.least(grants[0]!.now - 1_000);
  });

  it('an aborted waiter rejects with QuoineAbortError and passes its turn on; an aborted signal never gets the lane', async () => {
    const coordinator = new LocalCoordinator();
    const held = await coordinator.acquireLane();
    const abort = new AbortController();
    const quitter = coordinator.acquireLane(abort.signal);
    const next = coordinator.acquireLane();
    const already = coordinator.acquireLane(AbortSignal.abort());
    abort.abort();
    expect(await rejection(quitter)).to.be.instanceOf(QuoineAbortError);
    expect(await rejection(already)).to.be.instanceOf(QuoineAbortError);
    expect(await settledWithin(next, 20)).to.equal(false); // the holder still holds it
    held.release();
    const lease = await next;
    expect(lease.nonce).to.be.greaterThan(held.nonce);
    lease.release();
    (await coordinator.acquireLane()).release();
  });

  it('shares one window per budget; pause() holds every window', async () => {
    const coordinator = new LocalCoordinator();
    const small = { requests: 2, intervalMs: 60_000 };
    (await coordinator.acquireSlot(small)).release();
    (await coordinator.acquireSlot({ ...small })).release(); // the same budget: the same window
    expect(coordinator.delayBeforeNext(small)).to.be.above(50_000);
    const other = { requests: 5, intervalMs: 1_000 };
    expect(coordinator.delayBeforeNext(other)).to.equal(0);
    coordinator.pause(30_000);
    expect(coordinator.delayBeforeNext(other)).to.be.above(20_000);
    expect(coordinator.delayBeforeNext(small)).to.be.above(50_000);
  });

  it('an aborted slot waiter rejects at once, even queued behind another waiter, and takes no slot', async () => {
    const coordinator = new LocalCoordinator();
    const limit = { requests: 1, intervalMs: 60_000 };
    await coordinator.acquireSlot(limit);
    const stop = new AbortController();
    const head = rejection(coordinator.acquireSlot(limit, stop.signal));
    const abort = new AbortController();
    const queued = coordinator.acquireSlot(limit, abort.signal);
    abort.abort();
    expect(await settledWithin(queued, 200)).to.equal(true);
    expect(await rejection(queued)).to.be.instanceOf(QuoineAbortError);
    stop.abort();
    expect(await head).to.be.instanceOf(QuoineAbortError);
  });

  it('close() resolves, twice', async () => {
    const coordinator = new LocalCoordinator();
    await coordinator.close();
    await coordinator.close();
  });
});
