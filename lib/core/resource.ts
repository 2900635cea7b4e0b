/**
 * The base of every resource: turns a call into a {@link RequestSpec} and a response into
 * entities. Resources never touch got; the transport never sees an entity.
 * @module
 */
import { QuoineRequestError, QuoineResponseError, type RequestTarget } from './errors.js';
import { hydrate, hydrateMany, type EntityClass } from './fields.js';
import { Page, PagedCall } from './pagination.js';
import type { CallOptions, RequestSpec, Transport } from './transport.js';
import { redactTokens, scrubError, type Redactor } from './scrub.js';
import { WireValueError, toInt } from './wire-values.js';

/** The largest page the exchange serves. */
export const MAX_PAGE_SIZE = 1000;

/** Paging options of a paged call. */
export interface PageOptions {
  /** Items per page, 1–1000. Default when walking: 1000 (fewest requests against the rate limit). */
  readonly limit?: number;
  /** The page to start at (1-based). Default 1. */
  readonly page?: number;
}

/** Base class of the resource namespaces (`client.products`, `client.orders` …). */
export abstract class ApiResource {
  /** The client's transport. */
  protected readonly transport: Transport;

  /**
   * Made by the client; you do not construct resources yourself.
   * @param transport the client's transport
   * @internal
   */
  constructor(transport: Transport) {
    this.transport = transport;
  }

  /** Sends a call and hydrates the body as one entity. */
  protected async one<T>(cls: EntityClass<T>, spec: RequestSpec): Promise<T> {
    const { body, target, redact } = await this.transport.request(spec);
    return toEntity(() => hydrate(cls, body), target, redact);
  }

  /** Sends a call and hydrates the body as an array of entities. */
  protected async many<T>(cls: EntityClass<T>, spec: RequestSpec): Promise<T[]> {
    const { body, target, redact } = await this.transport.request(spec);
    return toEntity(() => hydrateMany(cls, body), target, redact);
  }

  /** Sends a call and converts the body with `convert` (for bodies that are not entities). */
  protected async value<T>(spec: RequestSpec, convert: (body: unknown) => T): Promise<T> {
    const { body, target, redact } = await this.transport.request(spec);
    return toEntity(() => convert(body), target, redact);
  }

  /**
   * A paged call. `build` checks the caller's input and returns the request (whose query gets
   * `limit` and `page`) and the paging options; it runs when the call is first awaited or
   * iterated, so bad input rejects like every other failure instead of throwing synchronously.
   */
  protected paged<T>(cls: EntityClass<T>, build: () => readonly [RequestSpec, PageOptions]): PagedCall<T> {
    let prepared: PreparedList | undefined;
    const prepare = (): PreparedList => (prepared ??= prepareList(build()));
    const fetch = async (page: number): Promise<Page<T>> => {
      const { spec, limit } = prepare();
      const response = await this.transport.request({ ...spec, query: { ...spec.query, limit, page } });
      return toEntity(() => pageOf(cls, response.body, fetch, response.target), response.target, response.redact);
    };
    return new PagedCall(fetch, () => prepare().first);
  }
}

/**
 * Runs a conversion, turning a wire value that does not fit into a {@link QuoineResponseError},
 * scrubbed with `redact` (the call's: its token and the secret) since it quotes the body.
 */
export function toEntity<T>(convert: () => T, target: RequestTarget, redact: Redactor = redactTokens): T {
  try {
    return convert();
  } catch (e) {
    if (e instanceof WireValueError) throw scrubError(new QuoineResponseError(`unexpected response body: ${e.message}`, target, 200), redact);
    throw e;
  }
}

function pageOf<T>(cls: EntityClass<T>, body: unknown, fetch: (page: number) => Promise<Page<T>>, target: RequestTarget): Page<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new WireValueError('expected a page object');
  const record = body as Record<string, unknown>;
  if (!('current_page' in record) || !('total_pages' in record)) throw new WireValueError('expected current_page and total_pages');
  const models = hydrateMany(cls, record.models);
  let current: number;
  let total: number;
  try {
    current = toInt(record.current_page);
    total = toInt(record.total_pages);
  } catch (e) {
    throw new WireValueError(`page counters: ${(e as Error).message}`);
  }
  return new Page(models, current, total, fetch, target);
}

interface PreparedList {
  readonly spec: RequestSpec;
  readonly limit: number;
  readonly first: number;
}

function prepareList([spec, paging]: readonly [RequestSpec, PageOptions]): PreparedList {
  return { spec, limit: checkLimit(paging.limit), first: paging.page === undefined ? 1 : checkPage(paging.page) };
}

/** A page size: 1–1000, or the largest when not given. */
export function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return MAX_PAGE_SIZE;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new QuoineRequestError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${String(limit)}`, 'limit');
  }
  return limit;
}

function checkPage(page: number): number {
  if (!Number.isSafeInteger(page) || page < 1) {
    throw new QuoineRequestError(`page must be a positive integer, got ${String(page)}`, 'page');
  }
  return page;
}

export type { CallOptions };
