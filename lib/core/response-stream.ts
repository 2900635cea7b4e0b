/**
 * A response as the transport reads it: its head, the whole of it, and the errors that may come
 * after it.
 * @module
 */
import type { IncomingHttpHeaders } from 'node:http';

/** Status and headers of a response whose body is still to be read. */
export interface ResponseHead {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
}

/** A response read whole (its body under the limit). */
export interface ReadResponse extends ResponseHead {
  readonly body: string;
}

/**
 * The listener that keeps a request's or a response's late errors from crashing the process:
 * bytes a broken server sends past the end of its response fail the parser after the answer
 * was read, when the attempt has already settled (see `core/http-attempt.ts`).
 */
export function ignoreLateError(): void {
  // nothing to do: the attempt has already settled
}

/** zlib's and brotli's errors for a body that is not what its Content-Encoding says. */
export function isDecodingError(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.includes('BROTLI'));
}
