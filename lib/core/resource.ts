/**
 * The base of every resource: turns a call into a {@link RequestSpec} and a response into
 * entities. Resources never touch HTTP; the transport never sees an entity.
 *
 * A resource method checks its input with the coercers of `core/coerce.ts` and sends one verb:
 * `this.GET(Entity, path, { query })`, `this.POST(Entity, path, { body })`, `this.PUT(…)`, or
 * `this.pages(Entity, filters, () => ({ path, query }))` for a paged list. Calls are signed
 * unless they say `auth: false`; the retry safety defaults per verb (see {@link DEFAULT_SAFETY}).
 * @module
 */
import { object, pageLimit, pageNumber } from './coerce.js';
import { QuoineResponseError, type RequestTarget } from './errors.js';
import { hydrate, hydrateMany, type EntityClass } from './fields.js';
import { Page, PagedCall } from './pagination.js';
import type { CallSafety } from './retry.js';
import type { CallOptions } from './call-options.js';
import type { Query, RequestSpec } from './request-spec.js';
import type { Transport } from './transport.js';
import { redactTokens, scrubError, type Redactor } from './scrub.js';
import { WireValueError, toInt } from './wire-values.js';

export { MAX_PAGE_SIZE } from './coerce.js';

/**
 * Paging options of a paged call.
 * @group Client
 */
export interface PageOptions {
  /** Items per page, 1–1000. Default when walking: 1000 (fewest requests against the rate limit). */
  readonly limit?: number;
  /** The page to start at (1-based). Default 1. */
  readonly page?: number;
}

/** Turns a parsed body into what a call returns (for bodies that are not one entity). */
export interface BodyReader<T> {
  /** Reads the body; throws a `WireValueError` when it does not fit. */
  readonly read: (body: unknown) => T;
}

/** What a verb returns: one entity of a class, or whatever a {@link BodyReader} reads. */
export type Returns<T> = EntityClass<T> | BodyReader<T>;

/** A body that is an array of entities. */
export function listOf<T>(cls: EntityClass<T>): BodyReader<T[]> {
  return { read: (body) => hydrateMany(cls, body) };
}

/** A body read by a function. */
export function readWith<T>(read: (body: unknown) => T): BodyReader<T> {
  return { read };
}

/** The named arguments of a verb. */
export interface CallArgs {
  /** Query parameters; `undefined` values are left out. */
  readonly query?: Query;
  /** The JSON body (POST and PUT), decimals already as their wire strings. */
  readonly body?: unknown;
  /** The caller's per-call options. */
  readonly options?: CallOptions | undefined;
  /** Whether the call is signed. Default `true`; public endpoints say `false`. */
  readonly auth?: boolean;
  /** How the call may be retried, when it is not the verb's default. */
  readonly safety?: CallSafety;
  /** Signed without a nonce, outside the signing lane (see {@link RequestSpec.nonceExempt}). */
  readonly nonceExempt?: boolean;
}

/** The request of a paged list: the filters' `limit` and `page` are added to its query. */
export interface PagedRequest extends Omit<CallArgs, 'body' | 'safety'> {
  /** The path, already encoded. */
  readonly path: string;
}

/**
 * The retry safety of each verb unless a call says otherwise: a GET reads; a POST or PUT is
 * assumed to act again if repeated, and a call that is safe to repeat must say so
 * (`'idempotent'`, `'deduplicated'`, or `'read'` for a POST that only computes).
 */
export const DEFAULT_SAFETY: Readonly<Record<RequestSpec['method'], CallSafety>> = {
  GET: 'read',
  POST: 'non-idempotent',
  PUT: 'non-idempotent',
};

/**
 * Base class of the resource namespaces (`client.products`, `client.orders` …).
 * @group Client
 */
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

  /** Sends a GET and reads its body. */
  protected GET<T>(returns: Returns<T>, path: string, args: Omit<CallArgs, 'body'> = {}): Promise<T> {
    return this.#send('GET', returns, path, args);
  }

  /** Sends a POST and reads its body. */
  protected POST<T>(returns: Returns<T>, path: string, args: CallArgs = {}): Promise<T> {
    return this.#send('POST', returns, path, args);
  }

  /** Sends a PUT and reads its body. */
  protected PUT<T>(returns: Returns<T>, path: string, args: CallArgs = {}): Promise<T> {
    return this.#send('PUT', returns, path, args);
  }

  /**
   * A paged GET. `filters` is the caller's filters object, which carries the paging (`limit`,
   * `page`); it is checked to be an object, then `build` checks its other fields and returns the
   * request. Both run when the call is first awaited or iterated, so bad input (filters that are not an object included) rejects like
   * every other failure instead of throwing synchronously.
   */
  protected pages<T>(cls: EntityClass<T>, filters: PageOptions, build: () => PagedRequest): PagedCall<T> {
    let prepared: PreparedList | undefined;
    const prepare = (): PreparedList => (prepared ??= prepareList(filters, build));
    const fetch = async (page: number): Promise<Page<T>> => {
      const { request, limit } = prepare();
      const response = await this.transport.request({ ...request, query: { ...request.query, limit, page } });
      return toEntity(() => pageOf(cls, response.body, fetch, response.target), response.target, response.redact);
    };
    return new PagedCall(fetch, () => prepare().first);
  }

  async #send<T>(method: RequestSpec['method'], returns: Returns<T>, path: string, args: CallArgs): Promise<T> {
    const { query, body, options, auth = true, safety = DEFAULT_SAFETY[method], nonceExempt } = args;
    const response = await this.transport.request({ method, path, query, body, auth, safety, nonceExempt, options });
    const read = typeof returns === 'function' ? (b: unknown) => hydrate(returns, b) : returns.read;
    return toEntity(() => read(response.body), response.target, response.redact);
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
    if (e instanceof WireValueError)
      throw scrubError(new QuoineResponseError(`unexpected response body: ${e.message}`, target, 200), redact);
    throw e;
  }
}

function pageOf<T>(
  cls: EntityClass<T>,
  body: unknown,
  fetch: (page: number) => Promise<Page<T>>,
  target: RequestTarget,
): Page<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new WireValueError('expected a page object');
  const record = body as Record<string, unknown>;
  if (!('current_page' in record) || !('total_pages' in record))
    throw new WireValueError('expected current_page and total_pages');
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
  readonly request: RequestSpec;
  readonly limit: number;
  readonly first: number;
}

function prepareList(filters: PageOptions, build: () => PagedRequest): PreparedList {
  // Checked first: filters that are not an object (null, a string) would otherwise fail in `build`
  // with a TypeError, or be read as "no filters" and the unfiltered list sent.
  const paging = object(filters, 'filters', "a list call's filters (such as { limit, page })");
  const { path, query, options, auth = true } = build();
  const request: RequestSpec = { method: 'GET', path, query, auth, safety: DEFAULT_SAFETY.GET, options };
  return { request, limit: pageLimit(paging.limit), first: pageNumber(paging.page) };
}

/** An object with the undefined entries removed (for JSON bodies). */
export function defined<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type { CallOptions };
