/**
 * core/body: a body with nothing to decode is read straight off the response (collectBounded);
 * anything else goes through the general pipeline of counters and decoders. The fast path must
 * give what the pipeline with no decoder gives (text, BodyTooLargeError, the source's error, a
 * premature close) on any chunking, limit and ending; every encoding goes the general way.
 */
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { expect } from 'chai';
import fc from 'fast-check';
import { BodyTooLargeError, collectBounded, readBoundedBody, readThroughStages } from '../../lib/core/body.js';
import { runs } from '../helpers/property-runs.js';

type Ending = 'end' | 'error' | 'close';

/** A source that hands out `chunks` one per I/O turn, as a socket does, then ends as told. */
function source(chunks: readonly Uint8Array[], ending: Ending): Readable {
  const stream = new Readable({ read: () => undefined });
  let i = 0;
  const next = (): void => {
    if (stream.destroyed) return;
    const chunk = chunks[i++];
    if (chunk !== undefined) {
      stream.push(Buffer.from(chunk));
      setImmediate(next);
    } else if (ending === 'end') stream.push(null);
    else if (ending === 'error') stream.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    else stream.destroy();
  };
  setImmediate(next);
  return stream;
}

/** What a read gave, comparable across the two paths. */
async function outcome(read: Promise<string>): Promise<string> {
  try {
    return `text:${await read}`;
  } catch (e) {
    if (e instanceof BodyTooLargeError) return `too large:${e.limit}`;
    const error = e as Error & { code?: string };
    return `error:${error.code ?? ''}:${error.message}`;
  }
}

describe('core/body', () => {
  it('reads an unencoded body off the source exactly as the pipeline with no decoder does', async () => {
    // Texts with multi-byte characters, cut anywhere (a character may straddle two chunks).
    const chunksArb = fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 8 }).chain((texts) => {
      const bytes = Buffer.from(texts.join(''), 'utf8');
      return fc
        .uniqueArray(fc.integer({ min: 1, max: Math.max(1, bytes.length - 1) }), { maxLength: 6 })
        .map((cuts) => {
          const at = [0, ...cuts.filter((c) => c < bytes.length).sort((a, b) => a - b), bytes.length];
          const chunks = at.slice(1).map((end, k) => bytes.subarray(at[k], end));
          return chunks.filter((c) => c.length > 0);
        });
    });
    await fc.assert(
      fc.asyncProperty(
        chunksArb,
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom<Ending>('end', 'error', 'close'),
        async (chunks, limit, ending) => {
          const fast = await outcome(collectBounded(source(chunks, ending), limit));
          const general = await outcome(readThroughStages(source(chunks, ending), [], limit));
          expect(fast).to.equal(general);
        },
      ),
      runs(300),
    );
  });

  it('destroys the source the moment an unencoded body passes the limit', async () => {
    const stream = source([Buffer.alloc(10), Buffer.alloc(10), Buffer.alloc(10)], 'end');
    expect(await outcome(collectBounded(stream, 15))).to.equal('too large:15');
    expect(stream.destroyed).to.equal(true);
  });

  it('refuses a source already destroyed, as the pipeline does', async () => {
    const destroyed = (): Readable => {
      const stream = new Readable({ read: () => undefined });
      stream.destroy();
      return stream;
    };
    const fast = await outcome(collectBounded(destroyed(), 10));
    expect(fast).to.match(/^error:ERR_STREAM_PREMATURE_CLOSE:/);
    expect(fast).to.equal(await outcome(readThroughStages(destroyed(), [], 10)));
  });

  it('takes the general path for every encoding it decodes, stacked or not, and reads the rest as sent', async () => {
    const text = JSON.stringify({ price: '1.10', note: 'ünïcödé'.repeat(50) });
    const gzip = zlib.gzipSync(text);
    const cases: Array<[string | undefined, Buffer, string]> = [
      [undefined, Buffer.from(text), text],
      ['identity', Buffer.from(text), text],
      ['gzip', gzip, text],
      ['x-gzip', gzip, text],
      ['deflate', zlib.deflateSync(text), text],
      ['br', zlib.brotliCompressSync(text), text],
      ['gzip, br', zlib.brotliCompressSync(gzip), text],
      ['GZIP , identity', gzip, text],
      // Undecodable: read as sent (the parser then refuses it).
      ['compress', Buffer.from('abc'), 'abc'],
    ];
    for (const [encoding, body, expected] of cases) {
      const half = body.length >> 1;
      const read = readBoundedBody(source([body.subarray(0, half), body.subarray(half)], 'end'), encoding, 1 << 20);
      expect(await read, String(encoding)).to.equal(expected);
    }
  });

  it('bounds the decoded size too: a small gzip body that inflates past the limit is refused', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(1 << 20));
    expect(bomb.length).to.be.below(10_000);
    expect(await outcome(readBoundedBody(source([bomb], 'end'), 'gzip', 100_000))).to.equal('too large:100000');
  });
});
