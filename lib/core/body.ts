/**
 * Reads a response body under a byte limit, decompressing it ourselves. An HTTP client's own
 * decompression cannot be bounded (it inflates into the buffer it returns, so a 4 MB gzip body
 * that inflates to 4 GB exhausts the process before any check could run), so the transport
 * hands over the raw response and this module inflates it with `node:zlib`, counting bytes at
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
export function readBoundedBody(source: Readable, contentEncoding: string | undefined, limit: number): Promise<string> {
  const decoders = decodersFor(contentEncoding);
  // The common case (nothing to decode) is read straight off the source: a pipeline of one
  // counting stage gives the same text or error, at the price of a stream, an AbortController
  // and a DOMException per call.
  return decoders.length === 0 ? collectBounded(source, limit) : readThroughStages(source, decoders, limit);
}

/** The decoders `contentEncoding` asks for, in the order to apply them. */
function decodersFor(contentEncoding: string | undefined): Array<() => Transform> {
  if (contentEncoding === undefined || contentEncoding === '' || contentEncoding === 'identity') return [];
  const encodings = contentEncoding
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity');
  const decoders: Array<() => Transform> = [];
  for (const encoding of encodings.reverse()) {
    const decoder = DECODERS[encoding];
    if (decoder === undefined) break; // undecodable: the rest is read as sent (and will not parse)
    decoders.push(decoder);
  }
  return decoders;
}

/**
 * The general path: `source` through a counter, then each decoder followed by a counter.
 * Exported for the spec that holds {@link collectBounded} to it.
 * @internal
 */
export async function readThroughStages(
  source: Readable,
  decoders: ReadonlyArray<() => Transform>,
  limit: number,
): Promise<string> {
  const stages: Transform[] = [counter(limit)];
  for (const decoder of decoders) stages.push(decoder(), counter(limit));
  const chunks: Buffer[] = [];
  const collect = async (decoded: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of decoded) chunks.push(chunk);
  };
  // pipeline destroys every stage, the source included, as soon as one fails.
  await (pipeline as (...streams: unknown[]) => Promise<void>)(source, ...stages, collect);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * What {@link readThroughStages} gives with no decoder, read off `source`'s events: its text,
 * {@link BodyTooLargeError} (having destroyed it) once its bytes exceed `limit`, its own error,
 * or a premature-close error when it closes before its end.
 * @internal
 */
export function collectBounded(source: Readable, limit: number): Promise<string> {
  if (source.errored) return Promise.reject(source.errored);
  if (source.destroyed || source.readableEnded) return Promise.reject(prematureClose());
  return new Promise((resolve, reject) => {
    (source as Collected)[COLLECTION] = { chunks: [], seen: 0, limit, resolve, reject };
    source.on('data', onData);
    source.on('end', onEnd);
    source.on('error', onError);
    source.on('close', onClose);
  });
}

/** A read in progress, kept on its source: the listeners are shared, not made per read. */
interface Collection {
  readonly chunks: Buffer[];
  seen: number;
  readonly limit: number;
  readonly resolve: (text: string) => void;
  readonly reject: (error: Error) => void;
}
const COLLECTION = Symbol('quoine.collection');
type Collected = Readable & { [COLLECTION]?: Collection | undefined };

function onData(this: Collected, chunk: Buffer | string): void {
  const collection = this[COLLECTION];
  if (!collection) return;
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  collection.seen += bytes.length;
  if (collection.seen > collection.limit) {
    settle(this, new BodyTooLargeError(collection.limit));
    this.destroy();
    return;
  }
  collection.chunks.push(bytes);
}

function onEnd(this: Collected): void {
  settle(this, undefined);
}

function onError(this: Collected, error: Error): void {
  settle(this, error);
}

function onClose(this: Collected): void {
  settle(this, prematureClose());
}

/** Ends the read of `source`: its text when `error` is undefined. */
function settle(source: Collected, error: Error | undefined): void {
  const collection = source[COLLECTION];
  if (!collection) return;
  source[COLLECTION] = undefined;
  source.off('data', onData);
  source.off('end', onEnd);
  source.off('error', onError);
  source.off('close', onClose);
  if (error !== undefined) collection.reject(error);
  else {
    const { chunks } = collection;
    collection.resolve((chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString('utf8'));
  }
}

/** The error `pipeline` gives for a source that closed before its end. */
function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}
