/**
 * The Redis coordinator when Redis is away or refuses, its options, and its connections: typed
 * `QuoineCoordinationError`s that come fast, name host:port and never the password of the URL;
 * recovery after an empty restart with no nonce going back; `QuoineRequestError` naming the bad
 * option; a caller's own ioredis client never closed.
 */
import net from 'node:net';
import { inspect } from 'node:util';
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { QuoineCoordinationError } from '../../lib/core/coordination-error.js';
import { QuoineRequestError } from '../../lib/core/errors.js';
import { redisCoordinator, type RedisCoordinatorOptions } from '../../lib/redis/index.js';
import type { RedisCoordinator } from '../../lib/redis/redis-coordinator.js';
import { rejection } from '../helpers/rejection.js';
import { freshKey, until } from './coordinators.js';
import { REDIS_AVAILABLE, RedisServer, freePort, redisIt } from './redis-server.js';

const PASSWORD = 'hunter2';

/** Expects a typed coordination error naming `where` and never the password. */
function expectCoordinationError(error: Error, where: string): void {
  expect(error).to.be.instanceOf(QuoineCoordinationError);
  expect((error as QuoineCoordinationError).mayHaveBeenProcessed).to.equal(false);
  expect(error.message).to.include(where);
  expect(inspect(error, { depth: 10 })).not.to.include(PASSWORD);
  expect(JSON.stringify(error)).not.to.include(PASSWORD);
}

/** Connections the server has open (CLIENT LIST), the asking one included. */
async function connectionCount(admin: Redis): Promise<number> {
  const list = (await admin.client('LIST')) as string;
  return list.trim().split('\n').length;
}

describe('redis/coordinator when Redis is away', function () {
  this.timeout(60_000);
  let server: RedisServer;
  let started = false;
  let url: string;
  let where: string;
  let made: RedisCoordinator[];
  /** Starts (or restarts) the server and makes it ask for the password. */
  const startProtected = async (): Promise<void> => {
    if (started) await server.restart();
    else server = await RedisServer.start();
    started = true;
    const setup = new Redis(server.url, { lazyConnect: true });
    await setup.connect();
    await setup.config('SET', 'requirepass', PASSWORD);
    setup.disconnect();
  };
  const make = async (options: Partial<RedisCoordinatorOptions> = {}): Promise<RedisCoordinator> => {
    const coordinator = await redisCoordinator({ url, key: 'quoine:outage', ...options });
    made.push(coordinator);
    return coordinator;
  };
  before(async () => {
    if (!REDIS_AVAILABLE) return;
    await startProtected();
    url = `redis://:${PASSWORD}@127.0.0.1:${server.port}`;
    where = `127.0.0.1:${server.port}`;
  });
  after(async () => {
    if (REDIS_AVAILABLE) await server.kill();
  });
  beforeEach(() => (made = []));
  afterEach(async () => {
    await Promise.all(made.map((c) => c.close()));
  });

  redisIt('redisCoordinator() on a port where nothing listens rejects typed within timeoutMs', async () => {
    const port = await freePort();
    const start = Date.now();
    const error = await rejection(
      redisCoordinator({ url: `redis://:${PASSWORD}@127.0.0.1:${port}`, key: freshKey(), timeoutMs: 1_500 }),
    );
    expect(Date.now() - start).to.be.below(1_500 + 1_000);
    expectCoordinationError(error, `127.0.0.1:${port}`);
  });

  redisIt(
    'redisCoordinator() on a server that never answers rejects typed within timeoutMs, leaving no socket',
    async () => {
      const sockets = new Set<net.Socket>();
      const silent = net.createServer((socket) => {
        sockets.add(socket);
        socket.resume(); // read what the client sends, and its FIN
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as net.AddressInfo;
      try {
        const start = Date.now();
        const error = await rejection(
          redisCoordinator({ url: `redis://:${PASSWORD}@127.0.0.1:${port}`, key: freshKey(), timeoutMs: 500 }),
        );
        expect(Date.now() - start).to.be.below(500 + 1_500);
        expectCoordinationError(error, `127.0.0.1:${port}`);
        await until(() => sockets.size === 0, 5_000, 'every socket to the silent server closed');
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    },
  );

  redisIt('a wrong password is a typed error that does not echo it', async () => {
    const error = await rejection(
      redisCoordinator({ url: `redis://:wrong-${PASSWORD}@127.0.0.1:${server.port}`, key: freshKey() }),
    );
    expectCoordinationError(error, where);
  });

  redisIt(
    'killed mid-wait: lane and slot waiters fail fast and typed; after an empty restart the coordinators recover with no nonce going back',
    async () => {
      const timeoutMs = 5_000;
      const [holder, waiter] = [await make({ timeoutMs }), await make({ timeoutMs })];
      const nonces: number[] = [];
      for (let i = 0; i < 5; i++) {
        const lease = await (i % 2 === 0 ? holder : waiter).acquireLane();
        nonces.push(lease.nonce);
        lease.release();
      }
      const held = await holder.acquireLane();
      nonces.push(held.nonce);
      const limit = { requests: 1, intervalMs: 60_000 };
      (await holder.acquireSlot(limit)).release(); // the window is full for a minute
      const lane = rejection(waiter.acquireLane());
      const slot = rejection(waiter.acquireSlot(limit));
      await new Promise((resolve) => setTimeout(resolve, 300)); // both are waiting in Redis now
      const killed = Date.now();
      await server.kill();
      expectCoordinationError(await lane, where);
      expectCoordinationError(await slot, where);
      expect(Date.now() - killed, 'known down: no waiting for timeoutMs').to.be.below(timeoutMs / 2);

      // While down: every call fails at once, typed; pause() is best effort and never throws.
      const down = Date.now();
      expectCoordinationError(await rejection(waiter.acquireLane()), where);
      expectCoordinationError(await rejection(holder.acquireSlot(limit)), where);
      expect(Date.now() - down).to.be.below(timeoutMs / 2);
      expect(() => holder.pause(1_000)).not.to.throw();
      held.release(); // the lease died with the server: releasing it is harmless

      await startProtected(); // empty: the nonce, the lane and the window are gone
      // Each coordinator reconnects on its own (its own connection and backoff): wait for both.
      const recoveredNonces: number[] = [];
      for (const coordinator of [waiter, holder]) {
        await until(
          async () => {
            try {
              const lease = await coordinator.acquireLane();
              lease.release();
              recoveredNonces.push(lease.nonce);
              return true;
            } catch (error) {
              expect(error).to.be.instanceOf(QuoineCoordinationError);
              return false;
            }
          },
          20_000,
          'the coordinator recovered',
        );
      }
      const [recovered, recoveredToo] = recoveredNonces as [number, number];
      expect(recoveredToo).to.be.greaterThan(recovered);
      expect(recovered).to.be.greaterThan(Math.max(...nonces));
      // Both work again, and hand each other the lane.
      const again = await holder.acquireLane();
      const next = waiter.acquireLane();
      again.release();
      const last = await next;
      last.release();
      expect(again.nonce).to.be.greaterThan(recoveredToo);
      expect(last.nonce).to.be.greaterThan(again.nonce);
    },
  );
});

describe('redis/coordinator options and connections', function () {
  this.timeout(30_000);
  let server: RedisServer;
  before(async () => {
    if (REDIS_AVAILABLE) server = await RedisServer.start();
  });
  after(async () => {
    if (REDIS_AVAILABLE) await server.kill();
  });

  const refusals: Array<[string, () => Partial<RedisCoordinatorOptions>, string]> = [
    ['an http url', () => ({ url: 'http://127.0.0.1:6379' }), 'url'],
    ['a url that is not one', () => ({ url: 'not a url' }), 'url'],
    ['no url and no client', () => ({ url: undefined as unknown as string }), 'url'],
    ['an empty key', () => ({ key: '' }), 'key'],
    ['a blank key', () => ({ key: '   ' }), 'key'],
    ['a key of 201 characters', () => ({ key: 'k'.repeat(201) }), 'key'],
    ['leaseMs below 100', () => ({ leaseMs: 99 }), 'leaseMs'],
    ['a fractional leaseMs', () => ({ leaseMs: 1000.5 }), 'leaseMs'],
    ['leaseMs NaN', () => ({ leaseMs: Number.NaN }), 'leaseMs'],
    ['leaseMs as a string', () => ({ leaseMs: '1000' as unknown as number }), 'leaseMs'],
    ['leaseMs beyond a timer', () => ({ leaseMs: 2 ** 31 }), 'leaseMs'],
    ['timeoutMs 0', () => ({ timeoutMs: 0 }), 'timeoutMs'],
  ];
  for (const [what, options, field] of refusals) {
    redisIt(`refuses ${what} with a QuoineRequestError naming ${field}`, async () => {
      const error = await rejection(redisCoordinator({ url: server.url, key: freshKey(), ...options() }));
      expect(error).to.be.instanceOf(QuoineRequestError);
      expect((error as QuoineRequestError).field).to.equal(field);
    });
  }

  redisIt('refuses both url and client, naming url, and leaves the client alone', async () => {
    const client = new Redis(server.url);
    try {
      const error = await rejection(redisCoordinator({ url: server.url, client, key: freshKey() }));
      expect(error).to.be.instanceOf(QuoineRequestError);
      expect((error as QuoineRequestError).field).to.equal('url');
      expect(await client.ping()).to.equal('PONG');
    } finally {
      client.disconnect();
    }
  });

  redisIt('refuses non-objects as options', async () => {
    for (const options of [undefined, null, 'redis://127.0.0.1']) {
      const error = await rejection(redisCoordinator(options as unknown as RedisCoordinatorOptions));
      expect(error).to.be.instanceOf(QuoineRequestError);
    }
  });

  redisIt('never closes a client of the caller; close() is idempotent and frees its own connection', async () => {
    const admin = new Redis(server.url);
    const client = new Redis(server.url);
    try {
      await client.ping();
      const before = await connectionCount(admin);
      const coordinator = await redisCoordinator({ client, key: freshKey() });
      const lease = await coordinator.acquireLane();
      lease.release();
      expect(await connectionCount(admin)).to.equal(before + 1); // the subscriber
      await coordinator.close();
      await coordinator.close();
      expect(client.status).to.equal('ready');
      expect(await client.ping()).to.equal('PONG');
      await until(async () => (await connectionCount(admin)) === before, 5_000, 'the subscriber closed');
      const error = await rejection(coordinator.acquireLane());
      expect(error).to.be.instanceOf(QuoineCoordinationError);
    } finally {
      client.disconnect();
      admin.disconnect();
    }
  });

  redisIt('close() of a coordinator made from a url closes both its connections', async () => {
    const admin = new Redis(server.url);
    try {
      await admin.ping();
      const before = await connectionCount(admin);
      const coordinator = await redisCoordinator({ url: server.url, key: freshKey() });
      expect(await connectionCount(admin)).to.equal(before + 2);
      await coordinator.close();
      await until(async () => (await connectionCount(admin)) === before, 5_000, 'both connections closed');
      expect(await rejection(coordinator.acquireSlot({ requests: 1, intervalMs: 1000 }))).to.be.instanceOf(
        QuoineCoordinationError,
      );
    } finally {
      admin.disconnect();
    }
  });
});
