/**
 * One process of the multi-process Redis specs: a client of the shared token with a Redis
 * coordinator, making signed calls as told over IPC, reporting every outcome by error class.
 * Tokens and secrets travel over IPC only, never argv or stdout.
 */
import 'reflect-metadata';
import { Quoine } from '../../lib/client.js';
import type { RateLimit } from '../../lib/core/rate-limiter.js';
import { redisCoordinator } from '../../lib/redis/index.js';

/** What the parent asks. */
export interface WorkerOrder {
  readonly baseUrl: string;
  readonly tokenId: string | number;
  readonly secret: string;
  readonly redisUrl: string;
  readonly key: string;
  readonly leaseMs: number;
  readonly rateLimit: RateLimit | false;
  /** How many calls; `undefined`: until the parent says `stop`. */
  readonly calls?: number;
  /** The product placements go to. */
  readonly productId: number;
}

/** What the worker reports, after each call and at the end. */
export interface WorkerReport {
  readonly type: 'progress' | 'done';
  readonly ok: number;
  /** Failed calls by error class name. */
  readonly errors: Readonly<Record<string, number>>;
  /** Placements that succeeded. */
  readonly placed: number;
}

const send = (message: unknown): void => void process.send?.(message);
const stop = new AbortController();
process.on('message', (message: { type: string; order?: WorkerOrder }) => {
  if (message.type === 'stop') stop.abort();
  if (message.type === 'run' && message.order) void run(message.order);
});
send({ type: 'ready' });

async function run(order: WorkerOrder): Promise<void> {
  const coordinator = await redisCoordinator({ url: order.redisUrl, key: order.key, leaseMs: order.leaseMs });
  const client = new Quoine({
    baseUrl: order.baseUrl,
    tokenId: order.tokenId,
    secret: order.secret,
    coordinator,
    rateLimit: order.rateLimit,
    maxRetries: 0,
  });
  let ok = 0;
  let placed = 0;
  const errors: Record<string, number> = {};
  for (let i = 0; order.calls === undefined ? !stop.signal.aborted : i < order.calls; i++) {
    try {
      if (i % 2 === 0) {
        await client.accounts.balances({ signal: stop.signal });
      } else {
        await client.orders.limitBuy(order.productId, '0.001', '900000', {}, { signal: stop.signal });
        placed++;
      }
      ok++;
    } catch (error) {
      if (stop.signal.aborted) break;
      const name = error instanceof Error ? error.name : 'unknown';
      errors[name] = (errors[name] ?? 0) + 1;
      // A coordinator that is down fails at once: do not spin through the calls meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    send({ type: 'progress', ok, errors, placed } satisfies WorkerReport);
  }
  await client.close();
  await coordinator.close();
  send({ type: 'done', ok, errors, placed } satisfies WorkerReport);
}
