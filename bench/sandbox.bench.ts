/**
 * (issue 14) The sandbox holding a busy product's day: RSS of a sandbox process holding
 * 1,000,000 public executions of BTCJPY (filled by orders, so their orders, fills and balance
 * changes are held too) vs the same process before filling (the baseline), the bytes one stored
 * execution costs the tape, and `GET /executions` page 1 and a `timestamp` query on the tape of
 * 1,000,000 vs on the tape of 10,000 (same process, same code; in process, no HTTP).
 * `SANDBOX_BENCH_COUNT` runs it with fewer executions (a quick look; the table's rows say how many).
 */
import type { Row } from './measure.js';
import { startChild } from './support-child.js';
import type { StoreReport, StoreRequest } from './support-store-child.js';

const COUNT = Number(process.env['SANDBOX_BENCH_COUNT'] ?? 1_000_000);
const SMALL = 10_000;
const PER_SECOND = 100;
const TARGET_RSS = 600 * 1024 * 1024;
const TARGET_BYTES = 250;
/** Room for the store before issue 14's compact columns (~5 KB per execution), so older revisions run too. */
const HEAP_MB = 12_288;

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const thousands = (n: number): string => n.toLocaleString('en');

/** Runs the case. */
export async function run(): Promise<Row[]> {
  const child = await startChild<StoreReport>(
    'support-store-child.ts',
    { count: COUNT, small: SMALL, perSecond: PER_SECOND } satisfies StoreRequest,
    ['--expose-gc', `--max-old-space-size=${HEAP_MB}`],
  );
  await child.stop();
  const r = child.reply;
  const memory = `sandbox: hold ${thousands(COUNT)} executions (sandbox process)`;
  const perExecution = (r.rssFilled - r.rssBefore) / COUNT;
  const lists = `sandbox: list ${thousands(COUNT)} vs ${thousands(SMALL)} executions`;
  const met = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  return [
    { group: memory, name: 'RSS before filling (baseline)', ms: 0, ratio: 1, note: mb(r.rssBefore) },
    {
      group: memory,
      name: `RSS holding ${thousands(COUNT)}`,
      ms: r.fillMs / COUNT,
      ratio: r.rssFilled / r.rssBefore,
      note:
        `${mb(r.rssFilled)} (heap ${mb(r.heapFilled)}), ~${Math.round(perExecution)} B per execution in all; ` +
        `target ≤ 600 MB at 1,000,000: ${COUNT === 1_000_000 ? met(r.rssFilled <= TARGET_RSS) : 'not this run'}; filled in ${(r.fillMs / 1000).toFixed(0)} s`,
    },
    {
      group: memory,
      name: 'tape bytes per stored execution',
      ms: 0,
      ratio: r.tapeBytesPerExecution / TARGET_BYTES,
      note: `${r.tapeBytesPerExecution.toFixed(1)} B (ratio to the 250 B target: ${met(r.tapeBytesPerExecution <= TARGET_BYTES)})`,
    },
    { group: lists, name: `page 1 of ${thousands(SMALL)} (baseline)`, ms: r.small.page1, ratio: 1 },
    {
      group: lists,
      name: `page 1 of ${thousands(COUNT)}`,
      ms: r.large.page1,
      ratio: r.large.page1 / r.small.page1,
      note: `target ≤ 2×: ${met(r.large.page1 <= 2 * r.small.page1)}`,
    },
    {
      group: lists,
      name: `timestamp query, 1,000 rows, of ${thousands(SMALL)}`,
      ms: r.small.since,
      ratio: r.small.since / r.small.page1,
    },
    {
      group: lists,
      name: `timestamp query, 1,000 rows, of ${thousands(COUNT)}`,
      ms: r.large.since,
      ratio: r.large.since / r.small.page1,
      note: `${(r.large.since / r.small.since).toFixed(2)}× the query on ${thousands(SMALL)} (binary search)`,
    },
  ];
}
