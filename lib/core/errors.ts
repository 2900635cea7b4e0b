/**
 * The error hierarchy. Every error the SDK throws is a {@link QuoineError}; none of them ever
 * carries the API secret or a signed token (the transport never hands them request headers).
 *
 * ```
 * QuoineError
 * ├── QuoineRequestError          bad input caught before anything was sent
 * ├── QuoineResponseError         a body that is not the JSON it should be
 * │   └── QuoineResponseTooLargeError  a body over `maxResponseBytes` (after decompression)
 * ├── QuoineConnectionError       no usable HTTP response (refused, reset, DNS …)
 * │   └── QuoineTimeoutError      the request ran out of time
 * └── QuoineAPIError              the exchange answered with an error status
 *     ├── BadRequestError (400)
 *     ├── AuthenticationError (401)
 *     │   └── NonceTooSmallError  "Nonce is too small"
 *     ├── NotFoundError (404)
 *     ├── UnprocessableEntityError (422)
 *     ├── RateLimitError (429)
 *     └── ServiceUnavailableError (500, 502, 503, 504)
 * ```
 * @module
 */
import { bound, redactTokens } from './scrub.js';

/**
 * Base class of every error thrown by the SDK.
 *
 * Its message never holds a JWT-shaped token: they
 * are redacted here, before the stack is captured, whoever builds the error (the transport
 * also removes the secret and the exact token of the call from every field; see `core/scrub.ts`).
 * @group Errors
 * @hideconstructor
 */
export class QuoineError extends Error {
  /** The error class's name. */
  override name = 'QuoineError';

  /**
   * @param message what happened
   * @param options the cause, if any
   */
  constructor(message: string, options?: ErrorOptions) {
    super(redactTokens(message), options);
  }
}

/**
 * Bad input caught before any request was sent; {@link field} names the offending option.
 * @group Errors
 * @hideconstructor
 */
export class QuoineRequestError extends QuoineError {
  /** The error class's name. */
  override name = 'QuoineRequestError';
  /** The option or field that was refused, e.g. `quantity` or `orders.create: price`. */
  readonly field: string | undefined;

  /**
   * @param message what is wrong and how to fix it
   * @param field the option or field that was refused
   */
  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}

/**
 * Where a failed request stood: enough to say whether the call may have taken effect.
 * @group Errors
 */
export interface RequestTarget {
  /** HTTP method, e.g. `POST`. */
  readonly method: string;
  /** Request path with its query string, e.g. `/orders?product_id=5`. */
  readonly path: string;
}

/**
 * The exchange answered 2xx, but the body is not the JSON the call expects.
 * @group Errors
 * @hideconstructor
 */
export class QuoineResponseError extends QuoineError {
  /** The error class's name. */
  override name = 'QuoineResponseError';
  /** HTTP method of the request. */
  readonly method: string;
  /** Path (with query) of the request. */
  readonly path: string;
  /** HTTP status of the response, when there was one. */
  readonly status: number | undefined;

  /**
   * @param message what was wrong with the body
   * @param target the request it answered
   * @param status the HTTP status of the response
   */
  constructor(message: string, target: RequestTarget, status?: number) {
    super(`${target.method} ${target.path}: ${message}`);
    this.method = target.method;
    this.path = target.path;
    this.status = status;
  }
}

/**
 * The response body exceeded the size limit (`maxResponseBytes`, counted after decompression),
 * so reading stopped there.
 *
 * The exchange answered, so the request was processed; the call is
 * not retried (the same request would bring the same body). Raise the limit, client-wide or per
 * call, only if the response is one you expect to be that large.
 * @group Errors
 * @hideconstructor
 */
export class QuoineResponseTooLargeError extends QuoineResponseError {
  /** The error class's name. */
  override name = 'QuoineResponseTooLargeError';
  /** The limit that was exceeded, in bytes. */
  readonly limit: number;

  /**
   * @param target the request it answered
   * @param status the HTTP status of the response
   * @param limit the limit in bytes
   */
  constructor(target: RequestTarget, status: number, limit: number) {
    super(
      `the exchange answered ${status} with a body larger than maxResponseBytes (${limit} bytes after decompression); reading stopped there, the request was processed`,
      target,
      status,
    );
    this.limit = limit;
  }
}

/**
 * A sanitised description of a low-level failure: never the request options or headers.
 * @group Errors
 */
export interface FailureCause {
  /** Node's or got's error code, e.g. `ECONNRESET`, `ETIMEDOUT`. */
  readonly code: string | undefined;
  /** For timeouts: the phase that ran out of time (`lookup`, `connect`, `request` …). */
  readonly event: string | undefined;
  /** The low-level message. */
  readonly message: string;
}

/**
 * No usable response arrived.
 *
 * {@link mayHaveBeenProcessed} says whether the exchange may have
 * acted on the request anyway: `false` only when the request provably never left (connection
 * refused, DNS failure, connect timeout). When it is `true` for an order, look the order up
 * (by `clientOrderId` if you set one) before placing it again.
 * @group Errors
 * @hideconstructor
 */
export class QuoineConnectionError extends QuoineError {
  /** The error class's name. */
  override name = 'QuoineConnectionError';
  /** HTTP method of the request. */
  readonly method: string;
  /** Path (with query) of the request. */
  readonly path: string;
  /** The low-level error code, e.g. `ECONNRESET`. */
  readonly code: string | undefined;
  /** Whether the exchange may have received (and acted on) the request. */
  readonly mayHaveBeenProcessed: boolean;
  /** How many attempts were made before giving up. */
  readonly attempts: number;

  /**
   * @param target the request that failed
   * @param cause the sanitised low-level failure
   * @param mayHaveBeenProcessed whether the request may have reached the exchange
   * @param attempts attempts made
   */
  constructor(target: RequestTarget, cause: FailureCause, mayHaveBeenProcessed: boolean, attempts: number) {
    super(
      `${target.method} ${target.path}: ${cause.message}` +
        (mayHaveBeenProcessed ? ' (the request may have reached the exchange)' : ' (the request was not sent)'),
      { cause },
    );
    this.method = target.method;
    this.path = target.path;
    this.code = cause.code;
    this.mayHaveBeenProcessed = mayHaveBeenProcessed;
    this.attempts = attempts;
  }
}

/**
 * The request ran out of time (the client's `timeout`, or a connect/lookup budget).
 * @group Errors
 * @hideconstructor
 */
export class QuoineTimeoutError extends QuoineConnectionError {
  /** The error class's name. */
  override name = 'QuoineTimeoutError';
}

/**
 * The request was aborted through the caller's `AbortSignal`.
 * @group Errors
 * @hideconstructor
 */
export class QuoineAbortError extends QuoineError {
  /** The error class's name. */
  override name = 'QuoineAbortError';
}

/**
 * The most characters of the exchange's own words that go into an {@link QuoineAPIError}'s
 * message (each of its `messages` is bounded too, by the transport): a 5 MB error body must not
 * become a 5 MB message in every log line.
 * @group Errors
 */
export const MAX_ERROR_MESSAGE_CHARS = 2000;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * What the exchange said in an error body, in both of its shapes.
 * @group Errors
 */
export interface ErrorBody {
  /** One line per message; `{"errors": {field: [code]}}` gives `field: code`. */
  readonly messages: readonly string[];
  /** The `{"errors": …}` shape as field → codes (empty for the other shapes). */
  readonly errors: Readonly<Record<string, readonly string[]>>;
}

/**
 * Fields common to every {@link QuoineAPIError}.
 * @group Errors
 */
export interface APIErrorDetails extends RequestTarget, ErrorBody {
  /** HTTP status. */
  readonly status: number;
  /** Response headers (lower-cased names; `set-cookie` removed). */
  readonly headers: Readonly<Record<string, string>>;
  /** Milliseconds the exchange asked us to wait (`Retry-After`), when it said. */
  readonly retryAfterMs?: number | undefined;
  /** How many attempts were made. */
  readonly attempts?: number;
}

/**
 * The exchange answered with an error status. Subclasses exist for the statuses it uses.
 * @group Errors
 * @hideconstructor
 */
export class QuoineAPIError extends QuoineError {
  /** The error class's name. */
  override name = 'QuoineAPIError';
  /** HTTP status. */
  readonly status: number;
  /** HTTP method of the request. */
  readonly method: string;
  /** Path (with query) of the request. */
  readonly path: string;
  /** Human-readable messages; for the `{"errors": …}` shape each is `field: code`. */
  readonly messages: readonly string[];
  /** The `{"errors": …}` body as field → codes, e.g. `{ user: ['not_enough_free_balance'] }`. */
  readonly errors: Readonly<Record<string, readonly string[]>>;
  /** Response headers (lower-cased names; `set-cookie` removed). */
  readonly headers: Readonly<Record<string, string>>;
  /** Milliseconds the exchange asked us to wait, from `Retry-After` or a "retry after Ns" body. */
  readonly retryAfterMs: number | undefined;
  /** How many attempts were made before this error was final. */
  readonly attempts: number;

  /** @param details the response that caused it */
  constructor(details: APIErrorDetails) {
    const text = STATUS_TEXT[details.status] ?? 'Error';
    const said = details.messages.length > 0 ? `: ${bound(details.messages.join('; '), MAX_ERROR_MESSAGE_CHARS)}` : '';
    super(`${details.method} ${details.path} → ${details.status} ${text}${said}`);
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.messages = details.messages;
    this.errors = details.errors;
    this.headers = details.headers;
    this.retryAfterMs = details.retryAfterMs;
    this.attempts = details.attempts ?? 1;
  }

  /** The error codes of the `{"errors": …}` shape, e.g. `['not_enough_free_balance']`. */
  get codes(): string[] {
    return Object.values(this.errors).flat();
  }

  /** Whether the exchange gave this code or message (e.g. `price_too_high`, `Order not found`). */
  has(codeOrMessage: string): boolean {
    return this.codes.includes(codeOrMessage) || this.messages.includes(codeOrMessage);
  }
}

/**
 * 400: the request was malformed or missing parameters.
 * @group Errors
 * @hideconstructor
 */
export class BadRequestError extends QuoineAPIError {
  /** The error class's name. */
  override name = 'BadRequestError';
}

/**
 * 401: the token id, secret or signature was refused.
 * @group Errors
 * @hideconstructor
 */
export class AuthenticationError extends QuoineAPIError {
  /** The error class's name. */
  override name = 'AuthenticationError';
}

/**
 * 401 "Nonce is too small": the exchange has seen a larger nonce for this API token.
 *
 * The SDK already retried once with a fresh nonce; this persisting means another program (or another
 * client instance) uses the same token with larger nonces. Give each program its own token.
 * @group Errors
 * @hideconstructor
 */
export class NonceTooSmallError extends AuthenticationError {
  /** The error class's name. */
  override name = 'NonceTooSmallError';

  /** @param details the response that caused it */
  constructor(details: APIErrorDetails) {
    super(details);
    this.message +=
      ' (another program or client instance is signing with this API token and larger nonces; give each its own token)';
  }
}

/**
 * 404: no such order, trade or resource (also: cancelling an order that is no longer live).
 * @group Errors
 * @hideconstructor
 */
export class NotFoundError extends QuoineAPIError {
  /** The error class's name. */
  override name = 'NotFoundError';
}

/**
 * 422: the exchange refused the request on business rules (`not_enough_free_balance`, …).
 * @group Errors
 * @hideconstructor
 */
export class UnprocessableEntityError extends QuoineAPIError {
  /** The error class's name. */
  override name = 'UnprocessableEntityError';
}

/**
 * 429: the exchange's rate limit was exceeded. {@link retryAfterMs} says how long to wait.
 * @group Errors
 * @hideconstructor
 */
export class RateLimitError extends QuoineAPIError {
  /** The error class's name. */
  override name = 'RateLimitError';
}

/**
 * 5xx: the exchange is unavailable, failed internally, or refused for usage limits.
 * @group Errors
 * @hideconstructor
 */
export class ServiceUnavailableError extends QuoineAPIError {
  /** The error class's name. */
  override name = 'ServiceUnavailableError';
}

/**
 * Builds the typed error for an error response.
 * @group Errors
 */
export function errorFromResponse(details: APIErrorDetails): QuoineAPIError {
  switch (details.status) {
    case 400:
      return new BadRequestError(details);
    case 401:
      return details.messages.some((m) => /nonce is too small/i.test(m))
        ? new NonceTooSmallError(details)
        : new AuthenticationError(details);
    case 404:
      return new NotFoundError(details);
    case 422:
      return new UnprocessableEntityError(details);
    case 429:
      return new RateLimitError(details);
    default:
      return details.status >= 500 ? new ServiceUnavailableError(details) : new QuoineAPIError(details);
  }
}
