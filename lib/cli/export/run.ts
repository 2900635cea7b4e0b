/**
 * What `quoine export` does once its options are parsed (the command and its options are in
 * commands/export.ts, which imports this module only when the command runs).
 */
import { QuoineRequestError } from '../../core/errors.js';
import type { PagedCall } from '../../core/pagination.js';
import type { Quoine } from '../../client.js';
import { MAX_PAGE_SIZE } from '../../core/resource.js';
import type { BalanceHistoryEntry } from '../../entities/balance-history-entry.js';
import type { Order } from '../../entities/order.js';
import type { Product } from '../../entities/product.js';
import type { Trade } from '../../entities/trade.js';
import { resolveProduct } from '../context.js';
import {
  balanceHistoryLayout,
  executionLayout,
  orderLayout,
  tradeLayout,
  type ExportKind,
  type Layout,
  type Row,
} from './columns.js';
import { ExportFile } from './file.js';
import { executionsFrom } from './executions-walk.js';
import { resumeNewestFirst } from './newest-first.js';
import { ProgressBar, ProgressModel } from './progress.js';

/** The options of `quoine export`. */
export interface ExportOptions {
  readonly product?: string;
  readonly currency?: string;
  readonly since?: Date;
  readonly out: string;
  readonly progress?: boolean;
}

/** The time of a row's time column (`2026-11-01 00:00:00Z`, as cellText writes it). */
function rowTime(text: string | undefined): Date {
  return new Date((text ?? '').replace(' ', 'T'));
}

/** Runs an export; returns how many rows it added. */
export async function runExport(
  client: Quoine,
  kind: ExportKind,
  options: ExportOptions,
  stop: () => boolean,
  progress: NodeJS.WritableStream | undefined,
): Promise<number> {
  const since = options.since;
  const tooOld = since === undefined ? undefined : (time: Date): boolean => time < since;
  const productId = async (): Promise<number | undefined> =>
    options.product === undefined ? undefined : (await resolveProduct(client, options.product)).id;
  switch (kind) {
    case 'executions': {
      if (options.product === undefined) throw new QuoineRequestError('export executions needs --product', 'product');
      const product = await resolveProduct(client, options.product);
      return exportByTime(client, product, since, options.out, stop, progress);
    }
    case 'orders': {
      const id = await productId();
      const list = (page: number): PagedCall<Order> =>
        client.orders.list({ ...(id ? { productId: id } : {}), withDetails: true, page, limit: MAX_PAGE_SIZE });
      // withDetails: each order's executions, for its average price where the exchange sends none.
      const belongs = (row: Row): boolean => id === undefined || row.product_id === String(id);
      return exportNewestFirst<Order>({
        layout: orderLayout,
        list,
        belongs,
        path: '/orders',
        tooOld: tooOld && ((o) => tooOld(o.createdAt)),
        out: options.out,
        label: 'orders',
        client,
        stop,
        progress,
      });
    }
    case 'trades': {
      const id = await productId();
      const list = (page: number): PagedCall<Trade> =>
        client.trades.list({ ...(id ? { productId: id } : {}), page, limit: MAX_PAGE_SIZE });
      const belongs = (row: Row): boolean => id === undefined || row.product_id === String(id);
      return exportNewestFirst<Trade>({
        layout: tradeLayout,
        list,
        belongs,
        path: '/trades',
        tooOld: tooOld && ((t) => tooOld(t.createdAt)),
        out: options.out,
        label: 'trades',
        client,
        stop,
        progress,
      });
    }
    case 'balance-history': {
      const currency = options.currency;
      const list = (page: number): PagedCall<BalanceHistoryEntry> =>
        client.balanceHistory.list({
          ...(currency ? { currency } : {}),
          ...(since ? { since } : {}),
          page,
          limit: MAX_PAGE_SIZE,
        });
      // The exchange filters by currency and time itself: rows of the file outside those are not in the list.
      const belongs = (row: Row): boolean =>
        (currency === undefined || row.currency === currency.toUpperCase()) &&
        (since === undefined || !(rowTime(row.timestamp) < since));
      return exportNewestFirst<BalanceHistoryEntry>({
        layout: balanceHistoryLayout,
        list,
        belongs,
        path: '/balance_history',
        tooOld: tooOld && ((b) => tooOld(b.timestamp)),
        out: options.out,
        label: 'balance history',
        client,
        stop,
        progress,
      });
    }
  }
}

/**
 * Public executions, oldest first, by timestamp (executions-walk.ts, which also passes a second of
 * more than 1,000 executions): a re-run starts at the last written row's second and skips the ids
 * already written. The bar shows the share of the time span from the
 * first row to the newest execution at the start; how many rows are left is unknown.
 */
async function exportByTime(
  client: Quoine,
  product: Product,
  since: Date | undefined,
  out: string,
  stop: () => boolean,
  stream: NodeJS.WritableStream | undefined,
): Promise<number> {
  const productId = product.id;
  const layout = executionLayout(productId);
  const file = new ExportFile(out, layout.columns);
  try {
    refuseOtherProduct(file, product, out);
    if (since !== undefined) await refuseEarlierStart(client, file, productId, since, out);
  } catch (error) {
    file.close();
    throw error;
  }
  const last = file.last?.created_at;
  const from = last ? rowTime(last) : (since ?? new Date(0));
  const bar = new ProgressBar('executions', new ProgressModel(client.rateLimit), stream, ' of the time span');
  return walkInto(file, bar, stop, async () => {
    let written = 0;
    // Only for the bar: where the walk will end (the newest execution now).
    const end = stream
      ? (await client.executions.list({ productId, limit: 1 })).models[0]?.createdAt.getTime()
      : undefined;
    let requests = stream ? 1 : 0;
    let drawn = 0;
    let start = last ? from.getTime() : undefined;
    for await (const e of executionsFrom(client, productId, Math.floor(from.getTime() / 1000), () => requests++)) {
      start ??= e.createdAt.getTime();
      // Redrawn at the first row after each request.
      if (requests !== drawn) {
        drawn = requests;
        const span = end === undefined ? 0 : end - start;
        bar.update({
          rows: file.count + written,
          requests,
          ...(span > 0 ? { done: (e.createdAt.getTime() - start) / span } : {}),
        });
      }
      if (file.has(e.id)) continue;
      file.write(layout.row(e));
      written++;
      if (stop()) break;
    }
    return { written, requests };
  });
}

/**
 * Runs an export's walk into its file: unless the walk was stopped, the file is then marked
 * complete and the bar drawn finished; the bar and the file are closed either way.
 * @returns the rows the walk wrote
 */
async function walkInto(
  file: ExportFile,
  bar: ProgressBar,
  stop: () => boolean,
  walk: () => Promise<{ written: number; requests: number }>,
): Promise<number> {
  try {
    const { written, requests } = await walk();
    if (!stop()) {
      file.complete();
      bar.finish(file.count + written, requests);
    }
    return written;
  } finally {
    bar.stop();
    file.close();
  }
}

/** An executions file holds one product: a re-run for another would resume at the wrong place and add nothing. */
function refuseOtherProduct(file: ExportFile, product: Product, out: string): void {
  const other = file.rows.find((row) => row.product_id !== String(product.id));
  if (other) {
    throw new QuoineRequestError(
      `${out} holds executions of product ${other.product_id ?? '?'}, not of ${product.currencyPairCode} (product ${product.id}): choose another --out file`,
      'out',
    );
  }
}

/**
 * A file continues from its last row: a `--since` before its first row would leave the executions
 * in between out for good. Refused when there are any (one request for the oldest at `--since`);
 * the same or a later `--since`, or none, continues the file.
 */
async function refuseEarlierStart(
  client: Quoine,
  file: ExportFile,
  productId: number,
  since: Date,
  out: string,
): Promise<void> {
  const first = file.rows[0]?.created_at;
  if (first === undefined || !(since < rowTime(first))) return;
  const [oldest] = await client.executions.since({
    productId,
    timestamp: Math.floor(since.getTime() / 1000),
    limit: 1,
  });
  if (oldest === undefined || file.has(oldest.id) || !(oldest.createdAt < rowTime(first))) return;
  throw new QuoineRequestError(
    `${out} starts at ${first}; --since ${since.toISOString()} asks for earlier executions, which a continued file cannot hold: choose another --out file, or a --since at or after its start`,
    'since',
  );
}

interface NewestFirstExport<T> {
  readonly layout: Layout<T>;
  readonly list: (page: number) => PagedCall<T>;
  /** Whether a row of the file is one the list can serve (same product, currency, time range). */
  readonly belongs: (row: Row) => boolean;
  readonly path: string;
  readonly tooOld: ((item: T) => boolean) | undefined;
  readonly out: string;
  readonly label: string;
  readonly client: Quoine;
  readonly stop: () => boolean;
  readonly progress: NodeJS.WritableStream | undefined;
}

/** A newest-first paged list, continued by {@link resumeNewestFirst}: every row not yet in the file, once. */
async function exportNewestFirst<T extends { readonly id: number }>(e: NewestFirstExport<T>): Promise<number> {
  const file = new ExportFile(e.out, e.layout.columns);
  const bar = new ProgressBar(e.label, new ProgressModel(e.client.rateLimit), e.progress);
  let written = 0;
  let requests = 0;
  let done = 0;
  // The walk may jump over the file's rows only by counting those the list can serve.
  const { count, oldestId } = file.scope(e.belongs);
  const target = {
    has: (id: number) => file.has(id),
    write: (item: T) => {
      file.write(e.layout.row(item));
      written++;
    },
    count,
    oldestId,
  };
  return walkInto(file, bar, e.stop, async () => {
    await resumeNewestFirst(target, {
      fetch: async (page) => e.list(page),
      path: e.path,
      pageSize: MAX_PAGE_SIZE,
      ...(e.tooOld ? { tooOld: e.tooOld } : {}),
      stop: e.stop,
      onPage: (p) => {
        requests = p.requests;
        // The share of the list's pages walked; the catch-up at the end needs a request or two, at most a page per new 1,000 rows.
        done = p.catchingUp ? Math.max(done, 0.99) : Math.max(done, p.page / p.totalPages);
        bar.update({
          rows: file.count + written,
          requests: p.requests,
          done,
          remainingRequests: p.catchingUp ? 1 : p.totalPages - p.page + 1,
        });
      },
    });
    return { written, requests };
  });
}
