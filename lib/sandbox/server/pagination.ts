import type { RecordList } from '../exchange/index.js';
import type { WireObject, WireValue } from '../wire/json.js';

/** Default and maximum `limit` (quoine-api.md §3). */
export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 1000;

/** A validated page request: 1-based page, 1..1000 items. */
export interface PageRequest {
  readonly limit: number;
  readonly page: number;
}

/**
 * Reads `limit` and `page` from a query. Sandbox choices where the reference is silent: a `limit`
 * above 1000 is clamped to 1000; a missing, non-integer or non-positive `limit` means 20; a missing
 * or invalid `page` means 1.
 */
export function readPageRequest(query: URLSearchParams, defaultLimit = DEFAULT_PAGE_LIMIT): PageRequest {
  const limit = positiveInteger(query.get('limit'));
  const page = positiveInteger(query.get('page'));
  return { limit: Math.min(limit ?? defaultLimit, MAX_PAGE_LIMIT), page: page ?? 1 };
}

/** Reads a `limit` alone (for the unpaged `/executions?timestamp=` variant), clamped like pages. */
export function readLimit(query: URLSearchParams, defaultLimit = DEFAULT_PAGE_LIMIT): number {
  return Math.min(positiveInteger(query.get('limit')) ?? defaultLimit, MAX_PAGE_LIMIT);
}

/**
 * `{models, current_page, total_pages}` for one page of `items` (already in the endpoint's order):
 * only the page is taken from the list (an array, or an exchange list that builds those records alone).
 * `total_pages` is at least 1, even for an empty list (a sandbox choice: page 1 of an empty list
 * exists and is empty); a page past the end has no models and still reports the requested page.
 * `countersAsText` writes the two counters as strings, as one 2021 capture of /crypto_withdrawals did.
 */
export function pageOf<T>(
  items: RecordList<T>,
  request: PageRequest,
  serialize: (item: T) => WireValue,
  countersAsText = false,
): WireObject {
  const start = (request.page - 1) * request.limit;
  const models = items.slice(start, start + request.limit).map(serialize);
  const totalPages = Math.max(1, Math.ceil(items.length / request.limit));
  return {
    models,
    current_page: countersAsText ? String(request.page) : request.page,
    total_pages: countersAsText ? String(totalPages) : totalPages,
  };
}

function positiveInteger(text: string | null): number | undefined {
  if (text === null || !/^\d{1,9}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}
