/**
 * Benchmark helpers: time a function for a while, and print rows as ratios against a baseline
 * measured in the same run (never absolute thresholds).
 */

/** One measured case. */
export interface Measurement {
  readonly name: string;
  /** Mean milliseconds per operation. */
  readonly ms: number;
}

/** A row of the printed table: a case and its ratio to the baseline of its group. */
export interface Row {
  readonly group: string;
  readonly name: string;
  readonly ms: number;
  readonly ratio: number;
  readonly note?: string;
}

/**
 * Runs `fn` (sync or async) after a warm-up until `budgetMs` has passed; returns ms per op. Only a
 * promise (or another thenable) is awaited: awaiting a plain value costs a microtask per op, the
 * same for every row, which pulls the ratios of fast cases towards 1×.
 */
export async function measure(name: string, fn: () => unknown, budgetMs = 1500): Promise<Measurement> {
  const warmUntil = performance.now() + budgetMs / 5;
  while (performance.now() < warmUntil) {
    const result = fn();
    if (isThenable(result)) await result;
  }
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    const result = fn();
    if (isThenable(result)) await result;
    ops++;
    elapsed = performance.now() - start;
  }
  return { name, ms: elapsed / ops };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Measures every case in each of `rounds` rounds, the cases one after the other within a round
 * (`roundMs` each), and gives each case its median over the rounds: a burst of load from
 * elsewhere then hits one round of every case rather than the whole of one case.
 */
export async function measureInterleaved(
  cases: ReadonlyArray<readonly [string, () => unknown]>,
  rounds: number,
  roundMs: number,
): Promise<Measurement[]> {
  const perRound = cases.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const [k, [name, fn]] of cases.entries()) perRound[k]?.push((await measure(name, fn, roundMs)).ms);
  }
  return cases.map(([name], k) => ({ name, ms: median(perRound[k] ?? []) }));
}

/** Rows for a group: every measurement as a ratio of the first (the baseline). */
export function ratios(
  group: string,
  [baseline, ...others]: readonly Measurement[],
  notes: Record<string, string> = {},
): Row[] {
  if (!baseline) return [];
  return [baseline, ...others].map((m) => ({
    group,
    name: m.name,
    ms: m.ms,
    ratio: m.ms / baseline.ms,
    ...(notes[m.name] ? { note: notes[m.name] } : {}),
  }));
}

/** The cells of a row as printed: ms/op to 3 significant places below 0.1 ms, the ratio with ×. */
function cells(r: Row): string[] {
  return [r.group, r.name, r.ms < 0.1 ? r.ms.toFixed(4) : r.ms.toFixed(3), `${r.ratio.toFixed(2)}×`, r.note ?? ''];
}

const HEAD = ['group', 'case', 'ms/op', 'ratio', 'note'];

/** Prints rows as an aligned table (for a terminal). */
export function printTable(rows: readonly Row[]): void {
  const body = rows.map(cells);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (row: string[]): string =>
    row
      .map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  console.log(line(HEAD));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

/** Prints rows as a Markdown table, as bench/README.md quotes them (`npm run bench -- --markdown`). */
export function printMarkdown(rows: readonly Row[]): void {
  const line = (row: string[]): string => `| ${row.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  console.log(line(HEAD));
  console.log('|---|---|---:|---:|---|');
  for (const r of rows) console.log(line(cells(r)));
}
