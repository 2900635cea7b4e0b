/**
 * Many processes on one token, coordinated through a real redis-server, against the sandbox over
 * real sockets: the signing lane keeps nonces in arrival order across processes, the shared window
 * keeps them jointly under the exchange's limit, a killed lane holder blocks the others only for
 * its lease, and a Redis that restarts empty brings typed errors, then recovery with no nonce
 * going back. A counting proxy in front of the sandbox sees every request in arrival order.
 */
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.js';
import { startCountingProxy, type CountingProxy } from '../helpers/counting-proxy.js';
import { startFreezeProxy, type FreezeProxy } from '../integration/freeze-proxy.js';
import { RedisServer, redisIt } from './redis-server.js';
import { failures, Worker } from './workers.js';
import type { WorkerOrder } from './worker.js';

const BTCJPY = 5;
const FUNDS = { JPY: '1000000000', BTC: '100' };

/** The nonces of the signed requests the proxy saw, in arrival order (placements by client id carry none). */
function noncesOf(proxy: CountingProxy): number[] {
  return proxy.tokens
    .map((token) => (jwt.decode(token) as { nonce?: number } | null)?.nonce)
    .filter((nonce): nonce is number => nonce !== undefined);
}

function strictlyIncreasing(values: readonly number[]): boolean {
  return values.every((v, i) => i === 0 || v > (values[i - 1] as number));
}

describe('many processes on one token, through Redis (spec/redis/processes)', function () {
  this.timeout(120_000);
  let redis: RedisServer | undefined;
  let sandbox: Sandbox | undefined;
  let proxy: CountingProxy | undefined;
  let freeze: FreezeProxy | undefined;
  let workers: Worker[] = [];

  afterEach(async () => {
    await Promise.all(workers.map((w) => w.kill()));
    workers = [];
    await freeze?.close();
    await proxy?.close();
    await sandbox?.close();
    await redis?.kill();
    [freeze, proxy, sandbox, redis] = [undefined, undefined, undefined, undefined];
  });

  /** A sandbox (with `rateLimit` per 5 minutes of its `now`), a counting proxy, redis, and a funded token. */
  async function setUp(
    rateLimit: number | false,
    now?: () => number,
  ): Promise<Omit<WorkerOrder, 'calls' | 'rateLimit'> & { userId: number }> {
    redis = await RedisServer.start();
    sandbox = await startSandbox({ port: 0, market: false, rateLimit, ...(now ? { now } : {}) });
    proxy = await startCountingProxy(sandbox.url);
    const token = sandbox.createToken(FUNDS);
    return {
      baseUrl: proxy.url,
      tokenId: token.tokenId,
      secret: token.secret,
      redisUrl: redis.url,
      key: `quoine:${token.tokenId}`,
      leaseMs: 1_000,
      productId: BTCJPY,
      userId: token.userId,
    };
  }

  async function startWorkers(count: number): Promise<Worker[]> {
    const started = await Promise.all(Array.from({ length: count }, () => Worker.start()));
    workers.push(...started);
    return started;
  }

  redisIt(
    '4 processes × 250 signed calls: every call answered, 0 "Nonce is too small", 0 × 429, nonces in arrival order',
    async () => {
      // The sandbox's limit is the clients' shared window: 1,000 calls fit, but only if shared.
      const base = await setUp(1_000);
      const all = await startWorkers(4);
      for (const w of all) w.run({ ...base, calls: 250, rateLimit: { requests: 1_000, intervalMs: 300_000 } });
      const reports = await Promise.all(all.map((w) => w.done()));
      for (const report of reports) {
        expect(report.errors).to.deep.equal({});
        expect(report.ok).to.equal(250);
        expect(report.placed).to.equal(125);
      }
      const p = proxy as CountingProxy;
      expect([...p.statuses.entries()]).to.deep.equal([[200, 1_000]]);
      const nonces = noncesOf(p);
      expect(nonces).to.have.length(1_000);
      expect(strictlyIncreasing(nonces)).to.equal(true);
      // Nothing lost, nothing doubled: the exchange holds exactly the 500 orders placed.
      expect((sandbox as Sandbox).exchange.orders(base.userId)).to.have.length(500);
    },
  );

  redisIt(
    'kill -9 of the lane holder mid-request: the others go on once its lease ends, nonces still in order',
    async () => {
      const base = await setUp(false);
      // The holder talks through a proxy that swallows its request: it holds the lane, waiting.
      freeze = await startFreezeProxy(Number(new URL((sandbox as Sandbox).url).port));
      freeze.freeze();
      const [holder] = await startWorkers(1);
      (holder as Worker).run({ ...base, baseUrl: `http://127.0.0.1:${freeze.port}`, calls: 1, rateLimit: false });
      await (redis as RedisServer).until(async (r) => (await r.get(`${base.key}:lane`)) !== null);
      const others = await startWorkers(2);
      for (const w of others) w.run({ ...base, calls: 50, rateLimit: false });
      const killedAt = Date.now();
      await (holder as Worker).kill();
      const reports = await Promise.all(others.map((w) => w.done()));
      const waited = Date.now() - killedAt;
      for (const report of reports) {
        expect(report.errors).to.deep.equal({});
        expect(report.ok).to.equal(50);
      }
      // Blocked for the rest of the lease (1 s), not for the dead holder's 30 s request timeout.
      expect(waited).to.be.below(base.leaseMs + 10_000);
      const p = proxy as CountingProxy;
      expect([...p.statuses.entries()]).to.deep.equal([[200, 100]]);
      expect(strictlyIncreasing(noncesOf(p))).to.equal(true);
    },
  );

  redisIt(
    'Redis killed and restarted empty mid-run: typed errors while it is away, then recovery, no nonce going back',
    async () => {
      const base = await setUp(false);
      const pair = await startWorkers(2);
      for (const w of pair) w.run({ ...base, rateLimit: { requests: 10_000, intervalMs: 300_000 } });
      await Promise.all(pair.map((w) => w.until((r) => r.ok >= 20)));
      await (redis as RedisServer).kill();
      await Promise.all(pair.map((w) => w.until((r) => failures(r) >= 3)));
      const okWhileDown = pair.map((w) => w.last.ok);
      await (redis as RedisServer).restart();
      await Promise.all(pair.map((w, i) => w.until((r) => r.ok >= (okWhileDown[i] as number) + 20)));
      for (const w of pair) w.stop();
      const reports = await Promise.all(pair.map((w) => w.done()));
      for (const report of reports) {
        // While Redis was away every call failed typed, before sending: nothing else went wrong.
        expect(Object.keys(report.errors)).to.deep.equal(['QuoineCoordinationError']);
      }
      const p = proxy as CountingProxy;
      expect([...p.statuses.keys()]).to.deep.equal([200]);
      const nonces = noncesOf(p);
      expect(nonces.length).to.be.at.least(80);
      expect(strictlyIncreasing(nonces)).to.equal(true);
    },
  );

  redisIt(
    '3 processes under a small shared rate limit: never jointly over it (0 × 429), and at ≥ 95 % of it',
    async () => {
      // 20 requests per 5 minutes of a sandbox clock running 200× real time: 20 per 1.5 s.
      const start = Date.now();
      const base = await setUp(20, () => start + (Date.now() - start) * 200);
      const trio = await startWorkers(3);
      for (const w of trio) w.run({ ...base, rateLimit: { requests: 20, intervalMs: 1_500 } });
      const p = proxy as CountingProxy;
      const target = 101; // 6 windows: the bound for 101 requests is 5 × 1.5 s
      await new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (p.arrivals.length < target) return;
          clearInterval(check);
          resolve();
        }, 10);
      });
      for (const w of trio) w.stop();
      await Promise.all(trio.map((w) => w.done()));
      expect(p.statuses.get(429) ?? 0).to.equal(0);
      const arrivals = p.arrivals.slice(0, target);
      const bound = Math.floor((target - 1) / 20) * 1_500;
      const took = (arrivals.at(-1) as number) - (arrivals[0] as number);
      expect(took).to.be.at.least(bound); // never faster than the limit allows
      expect(bound / took).to.be.at.least(0.95); // and not much slower
    },
  );
});
