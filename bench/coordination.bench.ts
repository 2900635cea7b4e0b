/**
 * (issue 13) What coordinating through Redis costs and gives, against a sandbox in a child
 * process and a real `redis-server` started for the run:
 * - the lane's cost per signed call: one process making `client.accounts.balances()` one at a
 *   time with its in-process `LocalCoordinator` (baseline) and with a `redisCoordinator` (the
 *   lease, the nonce and the release are three Redis round trips per call);
 * - 4 processes on one token under a shared rate limit (40 requests per 5 minutes of a sandbox
 *   clock running 300× real time, i.e. per second): the time to make 201 requests against the
 *   bound the limit allows, `floor(200 / 40) × 1 s` (baseline), with the 429s the sandbox gave.
 * Skipped (one row saying so) where `redis-server` is not installed.
 */
import { Quoine } from '../lib/client.js';
import { LocalCoordinator } from '../lib/core/local-coordinator.js';
import { redisCoordinator } from '../lib/redis/index.js';
import { REDIS_AVAILABLE, ENABLE_REDIS, RedisServer } from '../spec/redis/redis-server.js';
import { Worker } from '../spec/redis/workers.js';
import { measure, median, ratios, type Row } from './measure.js';
import { startChild } from './support-child.js';
import type { ProxyCounts, SandboxReply, SandboxRequest } from './support-sandbox-child.js';

const PROCESSES = 4;
const LIMIT = { requests: 40, intervalMs: 1_000 };
/** The sandbox's window is 5 minutes of its clock: at 300× real time, one second. */
const TIME_SCALE = 300;
const TARGET = 201;
/** Interleaved rounds of the lane-cost cases. */
const ROUNDS = 5;

/** Runs the suite. */
export async function run(): Promise<Row[]> {
  if (!REDIS_AVAILABLE) {
    return [
      { group: 'coordination', name: `skipped: redis-server is not installed (${ENABLE_REDIS})`, ms: 0, ratio: 1 },
    ];
  }
  const redis = await RedisServer.start();
  try {
    return [...(await laneCost(redis)), ...(await sharedLimit(redis))];
  } finally {
    await redis.kill();
  }
}

async function laneCost(redis: RedisServer): Promise<Row[]> {
  const sandbox = await startChild<SandboxReply>('support-sandbox-child.ts', {
    extraTokens: 1,
  } satisfies SandboxRequest);
  const [local, shared] = sandbox.reply.tokens;
  if (local === undefined || shared === undefined) throw new Error('coordination bench: the sandbox gave no tokens');
  const coordinator = await redisCoordinator({ url: redis.url, key: `quoine:${shared.tokenId}` });
  const clients = [
    new Quoine({ baseUrl: sandbox.reply.url, ...local, rateLimit: false, coordinator: new LocalCoordinator() }),
    new Quoine({ baseUrl: sandbox.reply.url, ...shared, rateLimit: false, coordinator }),
  ] as const;
  try {
    // Interleaved rounds, median of each: calls over loopback are noisy, the difference is small.
    const names = ['signed call, in-process lane (baseline)', 'signed call, Redis lane'] as const;
    const rounds: [number[], number[]] = [[], []];
    for (let round = 0; round < ROUNDS; round++) {
      for (const i of [0, 1] as const) {
        rounds[i].push((await measure(names[i], () => clients[i].accounts.balances(), 600)).ms);
      }
    }
    const measured = names.map((name, i) => ({ name, ms: median(rounds[i] as number[]) }));
    const [baseline, viaRedis] = measured as [{ ms: number }, { ms: number; name: string }];
    return ratios('coordination: lane cost per signed call', measured, {
      [viaRedis.name]: `${(viaRedis.ms - baseline.ms).toFixed(3)} ms per call for the lease, nonce and release (median of ${ROUNDS} interleaved rounds)`,
    });
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    await coordinator.close();
    await sandbox.stop();
  }
}

async function sharedLimit(redis: RedisServer): Promise<Row[]> {
  const sandbox = await startChild<SandboxReply>('support-sandbox-child.ts', {
    rateLimit: LIMIT.requests,
    timeScale: TIME_SCALE,
    count: true,
  } satisfies SandboxRequest);
  const [token] = sandbox.reply.tokens;
  if (token === undefined) throw new Error('coordination bench: the sandbox gave no token');
  const workers = await Promise.all(Array.from({ length: PROCESSES }, () => Worker.start()));
  try {
    const order = {
      baseUrl: sandbox.reply.url,
      ...token,
      redisUrl: redis.url,
      key: `quoine:${token.tokenId}`,
      leaseMs: 5_000,
      rateLimit: LIMIT,
      productId: 5,
    };
    const total = (): number => workers.reduce((sum, w) => sum + w.last.ok, 0);
    for (const w of workers) w.run(order);
    await Promise.race(workers.map((w) => w.until(() => total() >= 1)));
    const start = performance.now();
    await Promise.race(workers.map((w) => w.until(() => total() >= TARGET)));
    const took = performance.now() - start;
    for (const w of workers) w.stop();
    await Promise.all(workers.map((w) => w.done()));
    const counts = await sandbox.ask<ProxyCounts>('counts');
    const bound = Math.floor((TARGET - 1) / LIMIT.requests) * LIMIT.intervalMs;
    const measured = [
      { name: `rate-limit bound for ${TARGET} requests (baseline)`, ms: bound / (TARGET - 1) },
      { name: `${PROCESSES} processes, one token, shared window`, ms: took / (TARGET - 1) },
    ];
    const rate = ((TARGET - 1) / took) * 1000;
    return ratios(`coordination: ${PROCESSES} processes under ${LIMIT.requests}/s`, measured, {
      [measured[0]?.name ?? '']: `${(bound / 1000).toFixed(1)} s`,
      [measured[1]?.name ?? '']:
        `${(took / 1000).toFixed(2)} s, ${rate.toFixed(1)} req/s of ${LIMIT.requests}; ${counts.statuses[429] ?? 0} × 429 of ${counts.requests} requests`,
    });
  } finally {
    await Promise.all(workers.map((w) => w.kill()));
    await sandbox.stop();
  }
}
