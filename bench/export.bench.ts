/**
 * (issue 7) Export: walking 100,000 public executions with `client.executions.all` (the timestamp
 * walk, 1,000 per request) against a sandbox whose rate limit is scaled down so the walk takes
 * ~15 s: the sandbox (in a child process, so its work does not delay the client's requests) allows
 * RATE_REQUESTS per 5 minutes of its own clock, and that clock runs 300 000 / RATE_WINDOW_MS times
 * faster than real time; the client's limiter is set to the same budget in real time
 * (RATE_REQUESTS per RATE_WINDOW_MS). A counting proxy in front of the sandbox, in the sandbox's
 * process, counts requests and 429s on the server side (and rescales `Retry-After` to real seconds).
 *
 * Reported: requests made vs the minimum ceil(N / 1000); 429s (target 0); wall time vs the
 * rate-limit bound for the requests made, floor((requests − 1) / R) × W (target within 10 %).
 */
import { inspect } from 'node:util';
import { Decimal } from 'decimal.js';
import { Quoine } from '../lib/client.js';
import type { Row } from './measure.js';
import { startChild } from './support-child.js';
import { BTCJPY } from './support-exchange.js';
import type { ProxyCounts, SandboxReply, SandboxRequest } from './support-sandbox-child.js';

const EXECUTIONS = 100_000;
/** One execution per second: a batch of 1,000 then re-reads only one boundary execution. */
const PER_SECOND = 1;
const PAGE = 1000;
const RATE_REQUESTS = 10;
const RATE_WINDOW_MS = 1500;
const SANDBOX_WINDOW_MS = 5 * 60 * 1000;

/** The least time `requests` requests can take under a sliding window of `limit` per `windowMs`. */
export function rateLimitBoundMs(requests: number, limit: number, windowMs: number): number {
  return Math.floor(Math.max(0, requests - 1) / limit) * windowMs;
}

/** Runs the case. */
export async function run(): Promise<Row[]> {
  const scale = SANDBOX_WINDOW_MS / RATE_WINDOW_MS;
  const sandbox = await startChild<SandboxReply>('support-sandbox-child.ts', {
    fill: { count: EXECUTIONS, perSecond: PER_SECOND },
    rateLimit: RATE_REQUESTS,
    timeScale: scale,
    count: true,
  } satisfies SandboxRequest);
  const tape = sandbox.reply.tape;
  if (tape === null) throw new Error('export bench: the sandbox filled no tape');
  const client = new Quoine({
    baseUrl: sandbox.reply.url,
    rateLimit: { requests: RATE_REQUESTS, intervalMs: RATE_WINDOW_MS },
  });
  let count = 0;
  let lastId = 0;
  let volume = new Decimal(0);
  let error: unknown;
  const started = performance.now();
  try {
    for await (const execution of client.executions.all({ productId: BTCJPY, since: tape.firstSecond })) {
      if (execution.id <= lastId)
        throw new Error(`execution ${execution.id} after ${lastId}: repeated or out of order`);
      lastId = execution.id;
      volume = volume.plus(execution.quantity);
      count++;
    }
  } catch (caught) {
    error = caught;
  }
  const wallMs = performance.now() - started;
  await client.close();
  const counts = await sandbox.ask<ProxyCounts>('counts');
  await sandbox.stop();
  const requests = counts.requests;
  const tooMany = counts.statuses[429] ?? 0;
  const minimum = Math.ceil(EXECUTIONS / PAGE);
  const boundMs = rateLimitBoundMs(requests, RATE_REQUESTS, RATE_WINDOW_MS);
  const ratio = boundMs === 0 ? Number.NaN : wallMs / boundMs;
  const complete = error === undefined && count === EXECUTIONS;
  const group = `export: ${EXECUTIONS.toLocaleString('en')} executions, limit ${RATE_REQUESTS} req / ${RATE_WINDOW_MS} ms`;
  const outcome = complete
    ? `${count.toLocaleString('en')} walked (volume ${volume.toFixed()} BTC)`
    : `INCOMPLETE: ${count.toLocaleString('en')} of ${EXECUTIONS.toLocaleString('en')}${error === undefined ? '' : `, ${error instanceof Error ? error.message : inspect(error)}`}`;
  const met = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  return [
    {
      group,
      name: 'rate-limit bound for the requests made (baseline)',
      ms: boundMs / requests,
      ratio: 1,
      note: `floor((${requests} − 1) / ${RATE_REQUESTS}) × ${RATE_WINDOW_MS} ms = ${(boundMs / 1000).toFixed(1)} s; tape filled in ${(tape.fillMs / 1000).toFixed(1)} s`,
    },
    {
      group,
      name: 'executions.all (timestamp walk, 1,000/request)',
      ms: wallMs / requests,
      ratio,
      note:
        `${outcome}; ${requests} requests, ${counts.statuses[200] ?? 0} answered 200 (minimum ${minimum}), ${tooMany} × 429 (target 0: ${met(tooMany === 0)}); ` +
        `${(wallMs / 1000).toFixed(1)} s wall (within 10 % of the bound: ${met(complete && ratio <= 1.1)})`,
    },
  ];
}
