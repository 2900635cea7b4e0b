/**
 * What a resource hands the transport (one call) and what it gets back (a 2xx body, parsed
 * losslessly), and how a call's target is written as it is sent and signed.
 * @module
 */
import type { CallOptions } from './call-options.js';
import type { RequestTarget } from './errors.js';
import type { CallSafety } from './retry.js';
import type { Redactor } from './scrub.js';

/** Query parameters; `undefined` values are left out. */
export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

/** One call, as a resource describes it. */
export interface RequestSpec {
  /** HTTP method. */
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Path without query string, already encoded (see `path` in `core/path.ts`). */
  readonly path: string;
  /** Query parameters. */
  readonly query?: Query | undefined;
  /** JSON body: decimals already as their wire strings. */
  readonly body?: unknown;
  /** Whether the call is signed. */
  readonly auth: boolean;
  /**
   * Signed without a nonce, outside the signing lane: only for `POST /orders` with a
   * `client_order_id`, which the exchange exempts from the nonce check (quoine-api.md §2.1), so
   * such placements may go in parallel, from any process. They still take a rate-limit slot.
   */
  readonly nonceExempt?: boolean | undefined;
  /** How the call may be retried. */
  readonly safety: CallSafety;
  /** Per-call options. */
  readonly options?: CallOptions | undefined;
}

/** A successful response. */
export interface TransportResponse {
  /** HTTP status (2xx). */
  readonly status: number;
  /** The body, parsed losslessly: every JSON number is its source string. */
  readonly body: unknown;
  /** The request it answers. */
  readonly target: RequestTarget;
  /** Removes the secret and this call's token from a text: for errors built from the body. */
  readonly redact: Redactor;
}

/** `path` with its query string, exactly as sent and signed. */
export function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}
