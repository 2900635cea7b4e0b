/**
 * (issue 7) Memory: the client's peak RSS while `for await` walks 1,000,000 executions
 * (`client.executions.all`, the timestamp walk) — target flat, under 150 MB — compared with the
 * RSS of the same process before the walk (the baseline) and after holding 100,000 executions in
 * an array (what accumulating would cost). The sandbox holding the 1,000,000 executions runs in
 * one child process, the walking client in another, so the number is the client's alone.
 */
import type { Row } from './measure.js';
import { compileBench, startChild } from './support-child.js';
import type { WalkReport, WalkRequest } from './support-memory-walker.js';
import type { SandboxReply, SandboxRequest } from './support-sandbox-child.js';

const EXECUTIONS = 1_000_000;
/** 100 a second: ~10 % of each 1,000-batch is the boundary second read again (cheap here; no rate limit). */
const PER_SECOND = 100;
const HOLD = 100_000;
const TARGET_BYTES = 150 * 1024 * 1024;
/**
 * The sandbox keeps every order, fill and balance change: ~0.4 KB per execution in its compact
 * store, ~5–7 KB before issue 14; the room is for older revisions, so they run too.
 */
const SANDBOX_HEAP_MB = 16_384;

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Runs the case. */
export async function run(): Promise<Row[]> {
  const sandbox = await startChild<SandboxReply>(
    'support-sandbox-child.ts',
    { fill: { count: EXECUTIONS, perSecond: PER_SECOND } } satisfies SandboxRequest,
    [`--max-old-space-size=${SANDBOX_HEAP_MB}`],
  );
  try {
    const tape = sandbox.reply.tape;
    if (tape === null) throw new Error('memory bench: the sandbox filled no tape');
    compileBench(); // the walker runs as compiled JS on plain node, as users run the SDK
    const walker = await startChild<WalkReport>(
      'support-memory-walker.ts',
      { url: sandbox.reply.url, since: tape.firstSecond, count: EXECUTIONS, hold: HOLD } satisfies WalkRequest,
      ['--expose-gc'],
      true,
    );
    await walker.stop();
    const floor = await startChild<number>('support-rss-child.ts', {}, ['--expose-gc'], true);
    await floor.stop();
    const r = walker.reply;
    if (r.walked !== EXECUTIONS) throw new Error(`memory bench: walked ${r.walked} of ${EXECUTIONS}`);
    const group = `memory: walk ${EXECUTIONS.toLocaleString('en')} executions (client process)`;
    const peak = Math.max(r.peakRss, r.maxRss);
    const met = peak < TARGET_BYTES ? 'met' : 'MISSED';
    return [
      {
        group,
        name: 'RSS before the walk (baseline)',
        ms: 0,
        ratio: 1,
        note: `${mb(r.baselineRss)} (heap ${mb(r.heapUsedBaseline)}; plain node alone: ${mb(floor.reply)}); sandbox process ${mb(sandbox.reply.rss)} after filling in ${(tape.fillMs / 1000).toFixed(0)} s`,
      },
      {
        group,
        name: 'peak RSS while for-await walks',
        ms: r.walkMs / r.walked,
        ratio: peak / r.baselineRss,
        note:
          `peak ${mb(r.peakRss)} over ${r.samples} samples, maxRSS ${mb(r.maxRss)}; target < 150 MB: ${met}; ` +
          `RSS at ${r.checkpoints.map((c) => `${c.walked / 1000}k`).join(' / ')}: ${r.checkpoints.map((c) => (c.rss / 1024 / 1024).toFixed(0)).join(' / ')} MB; ` +
          `${r.walked.toLocaleString('en')} in ${(r.walkMs / 1000).toFixed(1)} s (${Math.round((r.walked * 1000) / r.walkMs).toLocaleString('en')}/s)`,
      },
      {
        group,
        name: `RSS holding ${HOLD.toLocaleString('en')} in an array`,
        ms: r.holdMs / r.held,
        ratio: r.holdRss / r.baselineRss,
        note: `${mb(r.holdRss)} (heap ${mb(r.heapUsedHolding)}, ~${Math.round((r.heapUsedHolding - r.heapUsedBaseline) / r.held)} B per execution)`,
      },
    ];
  } finally {
    await sandbox.stop();
  }
}
