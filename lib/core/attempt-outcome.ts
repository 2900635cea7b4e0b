/**
 * How one attempt of a call ended, classified for the retry policy: a 2xx body, an error status,
 * a body over its limit, or a connection that failed (and whether the request was sent). A
 * failed attempt carries how to build its error rather than the error itself.
 * @module
 */
import { now } from './clock.js';
import { parseErrorBody } from './error-body.js';
import {
  QuoineAbortError,
  QuoineConnectionError,
  QuoineResponseError,
  QuoineResponseTooLargeError,
  QuoineTimeoutError,
  NonceTooSmallError,
  errorFromResponse,
  type FailureCause,
  type RequestTarget,
} from './errors.js';
import { HttpTimeoutError } from './http-attempt.js';
import { JsonLimitError, parseLossless } from './json.js';
import type { TransportResponse } from './request-spec.js';
import type { ReadResponse } from './response-stream.js';
import { NOT_SENT_CODES, NOT_SENT_TIMEOUTS, parseRetryAfter, type AttemptFailure } from './retry.js';
import type { Redactor } from './scrub.js';

/**
 * How one attempt ended. A failed attempt carries how to build its error rather than the error:
 * the error tells how many attempts the call made, known only once the retry policy gives up.
 */
export type AttemptResult =
  | { readonly ok: true; readonly response: TransportResponse }
  | {
      readonly ok: false;
      readonly failure: AttemptFailure;
      readonly error: ErrorFor;
      /** A "Nonce is too small" rejection: an auth refusal, so one re-signed retry is safe. */
      readonly nonceTooSmall?: boolean;
    };

/** Builds a failed call's error, given the number of attempts made. */
export type ErrorFor = (attempts: number) => Error;

/** An error that does not depend on the number of attempts. */
export const always =
  (error: Error): ErrorFor =>
  () =>
    error;

/** A body over the limit: never retried (the same request would bring the same body). */
export function tooLarge(target: RequestTarget, status: number, limit: number): AttemptResult {
  return {
    ok: false,
    failure: { kind: 'final' },
    error: always(new QuoineResponseTooLargeError(target, status, limit)),
  };
}

export function classifyResponse(response: ReadResponse, target: RequestTarget, redact: Redactor): AttemptResult {
  const status = response.status;
  if (status >= 200 && status < 300) {
    try {
      return { ok: true, response: { status, body: parseLossless(response.body), target, redact } };
    } catch (e) {
      if (e instanceof JsonLimitError) {
        // Never retried, like a body over maxResponseBytes: the same request would bring the same body.
        const error = new QuoineResponseError(
          `the exchange answered ${status} with a body beyond what the SDK parses (${e.message}); the request was processed`,
          target,
          status,
        );
        return { ok: false, failure: { kind: 'final' }, error: always(error) };
      }
      const error = new QuoineResponseError(
        `the exchange answered ${status} with a body that is not JSON (${describeBody(response)}); the request was processed`,
        target,
        status,
      );
      return { ok: false, failure: { kind: 'response' }, error: always(error) };
    }
  }
  if (status >= 300 && status < 400) {
    const error = new QuoineResponseError(
      `unexpected redirect ${status} (redirects are not followed: the signed token must not travel)`,
      target,
      status,
    );
    return { ok: false, failure: { kind: 'status', status, retryAfterMs: undefined }, error: always(error) };
  }
  const headers = responseHeaders(response);
  const said = parseErrorBody(response.body, redact);
  const retryAfterMs =
    status === 429 || status === 503 ? parseRetryAfter(headers['retry-after'], response.body, now()) : undefined;
  const error: ErrorFor = (attempts) =>
    errorFromResponse({ ...target, ...said, status, headers, retryAfterMs, attempts });
  return {
    ok: false,
    failure: { kind: 'status', status, retryAfterMs },
    error,
    nonceTooSmall: status === 401 && error(1) instanceof NonceTooSmallError,
  };
}

/**
 * A failure with no usable response. `connected` says whether the connection was ever ready to
 * carry the request (see `HttpAttempt.connected`): a failure before that proves nothing was
 * sent, whatever its code; so do the codes of {@link NOT_SENT_CODES} and the timeouts of the
 * phases before the request is written. Anything else counts as sent.
 */
export function connectionFailure(
  e: unknown,
  target: RequestTarget,
  signal: AbortSignal | undefined,
  connected: boolean,
): AttemptResult {
  if (signal?.aborted === true) throw new QuoineAbortError(`${target.method} ${target.path}: the call was aborted`);
  const timeout = e instanceof HttpTimeoutError ? e : undefined;
  const code = errorCode(e);
  const event = timeout?.event;
  const message = e instanceof Error ? e.message : String(e);
  const cause: FailureCause = { code, event, message };
  const sent =
    event !== undefined
      ? !NOT_SENT_TIMEOUTS.has(event)
      : !(code !== undefined && NOT_SENT_CODES.has(code)) && connected;
  const error: ErrorFor = (attempts) =>
    timeout
      ? new QuoineTimeoutError(target, cause, sent, attempts)
      : new QuoineConnectionError(target, cause, sent, attempts);
  return { ok: false, failure: { kind: 'connection', sent }, error };
}

/** Node's error code (`ECONNRESET`, `DEPTH_ZERO_SELF_SIGNED_CERT` …), when the error has one. */
function errorCode(e: unknown): string | undefined {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function responseHeaders(response: ReadResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (name === 'set-cookie' || value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function describeBody(response: ReadResponse): string {
  const type = response.headers['content-type'] ?? 'no content type';
  return `${type}, ${response.body.length} characters`;
}
