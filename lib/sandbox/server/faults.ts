/**
 * Which requests a fault applies to.
 * @group Faults
 */
export interface FaultMatch {
  /** HTTP method (any when omitted). */
  readonly method?: string;
  /**
   * The request path without query: an exact path (a trailing slash is ignored), a string with `*`
   * wildcards (`/orders/*`, at most 256 characters, matched in time linear in the path), or a
   * RegExp tested against the path (in-process only: its cost is the caller's). Any path when omitted.
   */
  readonly path?: string | RegExp;
  /**
   * Only requests whose body contains this text (at most 256 characters): keys a fault to one
   * request, e.g. by its unique quantity or `client_order_id`, so concurrent clients cannot take
   * each other's faults.
   */
  readonly bodyContains?: string;
  /** How many matching requests the fault affects before it is used up (default 1). */
  readonly times?: number;
}

/**
 * What happens to a matching request.
 *
 * - `status`: answer `status` instead of processing (the exchange never sees the request). The body
 *   defaults to the exchange's rate-limit text for 429 and `{"message": <reason>}` otherwise;
 *   `retryAfter` adds a `Retry-After` header.
 * - `delay`: wait `ms`, then process normally.
 * - `reset-before`: destroy the connection before processing (the exchange never sees it).
 * - `reset-after`: process the request, then destroy the connection instead of answering (e.g. the
 *   order exists but the client sees a socket error).
 * - `malformed-body`: process, then answer 200 with a body that is not JSON.
 * - `truncated-body`: process, then send 200 with the full `Content-Length` but only half the body,
 *   and close the connection.
 * - `slow-body`: process, send 200 headers and half the body, then stall for `stallMs` before
 *   sending the rest (forever, until the client gives up or the sandbox closes, when omitted).
 * @group Faults
 */
export type FaultAction =
  | {
      /** Answer `status` instead of processing. */
      readonly kind: 'status';
      /** The HTTP status to answer (100–599). */
      readonly status: number;
      /** The response body; default the rate-limit text for 429, else `{"message": <reason>}`. */
      readonly body?: string;
      /** Value of a `Retry-After` header; none when omitted. */
      readonly retryAfter?: number | string;
    }
  | {
      /** Wait, then process normally. */
      readonly kind: 'delay';
      /** How long to wait, in milliseconds. */
      readonly ms: number;
    }
  | {
      /** Destroy the connection before processing. */
      readonly kind: 'reset-before';
    }
  | {
      /** Process, then destroy the connection instead of answering. */
      readonly kind: 'reset-after';
    }
  | {
      /** Process, then answer 200 with a body that is not JSON. */
      readonly kind: 'malformed-body';
      /** The non-JSON body to send; default a small HTML `502 Bad Gateway` page. */
      readonly body?: string;
    }
  | {
      /** Process, then send 200 with the full `Content-Length` but half the body, and close. */
      readonly kind: 'truncated-body';
    }
  | {
      /** Process, send 200 headers and half the body, stall, then send the rest. */
      readonly kind: 'slow-body';
      /** How long to stall, in milliseconds; forever when omitted. */
      readonly stallMs?: number;
    };

/**
 * A fault to inject: a match and an action.
 * @group Faults
 */
export type FaultSpec = FaultMatch & FaultAction;

interface PendingFault {
  readonly spec: FaultSpec;
  remaining: number;
}

/** Longest `path` pattern and `bodyContains` text a fault may have. */
export const MAX_FAULT_PATTERN_LENGTH = 256;
/**
 * Most faults pending at once (`add` refuses more). With {@link MAX_FAULT_BODY_SCAN} it bounds
 * what one request costs to match: at most 1,000 × 64 KiB of body searched, however the faults
 * and the request are built.
 */
export const MAX_PENDING_FAULTS = 1_000;
/**
 * How much of a request body `bodyContains` searches: the first 64 KiB. Faults are keyed to a
 * request by a short unique text of a small body (an order's quantity or client id); a search
 * over a whole 1 MB body for every pending fault would let one request stall the event loop.
 */
export const MAX_FAULT_BODY_SCAN = 64 * 1024;

/**
 * Fault injection for tests. Faults are consumed in the order they were added: a request takes
 * the first pending fault that matches it, which then has one use less.
 * @group Faults
 * @hideconstructor
 */
export class FaultInjector {
  private pending: PendingFault[] = [];

  /** Adds a fault (see {@link FaultAction} for the kinds); a `RangeError` names what is wrong with it. */
  add(spec: FaultSpec): void {
    const times = spec.times ?? 1;
    if (!Number.isSafeInteger(times) || times < 1) throw new RangeError('fault times must be a positive integer');
    if (spec.kind === 'status' && (!Number.isInteger(spec.status) || spec.status < 100 || spec.status > 599)) {
      throw new RangeError('fault status must be an HTTP status code');
    }
    if (typeof spec.path === 'string' && spec.path.length > MAX_FAULT_PATTERN_LENGTH) {
      throw new RangeError(`fault path must be at most ${MAX_FAULT_PATTERN_LENGTH} characters`);
    }
    if (
      spec.bodyContains !== undefined &&
      (spec.bodyContains === '' || spec.bodyContains.length > MAX_FAULT_PATTERN_LENGTH)
    ) {
      throw new RangeError(`fault bodyContains must be 1 to ${MAX_FAULT_PATTERN_LENGTH} characters`);
    }
    if (this.pending.length >= MAX_PENDING_FAULTS)
      throw new RangeError(`at most ${MAX_PENDING_FAULTS} faults may be pending`);
    this.pending.push({ spec, remaining: times });
  }

  /** Removes every pending fault. */
  clear(): void {
    this.pending = [];
  }

  /** How many uses are left over all pending faults. */
  get remaining(): number {
    return this.pending.reduce((sum, fault) => sum + fault.remaining, 0);
  }

  /** How many faults are pending (for memory checks). */
  get size(): number {
    return this.pending.length;
  }

  /** Consumes and returns the first pending fault matching the request. */
  take(method: string, path: string, body = ''): FaultAction | undefined {
    const scanned = body.length > MAX_FAULT_BODY_SCAN ? body.slice(0, MAX_FAULT_BODY_SCAN) : body;
    const index = this.pending.findIndex((fault) => matches(fault.spec, method, path, scanned));
    const fault = this.pending[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.pending.splice(index, 1);
    return fault.spec;
  }
}

/** Cheapest test first: the method, then the path, and the body only for a fault still in the running. */
function matches(spec: FaultMatch, method: string, path: string, body: string): boolean {
  if (spec.method !== undefined && spec.method.toUpperCase() !== method) return false;
  if (spec.path !== undefined && !pathMatches(spec.path, path)) return false;
  return spec.bodyContains === undefined || body.includes(spec.bodyContains);
}

function pathMatches(pattern: string | RegExp, path: string): boolean {
  return pattern instanceof RegExp ? pattern.test(path) : globMatches(stripSlash(pattern), stripSlash(path));
}

function stripSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

/**
 * Whether `text` matches a pattern whose only wildcard is `*` (any run of characters). No regular
 * expression, so no backtracking: the first piece must be a prefix, the last a suffix, and each
 * piece between is taken at its leftmost place after the previous one (leftmost is always safe
 * when `*` is the only wildcard). Time O(text length × pattern length).
 */
export function globMatches(pattern: string, text: string): boolean {
  const pieces = pattern.split('*');
  if (pieces.length === 1) return pattern === text;
  const first = pieces[0] as string;
  const last = pieces[pieces.length - 1] as string;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let cursor = first.length;
  const end = text.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    if (piece === '') continue;
    const found = text.indexOf(piece, cursor);
    if (found === -1 || found + piece.length > end) return false;
    cursor = found + piece.length;
  }
  return true;
}
