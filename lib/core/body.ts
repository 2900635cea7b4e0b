/**
 * Reads a response body under a byte limit, decompressing it ourselves. got's own
 * decompression cannot be bounded (it inflates into the buffer it returns, so a 4 MB gzip body
 * that inflates to 4 GB exhausts the process before any check could run), so the transport
 * asks got for the raw stream and this module inflates it with `node:zlib`, counting bytes at
 * every stage (on the wire and after each decoding) and aborting the moment one exceeds the
 * limit: at most one chunk past the limit is ever held, whatever the body claims or contains.
 * @module
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/** A body that exceeded the limit; the transport turns it into `QuoineResponseTooLargeError`. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';

  /** @param limit the limit in bytes */
  constructor(readonly limit: number) {
    super(`the body exceeds ${limit} bytes`);
  }
}

/** A `Content-Encoding` the reader cannot decode; the body is then read as sent. */
const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createUnzip(), // zlib-wrapped, as HTTP specifies (createUnzip also takes gzip)
  br: () => zlib.createBrotliDecompress(),
};

/** Counts the bytes passing through and fails as soon as they exceed `limit`. */
function counter(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) done(new BodyTooLargeError(limit));
      else done(null, chunk);
    },
  });
}

/**
 * The body of `source`, decoded per `contentEncoding` (stacked encodings such as
 * `gzip, br` are undone in reverse order), as UTF-8 text. Rejects with
 * {@link BodyTooLargeError} when the raw or any decoded stage exceeds `limit` bytes, having
 * destroyed `source`; rejects with the stream's own error on a network or decoding failure.
 */
export async function readBoundedBody(
  source: Readable,
  contentEncoding: string | undefined,
  limit: number,
): Promise<string> {
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity');
  const stages: Transform[] = [counter(limit)];
  for (const encoding of encodings.reverse()) {
    const decoder = DECODERS[encoding];
    if (decoder === undefined) break; // undecodable: the rest is read as sent (and will not parse)
    stages.push(decoder(), counter(limit));
  }
  const chunks: Buffer[] = [];
  const collect = async (decoded: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of decoded) chunks.push(chunk);
  };
  // pipeline destroys every stage, the source included, as soon as one fails.
  await (pipeline as (...streams: unknown[]) => Promise<void>)(source, ...stages, collect);
  return Buffer.concat(chunks).toString('utf8');
}
