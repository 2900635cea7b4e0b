/**
 * A sandbox in its own process, so that what a suite measures in the parent is the client alone:
 * `startSandbox({ market: false })`, optionally with a tape of public BTCJPY executions filled
 * before it answers, a rate limit on a clock running faster than real time, and a counting proxy
 * in front (in this process too). Started by {@link startChild} with a {@link SandboxRequest};
 * answers a {@link SandboxReply} over IPC, then {@link ProxyCounts} to each `'counts'` message;
 * closes when asked.
 */
import { startSandbox } from '../lib/sandbox/index.js';
import { firstMessage, reply, stopRequested } from './support-child.js';
import { BenchClock, fillTape, type Tape } from './support-exchange.js';
import { startCountingProxy } from '../spec/helpers/counting-proxy.js';

/** What the parent asks for. */
export interface SandboxRequest {
  /** Executions to put on BTCJPY's tape before answering, and how many per Unix second. */
  readonly fill?: { readonly count: number; readonly perSecond: number };
  /** Extra tokens of the demo user to issue (e.g. one per client, since nonces are per token). */
  readonly extraTokens?: number;
  /** Requests per 5 minutes of the sandbox's clock; default no limit. */
  readonly rateLimit?: number;
  /** How many times faster than real time the sandbox's clock runs once filled; default 1. */
  readonly timeScale?: number;
  /** Serve through a counting proxy (which also rescales `Retry-After` to real seconds). */
  readonly count?: boolean;
}

/** Requests and statuses the proxy saw. */
export interface ProxyCounts {
  readonly requests: number;
  readonly statuses: Readonly<Record<number, number>>;
}

/** What the child answers. */
export interface SandboxReply {
  /** The sandbox's URL, or its counting proxy's. */
  readonly url: string;
  readonly tokens: ReadonlyArray<{ readonly tokenId: string; readonly secret: string }>;
  readonly tape: Tape | null;
  /** This process's RSS once the sandbox is ready, in bytes. */
  readonly rss: number;
}

const request = await firstMessage<SandboxRequest>();
// Fills are stamped by hand, one Unix second per batch, starting 30 days ago; then the clock runs in real time.
const clock = new BenchClock(Date.now() - 30 * 86_400_000);
const sandbox = await startSandbox({ market: false, rateLimit: request.rateLimit ?? false, now: clock.now });
const tape =
  request.fill === undefined ? null : fillTape(sandbox.exchange, clock, request.fill.count, request.fill.perSecond);
clock.set(Date.now());
clock.runScaled(request.timeScale ?? 1);
const proxy =
  request.count === true ? await startCountingProxy(sandbox.url, { timeScale: request.timeScale ?? 1 }) : undefined;
const extra = Array.from({ length: request.extraTokens ?? 0 }, () => sandbox.addToken(sandbox.demo.userId));
const tokens = [sandbox.demo, ...extra].map(({ tokenId, secret }) => ({ tokenId, secret }));
process.on('message', (message) => {
  if (message === 'counts')
    void reply({
      requests: proxy?.requests.length ?? 0,
      statuses: Object.fromEntries(proxy?.statuses ?? []),
    } satisfies ProxyCounts);
});
await reply({ url: proxy?.url ?? sandbox.url, tokens, tape, rss: process.memoryUsage().rss } satisfies SandboxReply);
await stopRequested();
await proxy?.close();
await sandbox.close();
if (process.connected) process.disconnect();
