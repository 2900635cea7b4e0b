/**
 * Every public execution of a product from a Unix second on, oldest first, for the export.
 *
 * The walk goes forward by timestamp (`GET /executions?timestamp=`, 1,000 a request), as the SDK's
 * `executions.all` does, so executions arriving meanwhile are neither skipped nor repeated. That
 * walk cannot pass a second holding more than 1,000 executions (the SDK throws there): for such a
 * "crowded" second this walk reads the newest-first pages (`executions.list`) instead, finds the
 * first page reaching that second by bisection, collects the second's executions (de-duplicated by
 * id: executions arriving during the page walk shift rows to later pages, so a row can be read
 * twice but never missed), yields them by id, and continues by timestamp from the next second.
 *
 * A crowded second may be the exchange's current one: executions can still arrive in it, on the
 * top page, after the walk has read that page. So the second is left only once it is sealed: the
 * newest execution at the walk's first read was later than it (the exchange's clock had passed
 * it), or else a later execution exists now and the second's pages are read once more. If there
 * is none, the walk ends in that second, and a re-run starts there.
 */
import type { Quoine } from '../../client.js';
import { MAX_PAGE_SIZE } from '../../core/resource.js';
import type { Execution } from '../../entities/execution.js';

/** The Unix second of an execution. */
function secondOf(e: Execution): number {
  return Math.floor(e.createdAt.getTime() / 1000);
}

/**
 * Executions of `productId` at or after Unix second `from`, oldest first, each once.
 * @param onRequest called after every request (for the progress bar)
 */
export async function* executionsFrom(
  client: Quoine,
  productId: number,
  from: number,
  onRequest: () => void = () => undefined,
): AsyncGenerator<Execution, void, undefined> {
  let timestamp = from;
  // The timestamp filter is inclusive: ids already yielded in the boundary second are skipped.
  let boundary = new Set<number>();
  for (;;) {
    const batch = await client.executions.since({ productId, timestamp, limit: MAX_PAGE_SIZE });
    onRequest();
    for (const e of batch) if (!boundary.has(e.id)) yield e;
    if (batch.length < MAX_PAGE_SIZE) return;
    const last = secondOf(batch[batch.length - 1] as Execution);
    if (last > timestamp) {
      boundary = new Set(batch.filter((e) => secondOf(e) === last).map((e) => e.id));
      timestamp = last;
      continue;
    }
    // A full batch within one second: the rest of that second only the pages can give.
    const yielded = new Set([...boundary, ...batch.map((e) => e.id)]);
    const crowded = await everyExecutionAt(client, productId, timestamp, onRequest);
    for (const e of crowded.executions) {
      if (yielded.has(e.id)) continue;
      yielded.add(e.id);
      yield e;
    }
    if (!crowded.sealed) {
      const later = await client.executions.since({ productId, timestamp: timestamp + 1, limit: 1 });
      onRequest();
      if (later.length === 0) return; // the second may still fill: a re-run starts in it
      const again = await everyExecutionAt(client, productId, timestamp, onRequest);
      for (const e of again.executions) if (!yielded.has(e.id)) yield e;
    }
    boundary = new Set();
    timestamp += 1;
  }
}

/** The executions of one second, and whether the second was over when they were read. */
export interface SecondRead {
  /** By id. */
  readonly executions: Execution[];
  /** The newest execution at the first read was later than the second: none can arrive in it. */
  readonly sealed: boolean;
}

/** Every execution of Unix second `second`, by id, read from the newest-first pages. */
export async function everyExecutionAt(
  client: Quoine,
  productId: number,
  second: number,
  onRequest: () => void,
): Promise<SecondRead> {
  const page = async (number: number) => {
    const result = await client.executions.list({ productId, page: number, limit: MAX_PAGE_SIZE });
    onRequest();
    return result;
  };
  // Bisection for the first page whose oldest row is at or before `second`: every earlier page is
  // newer throughout. New executions only push rows to later pages, so the answer stays safe.
  const first = await page(1);
  const newest = first.models[0];
  const sealed = newest !== undefined && secondOf(newest) > second;
  const read = (at: ReadonlyMap<number, Execution>): SecondRead => ({ executions: byId(at), sealed });
  let low = 1;
  let high = Math.max(1, first.totalPages);
  let found = first;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const candidate = middle === 1 ? first : await page(middle);
    const oldest = candidate.models.at(-1);
    if (oldest === undefined || secondOf(oldest) <= second) {
      high = middle;
      found = candidate;
    } else {
      low = middle + 1;
    }
  }
  let current = found.currentPage === low ? found : await page(low);
  const at = new Map<number, Execution>();
  for (;;) {
    for (const e of current.models) {
      const s = secondOf(e);
      if (s < second) return read(at);
      if (s === second) at.set(e.id, e);
    }
    if (current.models.length === 0 || current.currentPage >= current.totalPages) return read(at);
    current = await page(current.currentPage + 1);
  }
}

function byId(executions: ReadonlyMap<number, Execution>): Execution[] {
  return [...executions.values()].sort((a, b) => a.id - b.id);
}
