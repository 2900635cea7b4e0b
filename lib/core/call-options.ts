/**
 * The per-call options every resource method takes as its last argument, and their check.
 * @module
 */
import { MAX_TIMER_MS } from './clock.js';
import { QuoineRequestError } from './errors.js';

/**
 * Per-call options, accepted as the last argument of every resource method.
 * @group Client
 */
export interface CallOptions {
  /** Milliseconds one attempt may take (default: the client's `timeout`, 30 000). */
  readonly timeout?: number;
  /** Retries after the first attempt, where the call's safety allows them (default: the client's, 2). */
  readonly maxRetries?: number;
  /** Aborts the call, including waits for the rate limiter and between retries. */
  readonly signal?: AbortSignal;
  /**
   * The largest response body accepted, in bytes after decompression (default: the client's
   * `maxResponseBytes`, 16 MiB). A larger one fails with `QuoineResponseTooLargeError`.
   */
  readonly maxResponseBytes?: number;
}

/** Per-call options, refused with a QuoineRequestError naming the option when out of range. */
export function checkCallOptions(options: CallOptions): CallOptions {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime check of options from plain-JS callers
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new QuoineRequestError(
      `per-call options must be an object such as { timeout, maxRetries, maxResponseBytes, signal }, got ${typeof options}`,
      'options',
    );
  }
  const { timeout, maxRetries, maxResponseBytes, signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new QuoineRequestError('signal must be an AbortSignal', 'signal');
  }
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0 && timeout <= MAX_TIMER_MS)) {
    throw new QuoineRequestError(
      `timeout must be a number of milliseconds from 1 to ${MAX_TIMER_MS}, got ${String(timeout)}`,
      'timeout',
    );
  }
  if (maxRetries !== undefined && !(Number.isSafeInteger(maxRetries) && maxRetries >= 0)) {
    throw new QuoineRequestError(`maxRetries must be a whole number ≥ 0, got ${String(maxRetries)}`, 'maxRetries');
  }
  if (maxResponseBytes !== undefined && !(Number.isSafeInteger(maxResponseBytes) && maxResponseBytes >= 1)) {
    throw new QuoineRequestError(
      `maxResponseBytes must be a whole number ≥ 1, got ${String(maxResponseBytes)}`,
      'maxResponseBytes',
    );
  }
  return options;
}
