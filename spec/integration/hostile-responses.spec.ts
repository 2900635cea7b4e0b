/**
 * Unbounded responses (issue 10): a body over `maxResponseBytes`, counted after decompression,
 * fails with QuoineResponseTooLargeError as soon as it passes the limit, with bounded memory,
 * whatever the encoding (gzip, deflate, brotli, stacked) or the Content-Length it claims.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { expect } from 'chai';
import { Quoine } from '../../lib/client.js';
import {
  QuoineRequestError,
  QuoineResponseError,
  QuoineResponseTooLargeError,
  QuoineTimeoutError,
} from '../../lib/core/errors.js';
import { rejection } from '../helpers/rejection.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const LIMIT = 64 * KiB;

/** A JSON empty array of exactly `n` bytes: `[`, spaces, `]`. */
const emptyArrayOf = (n: number): Buffer =>
  Buffer.concat([Buffer.from('['), Buffer.alloc(n - 2, 0x20), Buffer.from(']')]);

/** One reply: status, headers and a body given whole or as a lazy stream of `total` bytes. */
interface HostileReply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: Buffer;
  /** Stream this many bytes of spaces, honouring backpressure (and stop when the client leaves). */
  readonly flood?: number;
  /** Send the head only and never the body. */
  readonly headOnly?: boolean;
}

interface HostileServer {
  readonly url: string;
  /** Requests received. */
  readonly requests: number;
  /** Bytes of body written by the last flood. */
  readonly written: number;
  close(): Promise<void>;
}

async function startHostileServer(reply: () => HostileReply): Promise<HostileServer> {
  let requests = 0;
  let written = 0;
  const server = http.createServer((req, res) => {
    requests++;
    req.resume();
    const r = reply();
    res.writeHead(r.status ?? 200, { 'content-type': 'application/json', ...r.headers });
    if (r.headOnly) {
      res.flushHeaders();
      return;
    }
    if (r.flood === undefined) {
      res.end(r.body ?? '');
      return;
    }
    const total = r.flood;
    written = 0;
    const chunk = Buffer.alloc(16 * KiB, 0x20);
    const pump = (): void => {
      while (written < total) {
        written += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('close', () => res.off('drain', pump));
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return requests;
    },
    get written() {
      return written;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('hostile responses: size limit', function () {
  this.timeout(60_000);
  let server: HostileServer | undefined;
  let client: Quoine | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
    await server?.close();
    server = undefined;
  });

  async function callWith(reply: HostileReply, maxResponseBytes = LIMIT, perCall?: number): Promise<unknown> {
    server = await startHostileServer(() => reply);
    client = new Quoine({ baseUrl: server.url, rateLimit: false, maxResponseBytes, timeout: 10_000 });
    return client.products.list({}, perCall === undefined ? {} : { maxResponseBytes: perCall });
  }

  function expectTooLarge(e: Error, limit = LIMIT): void {
    expect(e).to.be.instanceOf(QuoineResponseTooLargeError).and.instanceOf(QuoineResponseError);
    expect(e).to.include({ limit, status: e instanceof QuoineResponseError ? e.status : 0 });
    expect(e.message).to.include('maxResponseBytes').and.include(`${limit} bytes`);
  }

  it('accepts a body of exactly the limit and refuses one byte more (plain)', async () => {
    expect(await callWith({ body: emptyArrayOf(LIMIT) })).to.deep.equal([]);
    await server?.close();
    await client?.close();
    expectTooLarge(await rejection(callWith({ body: emptyArrayOf(LIMIT + 1) })));
  });

  for (const [encoding, compress] of [
    ['gzip', (b: Buffer) => zlib.gzipSync(b)],
    ['x-gzip', (b: Buffer) => zlib.gzipSync(b)],
    ['deflate', (b: Buffer) => zlib.deflateSync(b)],
    ['br', (b: Buffer) => zlib.brotliCompressSync(b)],
    ['gzip, br', (b: Buffer) => zlib.brotliCompressSync(zlib.gzipSync(b))],
  ] as const) {
    it(`counts decompressed bytes (${encoding}): exactly the limit passes, one byte more fails`, async () => {
      const fits = compress(emptyArrayOf(LIMIT));
      expect(fits.length).to.be.below(LIMIT / 10);
      expect(await callWith({ body: fits, headers: { 'content-encoding': encoding } })).to.deep.equal([]);
      await server?.close();
      await client?.close();
      const over = compress(emptyArrayOf(LIMIT + 1));
      expectTooLarge(await rejection(callWith({ body: over, headers: { 'content-encoding': encoding } })));
    });
  }

  it('stops a gzip bomb nested in a gzip body (stacked encodings), never inflating the inner one whole', async () => {
    const inner = zlib.gzipSync(Buffer.alloc(32 * MiB, 0x20), { level: 9 });
    const outer = zlib.gzipSync(inner);
    const e = await rejection(callWith({ body: outer, headers: { 'content-encoding': 'gzip, gzip' } }));
    expectTooLarge(e);
  });

  it('refuses a Content-Length over the limit without reading the body (the server never sends it)', async () => {
    const e = await rejection(callWith({ headers: { 'content-length': String(4 * 1024 * MiB) }, headOnly: true }));
    expectTooLarge(e);
  });

  it('stops reading a 200 MB flood shortly after the limit, and does not retry it, even for a read', async () => {
    const e = await rejection(callWith({ flood: 200 * MiB }));
    expectTooLarge(e);
    expect(server?.requests).to.equal(1);
    // The server wrote what the socket buffers took before the client hung up: far below 200 MB.
    expect(server?.written).to.be.below(20 * MiB);
  });

  it('times out a body that stalls after its head (reading the stream stays under the call timeout)', async () => {
    server = await startHostileServer(() => ({ headOnly: true }));
    client = new Quoine({ baseUrl: server.url, rateLimit: false, timeout: 300, maxRetries: 0 });
    const e = await rejection(client.products.list());
    expect(e).to.be.instanceOf(QuoineTimeoutError).and.include({ mayHaveBeenProcessed: true });
  });

  it('applies the limit to error bodies too: a 503 with a flood is refused, not retried', async () => {
    const e = await rejection(callWith({ status: 503, flood: 50 * MiB }));
    expectTooLarge(e);
    expect(e).to.include({ status: 503 });
    expect(server?.requests).to.equal(1);
  });

  it('takes a per-call maxResponseBytes over the client option, both ways', async () => {
    const body = emptyArrayOf(2 * LIMIT);
    expect(await callWith({ body }, LIMIT, 4 * LIMIT)).to.deep.equal([]);
    await server?.close();
    await client?.close();
    expectTooLarge(await rejection(callWith({ body }, 64 * MiB, LIMIT)));
  });

  it('refuses a maxResponseBytes that is not a whole number ≥ 1', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new Quoine({ maxResponseBytes: bad }), String(bad)).to.throw(QuoineRequestError, /maxResponseBytes/);
    }
  });

  it('defaults to 16 MiB: a 17 MiB gzip body is refused, with that limit named', async () => {
    server = await startHostileServer(() => ({
      body: zlib.gzipSync(emptyArrayOf(17 * MiB), { level: 1 }),
      headers: { 'content-encoding': 'gzip' },
    }));
    client = new Quoine({ baseUrl: server.url, rateLimit: false });
    expectTooLarge(await rejection(client.products.list()), 16 * MiB);
  });

  describe('memory, measured in a child process (its peak RSS is not hidden by other specs)', () => {
    const child = fileURLToPath(new URL('./hostile-memory-child.ts', import.meta.url));
    for (const kind of ['gzip-bomb', 'flood'] as const) {
      it(`${kind}: 256 MiB against a 1 MiB limit fails typed and grows peak RSS by less than 64 MiB`, async () => {
        const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, kind], {
          cwd: fileURLToPath(new URL('../..', import.meta.url)),
        });
        const report = JSON.parse(stdout) as {
          outcome: { name?: string; limit?: number };
          growthKiB: number;
          written: number;
          hostileBytes: number;
        };
        expect(report.outcome).to.include({ name: 'QuoineResponseTooLargeError', limit: MiB });
        expect(report.growthKiB * KiB).to.be.below(64 * MiB);
        if (kind === 'flood') expect(report.written).to.be.below(report.hostileBytes / 4);
      });
    }
  });
});
