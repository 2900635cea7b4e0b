/**
 * Continuing an export of a newest-first paged list (orders, trades, balance history) so that
 * every row not yet in the file is written exactly once, whatever the file holds: nothing, an
 * interrupted run's newest rows, a complete export followed by new activity, or any mix of these.
 *
 * Facts relied on: the list is sorted by id, newest (largest) first; rows are never removed from
 * it; new rows appear only at its top; the `count` and `oldestId` the target gives are over the
 * file's rows the list can serve (same product, currency and time range), which are a subset of it. Pages shift down while rows arrive, so every row is checked against the
 * ids already written: a shifted row is seen twice and written once, and none is skipped.
 *
 * The walk:
 * 1. From page 1, write every unknown row until the first one the file already holds (`x`, the
 *    file's newest). Those above it are new activity.
 * 2. Jump over the file's rows if they are provably one unbroken run of the list: with `x` at
 *    index `i` and the file holding `n` distinct ids, the row at index `i + n - 1` must be the
 *    file's oldest id. Rows only ever push `x` down, so the list holds at most `n` ids from the
 *    file's oldest to `x`; the file holds `n` of them: none is missing. If the check fails (an
 *    interrupted run left a gap, or pages are not the size asked for), walk every page instead.
 * 3. Below that, write every unknown row down to the end of the list (or `since`).
 * 4. Rows that arrived during the walk are at the top: walk from page 1 again, writing every
 *    unknown row, down to the first row no newer than the newest row of the previous pass's
 *    first read of page 1, until a pass finds nothing new (at most {@link CATCH_UP_PASSES}
 *    passes). A finished pass leaves the file holding every row the list had when it read page 1
 *    first, so below that row nothing is missing. Stopping at the first known row instead is
 *    wrong: rows that arrive while a pass reads its pages push rows it wrote onto later pages,
 *    and rows below such a row may not be written yet.
 *
 * In steps 1 and 4, a known row no older than the oldest row written in the same pass is one that
 * pass wrote, pushed down by arrivals (a row the file held before lies below everything a pass
 * writes before reaching it): it is stepped over, never taken for the file's newest.
 * @module
 */
import { QuoineResponseError } from '../../core/errors.js';

/** One page as the walk needs it. */
export interface ListPage<T> {
  readonly models: readonly T[];
  readonly currentPage: number;
  readonly totalPages: number;
}

/** Where the walk writes and what it has written. */
export interface ResumeTarget<T> {
  /** Whether the file already holds this id. */
  has(id: number): boolean;
  /** Appends a row (and remembers its id). */
  write(item: T): void;
  /** How many distinct ids the file held before this run, among those the list can serve. */
  readonly count: number;
  /** The smallest of those ids. */
  readonly oldestId: string | undefined;
}

/** How the walk is doing after each request. */
export interface WalkProgress {
  readonly requests: number;
  /** The page just read and how many the list had then. */
  readonly page: number;
  readonly totalPages: number;
  /** Whether the walk is back at the top for rows that arrived while it ran (the list is walked). */
  readonly catchingUp: boolean;
}

/** Options of {@link resumeNewestFirst}. */
export interface ResumeOptions<T> {
  /** Fetches one page of `pageSize` items. */
  readonly fetch: (page: number) => Promise<ListPage<T>>;
  /** The list's path, for error messages (e.g. `/orders`). */
  readonly path: string;
  /** The page size asked of `fetch`. */
  readonly pageSize: number;
  /** Whether an item is older than wanted: it and every later one end the walk. */
  readonly tooOld?: (item: T) => boolean;
  /** True when the user asked to stop: the walk returns after the current page. */
  readonly stop: () => boolean;
  /** Called after every request. */
  readonly onPage?: (progress: WalkProgress) => void;
}

/** How many times the walk goes back to page 1 for rows that arrived while it ran. */
export const CATCH_UP_PASSES = 5;

/** Writes every row of the list the target does not hold yet. */
export async function resumeNewestFirst<T extends { readonly id: number }>(
  target: ResumeTarget<T>,
  options: ResumeOptions<T>,
): Promise<void> {
  const walk = new Walk(target, options);
  await walk.run();
}

/** Position of a row: a page and an index in it. */
interface Cursor<T> {
  readonly page: ListPage<T>;
  readonly index: number;
}

class Walk<T extends { readonly id: number }> {
  readonly #target: ResumeTarget<T>;
  readonly #options: ResumeOptions<T>;
  #requests = 0;
  #written = 0;
  #catchingUp = false;
  /** A page other than the last had a size other than `pageSize`: index arithmetic is off. */
  #irregular = false;

  constructor(target: ResumeTarget<T>, options: ResumeOptions<T>) {
    this.#target = target;
    this.#options = options;
  }

  async run(): Promise<void> {
    const first = await this.#fetch(1);
    // Every row up to this one is in the file once the first pass is over (see the module's note).
    let upTo = first.models[0]?.id;
    const firstKnown = await this.#newRowsAtTop(first, (item) => this.#target.has(item.id));
    if (firstKnown === 'stopped') return;
    if (firstKnown !== 'done') {
      const below = (await this.#pastTheFile(firstKnown)) ?? { page: firstKnown.page, index: firstKnown.index + 1 };
      if ((await this.#writeDown(below)) === 'stopped') return;
    }
    this.#catchingUp = true;
    for (let pass = 0; pass < CATCH_UP_PASSES; pass++) {
      const before = this.#written;
      const top = await this.#fetch(1);
      const bound = upTo;
      upTo = top.models[0]?.id ?? upTo;
      const end = await this.#newRowsAtTop(top, (item) => bound !== undefined && item.id <= bound);
      if (end === 'stopped' || this.#written === before) return;
    }
  }

  /**
   * Writes every unknown row from the top of `page` (page 1) down to the first row `isEnd` holds
   * for (see the module's note for rows this pass wrote, pushed down); returns its position, or
   * how the walk ended.
   */
  async #newRowsAtTop(page: ListPage<T>, isEnd: (item: T) => boolean): Promise<Cursor<T> | 'done' | 'stopped'> {
    /** The oldest row this pass wrote: a known row no older than it was written by this pass. */
    let oldestWritten: number | undefined;
    for (;;) {
      for (let index = 0; index < page.models.length; index++) {
        const item = page.models[index] as T;
        if (this.#options.tooOld?.(item)) return 'done';
        const known = this.#target.has(item.id);
        if (known && oldestWritten !== undefined && item.id >= oldestWritten) continue;
        if (isEnd(item)) return { page, index };
        if (known) continue;
        this.#write(item);
        // The smallest, not the last: rows that arrive mid-pass come out on later pages, newer.
        if (oldestWritten === undefined || item.id < oldestWritten) oldestWritten = item.id;
      }
      if (this.#options.stop()) return 'stopped';
      if (page.currentPage >= page.totalPages) return 'done';
      page = await this.#fetch(page.currentPage + 1);
    }
  }

  /** The position just past the file's oldest row, if the file is provably one unbroken run of the list. */
  async #pastTheFile(first: Cursor<T>): Promise<Cursor<T> | undefined> {
    const { count, oldestId } = this.#target;
    if (oldestId === undefined) return undefined;
    const size = this.#options.pageSize;
    const last = (first.page.currentPage - 1) * size + first.index + count - 1;
    const pageNumber = Math.floor(last / size) + 1;
    const page = pageNumber === first.page.currentPage ? first.page : await this.#fetch(pageNumber);
    const index = last % size;
    if (this.#irregular || String(page.models[index]?.id) !== oldestId) return undefined;
    return { page, index: index + 1 };
  }

  /** Writes every unknown row from `from` down to the end of the list (or `since`). */
  async #writeDown(from: Cursor<T>): Promise<'done' | 'stopped'> {
    let { page, index } = from;
    for (;;) {
      for (; index < page.models.length; index++) {
        const item = page.models[index] as T;
        if (this.#options.tooOld?.(item)) return 'done';
        if (!this.#target.has(item.id)) this.#write(item);
      }
      if (this.#options.stop()) return 'stopped';
      if (page.currentPage >= page.totalPages || page.models.length === 0) return 'done';
      page = await this.#fetch(page.currentPage + 1);
      index = 0;
    }
  }

  #write(item: T): void {
    this.#target.write(item);
    this.#written++;
  }

  async #fetch(number: number): Promise<ListPage<T>> {
    const page = await this.#options.fetch(number);
    this.#requests++;
    if (page.currentPage !== number) {
      throw new QuoineResponseError(
        `asked for page ${number} but the exchange answered current_page ${page.currentPage}`,
        { method: 'GET', path: `${this.#options.path}?page=${number}` },
      );
    }
    if (page.currentPage < page.totalPages && page.models.length !== this.#options.pageSize) this.#irregular = true;
    this.#options.onPage?.({
      requests: this.#requests,
      page: page.currentPage,
      totalPages: page.totalPages,
      catchingUp: this.#catchingUp,
    });
    return page;
  }
}
