/**
 * The failures the SDK finds itself, without an error answer from the exchange: input refused
 * before sending, a 2xx body that is not the expected JSON (or too large), no usable response
 * (connection, timeout), and the caller's abort. `api-errors.ts` has the exchange's error answers.
 * @module
 */
import { QuoineError, type RequestTarget } from './quoine-error.js';

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
  /** Node's error code, e.g. `ECONNRESET`, `ETIMEDOUT`, `DEPTH_ZERO_SELF_SIGNED_CERT`. */
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
