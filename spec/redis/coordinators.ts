/**
 * Helpers of the Redis coordinator specs: coordinators on a real redis-server (each one stands for
 * a process of the token), closed after each spec, an admin connection to look at and tamper with
 * the keys, and waits on conditions (never bare sleeps) with generous deadlines.
 */
import { Redis } from 'ioredis';
import { redisCoordinator, type RedisCoordinatorOptions } from '../../lib/redis/index.js';
import type { RedisCoordinator } from '../../lib/redis/redis-coordinator.js';
import type { RedisServer } from './redis-server.js';

let keys = 0;

/** A key of its own for each spec, so no spec sees another's lane or window. */
export function freshKey(): string {
  return `quoine:spec:${process.pid}:${++keys}`;
}

/** Coordinators (and admin connections) made by one spec, closed after it. */
export class Coordinators {
  readonly #server: RedisServer;
  readonly #made: RedisCoordinator[] = [];
  readonly #admins: Redis[] = [];
  /** The key every coordinator of this spec shares unless told otherwise. */
  readonly key = freshKey();

  /** @param server the redis-server of the suite */
  constructor(server: RedisServer) {
    this.#server = server;
  }

  /** A coordinator (one "process") on the shared key. */
  async make(options: Partial<RedisCoordinatorOptions> = {}): Promise<RedisCoordinator> {
    const coordinator = await redisCoordinator({ url: this.#server.url, key: this.key, ...options });
    this.#made.push(coordinator);
    return coordinator;
  }

  /** `n` coordinators on the shared key. */
  async many(n: number, options: Partial<RedisCoordinatorOptions> = {}): Promise<RedisCoordinator[]> {
    const made: RedisCoordinator[] = [];
    for (let i = 0; i < n; i++) made.push(await this.make(options));
    return made;
  }

  /** A plain connection, for looking at keys and for FLUSHALL. */
  async admin(): Promise<Redis> {
    const admin = new Redis(this.#server.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    admin.on('error', () => undefined);
    await admin.connect();
    this.#admins.push(admin);
    return admin;
  }

  /** Closes everything made (twice is harmless: close() is idempotent). */
  async closeAll(): Promise<void> {
    await Promise.all(this.#made.map((c) => c.close()));
    for (const admin of this.#admins) admin.disconnect();
  }
}

/** Resolves once `condition()` holds, polling every 10 ms; fails after `deadlineMs`. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  deadlineMs = 10_000,
  what = 'condition',
): Promise<void> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > end) throw new Error(`${what} did not hold within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Whether `promise` has settled after the pending I/O and timers of the next `ms` ran. */
export async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return settled;
}

/** Redis's clock in ms. */
export async function redisNow(admin: Redis): Promise<number> {
  const [seconds, micros] = await admin.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/** A promise and the function that resolves it. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
