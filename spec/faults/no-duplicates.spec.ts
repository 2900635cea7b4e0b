/**
 * 1,000 order placements through random faults (issue 7): the sandbox ends with no order placed
 * twice, and every outcome the SDK reported is true of the exchange.
 */
import { expect } from 'chai';
import { Quoine } from '../../lib/client.js';
import { QuoineConnectionError, QuoineError, QuoineResponseError } from '../../lib/core/errors.js';
import { startSandbox, type FaultAction, type Sandbox } from '../../lib/sandbox/index.js';

const PLACEMENTS = 1000;
const CLIENTS = 10;
const FAULT_KINDS: readonly FaultAction[] = [
  { kind: 'status', status: 503 },
  { kind: 'status', status: 429, retryAfter: '0.01' },
  { kind: 'reset-before' },
  { kind: 'reset-after' },
  { kind: 'truncated-body' },
  { kind: 'malformed-body' },
  { kind: 'delay', ms: 250 },
];

/** A small deterministic PRNG, so a failure can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Claim = 'placed' | 'not placed' | 'unknown';

/** What happens to placement `n`: drawn up front from the seed, so a run does not depend on scheduling. */
interface Placement {
  readonly quantity: string;
  readonly fault: FaultAction | undefined;
  readonly clientOrderId: string | undefined;
}

function plan(seed: number): Placement[] {
  const random = mulberry32(seed);
  return Array.from({ length: PLACEMENTS }, (_, n) => ({
    quantity: `0.01${String(n).padStart(5, '0')}1`, // unique per placement, no trailing zero, 8 decimals (BTC's precision)
    fault: random() < 0.3 ? FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)] : undefined,
    clientOrderId: random() < 0.5 ? `dup-${n}` : undefined,
  }));
}

describe('1,000 order placements under random faults', function () {
  this.timeout(180_000);
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, market: false, rateLimit: false });
  });
  after(() => sandbox.close());

  it('never duplicates an order, and every reported outcome is true', async () => {
    const SEED = 20261127;
    const placements = plan(SEED);
    const users = Array.from({ length: CLIENTS }, () => sandbox.createToken({ JPY: '100000000000' }));
    const clients = users.map(
      (u) => new Quoine({ baseUrl: sandbox.url, tokenId: u.tokenId, secret: u.secret, rateLimit: false, timeout: 150 }),
    );
    // Each fault is keyed to its own placement by the placement's unique quantity, so a fault can
    // never be taken by another worker's request, whatever the interleaving.
    for (const { quantity, fault } of placements) {
      if (fault !== undefined)
        sandbox.faults.add({ method: 'POST', path: '/orders', bodyContains: `"${quantity}"`, ...fault });
    }
    const claims = new Map<string, { user: number; claim: Claim }>();
    const errors = new Map<string, string>();
    let next = 0;
    const worker = async (index: number): Promise<void> => {
      const client = clients[index] as Quoine;
      while (next < PLACEMENTS) {
        const { quantity, clientOrderId } = placements[next++] as Placement;
        let claim: Claim;
        try {
          await client.orders.limitBuy(5, quantity, '950000', clientOrderId ? { clientOrderId } : {});
          claim = 'placed';
        } catch (e) {
          // Kept for the failure message: what the SDK said about a placement whose claim is false.
          errors.set(
            quantity,
            e instanceof QuoineError
              ? `${e.name} after ${(e as { attempts?: number }).attempts ?? '?'} attempt(s): ${e.message}`
              : String(e),
          );
          if (e instanceof QuoineConnectionError) claim = e.mayHaveBeenProcessed ? 'unknown' : 'not placed';
          else if (e instanceof QuoineResponseError) claim = 'unknown';
          else if (e instanceof QuoineError) claim = 'not placed';
          else throw e;
        }
        claims.set(quantity, { user: (users[index] as { userId: number }).userId, claim });
      }
    };
    await Promise.all(clients.map((_, i) => worker(i)));
    // Requests a client gave up on (a delay longer than its timeout) may still be processing.
    await sandbox.idle();
    await Promise.all(clients.map((c) => c.close()));

    const counts = new Map<string, number>();
    for (const u of users)
      for (const o of sandbox.exchange.orders(u.userId))
        counts.set(o.quantity.toFixed(), (counts.get(o.quantity.toFixed()) ?? 0) + 1);
    const duplicated = [...counts.entries()].filter(([, c]) => c > 1);
    expect(duplicated, `orders placed twice (seed ${SEED})`).to.deep.equal([]);
    expect(claims.size).to.equal(PLACEMENTS);
    const tally = { placed: 0, 'not placed': 0, unknown: 0 };
    for (const [quantity, { claim }] of claims) {
      tally[claim]++;
      const exists = counts.get(quantity) ?? 0;
      const context = `(seed ${SEED}; fault ${JSON.stringify(placements.find((p) => p.quantity === quantity)?.fault)}; ${errors.get(quantity) ?? 'no error'})`;
      if (claim === 'placed') expect(exists, `${quantity} reported placed ${context}`).to.equal(1);
      if (claim === 'not placed') expect(exists, `${quantity} reported not placed ${context}`).to.equal(0);
    }
    expect(tally.placed).to.be.greaterThan(PLACEMENTS / 2);
  });
});
