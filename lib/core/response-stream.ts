/**
 * Reading a response as got streams it: its head, and the errors that may come after it.
 * @module
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Request } from 'got';

/** Status and headers of a response whose body is still to be read. */
export interface ResponseHead {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
}

/** A response read whole (its body under the limit). */
export interface ReadResponse extends ResponseHead {
  readonly body: string;
}

/** The listener that keeps a stream's late errors from crashing the process (see #exchange). */
export function ignoreLateError(): void {
  // nothing to do: the attempt has already settled
}

/** Waits for the status line and headers of `stream`. */
export function responseHead(stream: Request): Promise<ResponseHead> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.once('response', (response: { statusCode: number; headers: IncomingHttpHeaders }) => {
      stream.off('error', reject);
      resolve({ status: response.statusCode, headers: response.headers });
    });
  });
}

/** zlib's and brotli's errors for a body that is not what its Content-Encoding says. */
export function isDecodingError(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.includes('BROTLI'));
}
