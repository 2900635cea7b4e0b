/**
 * The exchange's error answers: {@link QuoineAPIError}, one subclass per status the exchange uses,
 * and {@link errorFromResponse}, which picks the class for a response.
 * @module
 */
import { QuoineError, type RequestTarget } from './quoine-error.js';
import { bound } from './scrub.js';

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
