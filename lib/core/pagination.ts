/**
 * Page-numbered lists (`models` / `current_page` / `total_pages`). A paged call returns a
 * {@link PagedCall}: `await` it for the first {@link Page}, or `for await` over every item of
 * every page. Both uses share one lazily started request for the first page.
 *
 * Page numbers over live data can shift while a walk is under way (a new order pushes older ones
 * down a page), so a walk de-duplicates items by `id`, keeps going through empty pages until
 * `total_pages`, and fails loudly if the exchange does not advance `current_page`.
 * @module
 */
import { QuoineResponseError, type RequestTarget } from './errors.js';

/**
 * Fetches one page by its 1-based number.
 * @group Client
 */
export type PageFetcher<T> = (page: number) => Promise<Page<T>>;

/**
 * One page of a list. Async-iterable over its items and those of every later page.
 * @group Client
 * @hideconstructor
 */
export class Page<T> implements AsyncIterable<T> {
  /** The items of this page. */
  readonly models: readonly T[];
  /** This page's number (1-based). */
  readonly currentPage: number;
  /** How many pages the list had when this page was served. */
  readonly totalPages: number;
  readonly #fetch: PageFetcher<T>;
  readonly #target: RequestTarget;

  /**
   * @param models the items
   * @param currentPage this page's number
   * @param totalPages the page count
   * @param fetch fetches another page of the same list
   * @param target the request that served this page (for error messages)
   */
  constructor(
    models: readonly T[],
    currentPage: number,
    totalPages: number,
    fetch: PageFetcher<T>,
    target: RequestTarget,
  ) {
    this.models = models;
    this.currentPage = currentPage;
    this.totalPages = totalPages;
    this.#fetch = fetch;
    this.#target = target;
  }

  /** Whether a later page exists. */
  hasNextPage(): boolean {
    return this.currentPage < this.totalPages;
  }

  /** Fetches the next page; fails if there is none or the exchange does not advance. */
  async nextPage(): Promise<Page<T>> {
    if (!this.hasNextPage()) {
      throw new QuoineResponseError(`page ${this.currentPage} is the last of ${this.totalPages}`, this.#target);
    }
    const next = await this.#fetch(this.currentPage + 1);
    if (next.currentPage <= this.currentPage) {
      throw new QuoineResponseError(
        `asked for page ${this.currentPage + 1} but the exchange answered current_page ${next.currentPage}: stopping rather than looping`,
        next.#target,
      );
    }
    return next;
  }

  /** This page and every later one, in order. */
  async *iterPages(): AsyncGenerator<Page<T>, void, undefined> {
    yield this;
    let page = this.hasNextPage() ? await this.nextPage() : undefined;
    while (page !== undefined) {
      yield page;
      page = page.hasNextPage() ? await page.nextPage() : undefined;
    }
  }

  /** Every item of this page and every later one, each `id` at most once. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    const seen = new Set<unknown>();
    for await (const page of this.iterPages()) {
      for (const item of page.models) {
        const id = (item as { id?: unknown }).id;
        if (id !== undefined) {
          if (seen.has(id)) continue;
          seen.add(id);
        }
        yield item;
      }
    }
  }
}

/**
 * A paged call: awaitable to its first {@link Page}, and async-iterable over every item of
 * every page. Nothing is requested until it is awaited or iterated.
 * @group Client
 * @hideconstructor
 */
export class PagedCall<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #fetch: PageFetcher<T>;
  readonly #firstPage: () => number;
  #first: Promise<Page<T>> | undefined;

  /**
   * @param fetch fetches a page by number
   * @param firstPage the page to start from (1 unless the caller chose); may throw on bad input,
   *   which then rejects the call
   */
  constructor(fetch: PageFetcher<T>, firstPage: () => number = () => 1) {
    this.#fetch = fetch;
    this.#firstPage = firstPage;
  }

  #start(): Promise<Page<T>> {
    this.#first ??= new Promise<Page<T>>((resolve) => resolve(this.#fetch(this.#firstPage())));
    return this.#first;
  }

  /** Resolves with the first page. */
  then<R1 = Page<T>, R2 = never>(
    onfulfilled?: ((value: Page<T>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#start().then(onfulfilled, onrejected);
  }

  /** Handles a failure of the first page. */
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R> {
    return this.#start().catch(onrejected);
  }

  /** Runs `onfinally` when the first page settles. */
  finally(onfinally?: (() => void) | null): Promise<Page<T>> {
    return this.#start().finally(onfinally);
  }

  /** Every page, starting with the first. */
  async *iterPages(): AsyncGenerator<Page<T>, void, undefined> {
    yield* (await this.#start()).iterPages();
  }

  /** Every item of every page, each `id` at most once. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    yield* await this.#start();
  }

  /** Collects every item into an array (mind the size of what you ask for). */
  async toArray(): Promise<T[]> {
    const all: T[] = [];
    for await (const item of this) all.push(item);
    return all;
  }
}
