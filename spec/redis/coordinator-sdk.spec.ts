/**
 * The Redis coordinator through the SDK, against the sandbox over real sockets: clients of one
 * token in two "processes" (two coordinators) sign concurrently without one nonce refused;
 * clientOrderId placements skip the lane but take a slot of the shared window.
 */
import { expect } from 'chai';
import { Quoine } from '../../lib/client.js';
import type { Coordinator } from '../../lib/core/coordinator.js';
import { QuoineAbortError, QuoineRequestError } from '../../lib/core/errors.js';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.js';
import { startCountingProxy, type CountingProxy } from '../helpers/counting-proxy.js';
import { rejection } from '../helpers/rejection.js';
import { Coordinators } from './coordinators.js';
import { REDIS_AVAILABLE, RedisServer, redisIt } from './redis-server.js';

describe('redis/coordinator through the SDK', function () {
  this.timeout(60_000);
  let server: RedisServer;
  let sandbox: Sandbox;
  let proxy: CountingProxy;
  let made: Coordinators;
  const clients: Quoine[] = [];
  before(async () => {
    if (!REDIS_AVAILABLE) return;
    server = await RedisServer.start();
    sandbox = await startSandbox({ port: 0, profile: 'liquid', market: false, rateLimit: false });
    proxy = await startCountingProxy(sandbox.url);
  });
  after(async () => {
    if (!REDIS_AVAILABLE) return;
    await proxy.close();
    await sandbox.close();
    await server.kill();
  });
  beforeEach(() => {
    if (REDIS_AVAILABLE) made = new Coordinators(server);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    if (REDIS_AVAILABLE) await made.closeAll();
  });

  const client = (token: { tokenId: string; secret: string }, coordinator: Coordinator): Quoine => {
    const made_ = new Quoine({
      baseUrl: proxy.url,
      tokenId: token.tokenId,
      secret: token.secret,
      coordinator,
      rateLimit: { requests: 10_000, intervalMs: 60_000 },
      maxRetries: 0,
    });
    clients.push(made_);
    return made_;
  };

  redisIt(
    'two processes × 2 clients × 30 concurrent signed calls on one token: all answered, no nonce refused',
    async () => {
      const token = sandbox.createToken({ JPY: '100000000' });
      const [one, two] = await made.many(2);
      const all = [client(token, one!), client(token, one!), client(token, two!), client(token, two!)];
      const before = proxy.statuses.get(200) ?? 0;
      const calls = all.flatMap((c) =>
        Array.from({ length: 30 }, (_, i) =>
          i % 2 === 0 ? c.accounts.balances() : c.orders.limitBuy(5, '0.001', String(900_000 + i)),
        ),
      );
      const results = await Promise.allSettled(calls);
      expect(results.filter((r) => r.status === 'rejected')).to.deep.equal([]);
      expect(proxy.statuses.get(401) ?? 0, proxy.unauthorizedBodies.join('; ')).to.equal(0);
      expect((proxy.statuses.get(200) ?? 0) - before).to.equal(120);
      expect(sandbox.exchange.orders(token.userId)).to.have.length(60);
      const admin = await made.admin();
      expect(await admin.zcard(`${made.key}:slots`)).to.equal(120); // every call took a shared slot
    },
  );

  redisIt('clientOrderId placements skip the lane (another process holds it forever) but take a slot', async () => {
    const token = sandbox.createToken({ JPY: '100000000' });
    const [holder, mine] = await made.many(2);
    const held = await holder!.acquireLane();
    try {
      const c = client(token, mine!);
      const admin = await made.admin();
      const order = await c.orders.limitBuy(5, '0.001', '900000', { clientOrderId: 'skip-the-lane-1' });
      expect(order.clientOrderId).to.equal('skip-the-lane-1');
      expect(await admin.zcard(`${made.key}:slots`)).to.equal(1);
      // A nonce-signed call does wait for the lane, and gives up on its signal.
      const abort = new AbortController();
      const waiting = rejection(c.accounts.balances({ signal: abort.signal }));
      const second = await c.orders.limitBuy(5, '0.001', '900001', { clientOrderId: 'skip-the-lane-2' });
      expect(second.clientOrderId).to.equal('skip-the-lane-2');
      abort.abort();
      expect(await waiting).to.be.instanceOf(QuoineAbortError);
    } finally {
      held.release();
    }
    const after = await client(token, mine!).accounts.balances();
    expect(after).to.be.an('array');
  });

  redisIt('refuses a coordinator option that is not a Coordinator, naming the option', () => {
    const closeless = { acquireLane: () => undefined, acquireSlot: () => undefined, pause: () => undefined };
    for (const coordinator of [null, {}, 'redis://127.0.0.1', closeless]) {
      let error: unknown;
      try {
        new Quoine({ tokenId: '1', secret: 's', coordinator: coordinator as unknown as Coordinator });
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(coordinator)).to.be.instanceOf(QuoineRequestError);
      expect((error as QuoineRequestError).field).to.equal('coordinator');
    }
    return Promise.resolve();
  });
});
