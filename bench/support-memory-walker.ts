/**
 * The client side of the memory suite, in its own process (started with `--expose-gc`): walks
 * `count` executions with `for await (… of client.executions.all(…))` against a sandbox in another
 * process, sampling this process's RSS while it walks, then holds `hold` executions in an array
 * to show what accumulating them would cost. Answers a {@link WalkReport} over IPC.
 */
import 'reflect-metadata';
import { Quoine } from '../lib/client.js';
import { firstMessage, reply } from './support-child.js';

/** BTCJPY (as in support-exchange.ts, not imported: this file runs compiled, without the sandbox). */
const BTCJPY = 5;

/** What the parent asks for. */
export interface WalkRequest {
  readonly url: string;
  readonly since: number;
  readonly count: number;
  readonly hold: number;
}

/** What the walker measured (bytes and milliseconds). */
export interface WalkReport {
  /** RSS before the walk, client created and warmed by one request, after a GC. */
  readonly baselineRss: number;
  /** Highest RSS sampled during the walk (every 10 ms and every 10,000 executions). */
  readonly peakRss: number;
  /** `process.resourceUsage().maxRSS` right after the walk (the process's lifetime peak so far), in bytes. */
  readonly maxRss: number;
  readonly samples: number;
  /** RSS when 10 %, 50 % and 100 % of the walk were done (flat when nothing accumulates). */
  readonly checkpoints: ReadonlyArray<{ readonly walked: number; readonly rss: number }>;
  readonly walked: number;
  readonly walkMs: number;
  /** RSS after a GC with `hold` executions kept in an array. */
  readonly holdRss: number;
  readonly held: number;
  readonly holdMs: number;
  readonly heapUsedBaseline: number;
  readonly heapUsedHolding: number;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

const request = await firstMessage<WalkRequest>();
const client = new Quoine({ baseUrl: request.url, rateLimit: false });
await client.executions.since({ productId: BTCJPY, timestamp: request.since, limit: 1 });
gc();
const baselineRss = process.memoryUsage().rss;
const heapUsedBaseline = process.memoryUsage().heapUsed;

let peakRss = baselineRss;
let samples = 0;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  samples++;
};
const sampler = setInterval(sample, 10);
let walked = 0;
let lastId = 0;
const checkpoints: Array<{ walked: number; rss: number }> = [];
const marks = new Set([request.count / 10, request.count / 2, request.count].map(Math.round));
const walkStart = performance.now();
for await (const execution of client.executions.all({ productId: BTCJPY, since: request.since })) {
  if (execution.id <= lastId) throw new Error(`execution ${execution.id} after ${lastId}: repeated or out of order`);
  lastId = execution.id;
  if (++walked % 10_000 === 0) sample();
  if (marks.has(walked)) checkpoints.push({ walked, rss: process.memoryUsage().rss });
}
const walkMs = performance.now() - walkStart;
clearInterval(sampler);
sample();
const maxRss = process.resourceUsage().maxRSS * 1024;

const holdStart = performance.now();
const held: unknown[] = [];
for await (const execution of client.executions.all({ productId: BTCJPY, since: request.since })) {
  held.push(execution);
  if (held.length >= request.hold) break;
}
const holdMs = performance.now() - holdStart;
gc();
const holdRss = process.memoryUsage().rss;
const heapUsedHolding = process.memoryUsage().heapUsed;
await client.close();

await reply({
  baselineRss,
  peakRss,
  maxRss,
  samples,
  checkpoints,
  walked,
  walkMs,
  holdRss,
  held: held.length,
  holdMs,
  heapUsedBaseline,
  heapUsedHolding,
} satisfies WalkReport);
if (process.connected) process.disconnect();
