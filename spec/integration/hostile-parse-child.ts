/**
 * Child process of hostile-parse.spec.ts: serves one body that is small on the wire and within
 * the default `maxResponseBytes` once inflated, but whose parse would build millions of values,
 * makes one call against it with the default options, and prints what the call ended with and
 * how much the process's peak RSS grew during it. Run alone so that no other spec's peak hides
 * the growth: `node --import tsx --max-old-space-size=512 spec/integration/hostile-parse-child.ts arrays|zeros`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { Quoine } from '../../lib/client.js';

const MiB = 1024 * 1024;
const kind = process.argv[2];
// The reviewer's bodies: 60 MiB of `[[],[],…]` (61 KB gzipped), 16 MiB of `[0,0,…]`.
const text = kind === 'arrays' ? '[' + '[],'.repeat(20 * MiB) + '[]]' : '[' + '0,'.repeat(8 * MiB) + '0]';
const body = zlib.gzipSync(text);

const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, {
    'content-type': 'application/json',
    ...(req.url === '/products' ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.url === '/products' ? body : '[]');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// 64 MiB, above both bodies: what stops them here is the parse bound, not maxResponseBytes (16 MiB by default).
const client = new Quoine({
  baseUrl: url,
  rateLimit: false,
  userAgent: 'hostile-parse-child',
  maxResponseBytes: 64 * 1024 * 1024,
});
// Warm up (GET /products?perpetual=1 gets '[]'): load got, zlib and the entities before measuring.
await client.products.list({ perpetual: true });
const before = process.resourceUsage().maxRSS;
const outcome = await client.products.list().then(
  (products) => ({ resolved: products.length }),
  (error: unknown) => {
    const e = error as Error & { attempts?: number };
    return { name: e.name, message: e.message, attempts: e.attempts };
  },
);
const growthKiB = process.resourceUsage().maxRSS - before;
await client.close();
server.closeAllConnections();
server.close();
process.stdout.write(`${JSON.stringify({ outcome, growthKiB, wireBytes: body.length, inflatedBytes: text.length })}\n`);
