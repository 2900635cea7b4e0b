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
import { startCountingProxy, type CountingProxy } from '../integration/counting-proxy.js';
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
});
