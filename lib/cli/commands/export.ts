import { Argument, Command, Option } from 'commander';
import { QuoineRequestError } from '../../core/errors.js';
import type { PagedCall } from '../../core/pagination.js';
import type { Quoine } from '../../client.js';
import { resolveProduct, withClient, withClientOptions } from '../context.js';
import { balanceHistoryLayout, executionLayout, EXPORT_KINDS, orderLayout, tradeLayout, type ExportKind, type Layout, type Row } from '../export/columns.js';
import { ExportFile } from '../export/file.js';
import { ExportProgress } from '../export/progress.js';

interface ExportOptions {
  readonly product?: string;
  readonly currency?: string;
  readonly since?: Date;
  readonly out: string;
}

/** Parses `--since` (a date, a date-time, or Unix seconds). */
function parseSince(value: string): Date {
  const date = /^\d+$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new QuoineRequestError(`--since must be a date such as 2026-11-01 or Unix seconds, got ${JSON.stringify(value)}`, 'since');
  return date;
}

/**
 * `quoine export <kind> --out FILE`: exact decimals to CSV or JSON Lines, with a progress bar,
 * resumable: after Ctrl-C, the same command continues where the file ended, writing no row twice.
 */
export function exportCommand(): Command {
  return withClientOptions(new Command('export'))
    .description('export executions, orders, trades or balance history to .csv or .jsonl (resumable)')
    .addArgument(new Argument('<kind>', 'what to export').choices(EXPORT_KINDS))
    .requiredOption('--out <file>', 'FILE.csv or FILE.jsonl; an existing file is continued')
    .option('--product <product>', 'product id or pair code (required for executions)')
    .option('--currency <currency>', 'currency (balance-history)')
    .addOption(new Option('--since <date>', 'from this time (date, date-time or Unix seconds)').argParser(parseSince))
    .action(async (kind: ExportKind, options: ExportOptions, command: Command) => {
      let interrupted = false;
      const onSignal = (): void => {
        interrupted = true;
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        await withClient(command, async (client, g) => {
          const written = await runExport(client, kind, options, () => interrupted, Boolean(process.stderr.isTTY) && !g.json);
          if (interrupted) {
            process.stderr.write(`interrupted after ${written} new rows; run the same command again to continue\n`);
            process.exitCode = 130;
          } else if (g.json) console.log(JSON.stringify({ kind, out: options.out, rows: written }));
          else process.stderr.write(`${written} new rows written to ${options.out}\n`);
        });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}

/** Runs an export; returns how many rows it added. */
export async function runExport(client: Quoine, kind: ExportKind, options: ExportOptions, stop: () => boolean, showProgress: boolean): Promise<number> {
  const since = options.since;
  switch (kind) {
    case 'executions': {
      if (options.product === undefined) throw new QuoineRequestError('export executions needs --product', 'product');
      const product = await resolveProduct(client, options.product);
      return exportByTime(client, product.id, since ?? new Date(0), options.out, stop, showProgress);
    }
    case 'orders': {
      const productId = options.product === undefined ? undefined : (await resolveProduct(client, options.product)).id;
      return exportPages(orderLayout, (page) => client.orders.list({ ...(productId ? { productId } : {}), page }), (o) => o.createdAt, since, options.out, 'orders', client, stop, showProgress);
    }
    case 'trades': {
      const productId = options.product === undefined ? undefined : (await resolveProduct(client, options.product)).id;
      return exportPages(tradeLayout, (page) => client.trades.list({ ...(productId ? { productId } : {}), page }), (t) => t.createdAt, since, options.out, 'trades', client, stop, showProgress);
    }
    case 'balance-history': {
      const currency = options.currency;
      return exportPages(
        balanceHistoryLayout,
        (page) => client.balanceHistory.list({ ...(currency ? { currency } : {}), ...(since ? { since } : {}), page }),
        (b) => b.timestamp,
        since,
        options.out,
        'balance history',
        client,
        stop,
        showProgress,
      );
    }
  }
}

/**
 * Public executions, oldest first, by timestamp: a re-run starts at the last written row's
 * second and skips the ids already written.
 */
async function exportByTime(client: Quoine, productId: number, since: Date, out: string, stop: () => boolean, showProgress: boolean): Promise<number> {
  const file = new ExportFile(out, executionLayout.columns);
  const last = file.existing.last?.created_at;
  const from = last ? new Date(last.replace(' ', 'T')) : since;
  const progress = new ExportProgress('executions', client.rateLimit, showProgress);
  const startMs = from.getTime();
  let written = 0;
  try {
    let batchRows = 0;
    for await (const e of client.executions.all({ productId, since: from })) {
      if (file.existing.ids.has(String(e.id))) continue;
      file.write(executionLayout.row(e));
      written++;
      if (++batchRows % 1000 === 0) {
        const span = Date.now() - startMs;
        progress.update(file.existing.count + written, span > 0 ? (e.createdAt.getTime() - startMs) / span : 1, undefined);
      }
      if (stop()) break;
    }
    if (!stop()) progress.update(file.existing.count + written, 1, 0);
  } finally {
    progress.stop();
    file.close();
  }
  return written;
}

/**
 * A newest-first paged list. A re-run starts a page before where the file ended (pages shift as
 * new items arrive) and skips the ids already written; items older than `since` end the walk.
 */
async function exportPages<T extends { id: number }>(
  layout: Layout<T>,
  list: (page: number) => PagedCall<T>,
  timeOf: (item: T) => Date,
  since: Date | undefined,
  out: string,
  label: string,
  client: Quoine,
  stop: () => boolean,
  showProgress: boolean,
): Promise<number> {
  const file = new ExportFile(out, layout.columns);
  const progress = new ExportProgress(label, client.rateLimit, showProgress);
  const startPage = Math.max(1, Math.floor(file.existing.count / 1000));
  let written = 0;
  try {
    walk: for await (const page of list(startPage).iterPages()) {
      for (const item of page.models) {
        if (since && timeOf(item) < since) break walk;
        if (file.existing.ids.has(String(item.id))) continue;
        file.write(layout.row(item) as Row);
        written++;
      }
      const done = page.totalPages > 0 ? page.currentPage / page.totalPages : 1;
      progress.update(file.existing.count + written, done, page.totalPages - page.currentPage);
      if (stop()) break;
    }
  } finally {
    progress.stop();
    file.close();
  }
  return written;
}
