/**
 * `quoine/redis`: one API token shared by many processes and machines, coordinated through a
 * Redis server. Processes that never import this entry point load nothing of it (nor ioredis).
 *
 * ```ts
 * import { Quoine } from 'quoine';
 * import { redisCoordinator } from 'quoine/redis';
 *
 * const coordinator = await redisCoordinator({ url: 'redis://127.0.0.1:6379', key: `quoine:${tokenId}` });
 * const client = new Quoine({ tokenId, secret, coordinator });
 * // … in every process of the token, the same url, key and rateLimit …
 * await client.close();
 * await coordinator.close();
 * ```
 * @module
 */
import { Redis } from 'ioredis';
import { QuoineCoordinationError } from '../core/errors.js';
import { MAX_TIMER_MS } from '../core/clock.js';
import { QuoineRequestError } from '../core/errors.js';
import { withDeadline } from './deadline.js';
import { LaneWakeups } from './lane-wakeups.js';
import { RedisCoordinator } from './redis-coordinator.js';

export { RedisCoordinator } from './redis-coordinator.js';

/**
 * Options of {@link redisCoordinator}: where Redis is (`url` or `client`) and the token's `key`.
 * @group Coordination
 */
export interface RedisCoordinatorOptions {
  /** `redis://[[user]:password@]host[:port][/db]`, or `rediss://` for TLS. Give this or `client`. */
  readonly url?: string;
  /**
   * An ioredis client of yours instead of `url`. The coordinator runs its scripts on it, makes one
   * more connection from it (`duplicate()`) to hear lane releases, and never closes it.
   */
  readonly client?: Redis;
  /**
   * The prefix of the coordinator's keys, one per API token: every process of the token gives the
   * same, e.g. `quoine:<tokenId>` (a token id is not secret; never put the secret in a key).
   */
  readonly key: string;
  /** How long a lane holder that stops renewing (it crashed or stalled) blocks the others, ms. Default 5,000. */
  readonly leaseMs?: number;
  /**
   * How long one Redis command may take; beyond it the call fails with `QuoineCoordinationError`,
   * nothing sent, ms. Default 2,000.
   */
  readonly timeoutMs?: number;
}

/**
 * Connects to Redis and returns the coordinator of one token's calls, for `new Quoine({ coordinator })`.
 * Rejects with `QuoineCoordinationError` when Redis cannot be reached within `timeoutMs`, and with
 * `QuoineRequestError` naming a bad option.
 * @group Coordination
 */
export async function redisCoordinator(options: RedisCoordinatorOptions): Promise<RedisCoordinator> {
  const { key, leaseMs, timeoutMs } = checkOptions(options);
  const ownsClient = options.client === undefined;
  const where = ownsClient
    ? serverOf(options.url as string)
    : `${options.client.options.host ?? 'localhost'}:${options.client.options.port ?? 6379}`;
  const fail = (what: string, error: unknown): QuoineCoordinationError =>
    new QuoineCoordinationError(
      `the Redis coordinator could not ${what} at ${where}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  const connectionOptions = {
    lazyConnect: true,
    // Fail fast: a command while Redis is away is refused at once, never queued for later.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    retryStrategy: (times: number) => Math.min(times * 100, 1_000),
  };
  const redis = options.client ?? new Redis(options.url as string, connectionOptions);
  if (ownsClient) redis.on('error', ignore);
  const subscriber = redis.duplicate(connectionOptions);
  subscriber.on('error', ignore);
  try {
    if (ownsClient) await withDeadline(redis.connect(), timeoutMs);
    await withDeadline(subscriber.connect(), timeoutMs);
    await withDeadline(subscriber.subscribe(RedisCoordinator.channel(key)), timeoutMs);
  } catch (error) {
    subscriber.disconnect();
    if (ownsClient) redis.disconnect();
    throw fail('connect', error);
  }
  return new RedisCoordinator(redis, new LaneWakeups(subscriber), { key, where, leaseMs, timeoutMs, ownsClient });
}

function checkOptions(options: RedisCoordinatorOptions): { key: string; leaseMs: number; timeoutMs: number } {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime check of options from plain-JS callers
  if (typeof options !== 'object' || options === null) {
    throw new QuoineRequestError('redisCoordinator needs { url or client, key }', 'options');
  }
  if ((options.url === undefined) === (options.client === undefined)) {
    throw new QuoineRequestError('redisCoordinator needs either url or client, not both or neither', 'url');
  }
  if (options.url !== undefined) serverOf(options.url);
  if (typeof options.key !== 'string' || options.key.trim() === '' || options.key.length > 200) {
    throw new QuoineRequestError(
      'key must be a non-empty string of at most 200 characters, e.g. quoine:<tokenId>',
      'key',
    );
  }
  return {
    key: options.key,
    leaseMs: milliseconds(options.leaseMs ?? 5_000, 'leaseMs', 100),
    timeoutMs: milliseconds(options.timeoutMs ?? 2_000, 'timeoutMs', 1),
  };
}

function milliseconds(value: number, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_TIMER_MS) {
    throw new QuoineRequestError(
      `${field} must be a whole number of milliseconds from ${min} to ${MAX_TIMER_MS}, got ${String(value)}`,
      field,
    );
  }
  return value;
}

/** `host:port` of a Redis URL, refusing what is not one; never its password. */
function serverOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QuoineRequestError('url must be a Redis URL such as redis://127.0.0.1:6379', 'url');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new QuoineRequestError(`url must start with redis:// or rediss://, got ${parsed.protocol}`, 'url');
  }
  return `${parsed.hostname}:${parsed.port === '' ? '6379' : parsed.port}`;
}

/** Connection errors are reported by the commands that fail; the events themselves are noise. */
function ignore(): void {
  // nothing to do
}
