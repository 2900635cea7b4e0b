/**
 * The retry policy: which failures are retried for which kind of call, and how long to wait.
 * Pure functions; the transport owns the loop.
 *
 * A retry must never place an order twice. Quoine has no idempotency keys, so a call that
 * changes state is retried only when the exchange provably did not act on it: the connection
 * never carried the request (refused, DNS failure, connect timeout), or the exchange refused it
 * before processing (429 rate limit), or repeating it cannot act twice (an idempotent call, or a
 * placement carrying a `client_order_id` the exchange deduplicates).
 * @module
 */

/**
 * How a call may be retried: what sending it a second time could do.
 * - `read`: no effect on the exchange (GETs, and the fee estimate's computing POST). Retried
 *   on 429, 5xx, timeouts, connection faults and unreadable 2xx bodies.
 * - `idempotent`: changes state, but a second copy finds the change made and cannot act again
 *   (cancelling an order, cancelling all orders). Retried like a read.
 * - `deduplicated`: a copy would act again, but the exchange refuses it by a key the call
 *   carries (an order placed with a `client_order_id`). Retried like a read; the placement then
 *   finds its order by that id.
 * - `non-idempotent`: a copy would act again (placing without a client id, editing, closing a
 *   trade, withdrawing). Retried only when provably not processed: not sent, or a 429.
 */
export type CallSafety = 'read' | 'idempotent' | 'deduplicated' | 'non-idempotent';

/** What an attempt ended with, as far as the retry policy cares. */
export type AttemptFailure =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterMs: number | undefined }
  | { readonly kind: 'connection'; readonly sent: boolean }
  /** A 2xx whose body cannot be read (not JSON, not what its encoding says): it was processed. */
  | { readonly kind: 'response' }
  /** A failure a new attempt would repeat (a body over the size limit): never retried. */
  | { readonly kind: 'final' };

/** Statuses a read may be retried on. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** Error codes that prove the request never left this machine. */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/** Timeout phases that end before the request is written. */
export const NOT_SENT_TIMEOUTS: ReadonlySet<string> = new Set(['lookup', 'connect', 'secureConnect']);

/** Whether an attempt that failed this way may be sent again. */
export function isRetryable(safety: CallSafety, failure: AttemptFailure): boolean {
  const repeatable = safety !== 'non-idempotent';
  switch (failure.kind) {
    case 'final':
      return false;
    case 'connection':
      return repeatable || !failure.sent;
    case 'response':
      return repeatable; // processed: only a call that cannot act twice may go again
    case 'status':
      if (failure.status === 429) return true; // refused before processing, whatever the call
      return repeatable && RETRYABLE_STATUSES.has(failure.status);
  }
}

/** Backoff settings. */
export interface Backoff {
  /** Delay before the first retry, before jitter. */
  readonly baseMs: number;
  /** Cap of the exponential delay. */
  readonly maxMs: number;
}

/** Default backoff: 0.5 s, 1 s, 2 s … capped at 8 s, each scaled by a random 50–100 %. */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 500, maxMs: 8000 };

/**
 * The wait before retry number `retry` (1 for the first retry): the server's Retry-After when
 * it gave one, otherwise capped exponential backoff with jitter.
 * @param retry 1-based retry number
 * @param retryAfterMs the server's requested wait, if any
 * @param random a number in [0, 1) (injected for tests)
 */
export function retryDelay(
  retry: number,
  retryAfterMs: number | undefined,
  backoff: Backoff = DEFAULT_BACKOFF,
  random: number = Math.random(),
): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const exponential = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (retry - 1));
  return Math.round(exponential * (0.5 + random / 2));
}

/** `Retry-After` as delta seconds (RFC 9110 says digits; a fraction is tolerated). */
const DELTA_SECONDS = /^\d+(\.\d+)?$/;
/**
 * `Retry-After` as an HTTP date, in any of its three forms (IMF-fixdate, RFC 850, asctime): a
 * weekday name and a clock time. `Date.parse` alone is far too lenient (it reads `-5` as 2001).
 */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? .*\b\d\d:\d\d:\d\d\b/;

/**
 * Milliseconds to wait from a `Retry-After` header (delta seconds or an HTTP date) or, failing
 * that, from the exchange's 429 text "Please retry after 300s". Anything else (negative,
 * garbage) is no instruction: `undefined`. An absurd value (10^9 s, the year 9999, 400 digits)
 * comes back finite, at most `Number.MAX_SAFE_INTEGER`; the transport fails such a call fast
 * and caps how long it pauses the rate limiter.
 */
export function parseRetryAfter(header: string | undefined, body: string, nowMs: number): number | undefined {
  if (header !== undefined && header.trim() !== '') {
    const value = header.trim();
    if (DELTA_SECONDS.test(value)) return finiteMs(Number(value) * 1000);
    if (HTTP_DATE.test(value)) {
      const date = Date.parse(value);
      if (!Number.isNaN(date)) return finiteMs(date - nowMs);
    }
  }
  const said = /retry after (\d+(?:\.\d+)?)\s*s/i.exec(body.slice(0, 1000));
  return said ? finiteMs(Number(said[1]) * 1000) : undefined;
}

function finiteMs(ms: number): number {
  return Math.min(Number.MAX_SAFE_INTEGER, Math.max(0, Math.round(ms)));
}
