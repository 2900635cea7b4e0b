/**
 * Child process of hostile-responses.spec.ts: serves one hostile body on loopback, makes one
 * call against it with `maxResponseBytes` 1 MiB, and prints what the call ended with and how
 * much the process's peak RSS grew during it. Run alone so that no other spec's peak hides the
 * growth: `node --import tsx spec/integration/hostile-memory-child.ts gzip-bomb|flood`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { Quoine } from '../../lib/client.js';

const MiB = 1024 * 1024;
/** What the hostile body inflates (or streams) to: far beyond the limit. */
const HOSTILE_BYTES = 256 * MiB;

const kind = process.argv[2];
// A gzip member of 1 MiB of spaces is ~1 KiB; 256 concatenated members are one valid gzip body
// (gunzip reads every member) of ~260 KiB that inflates to 256 MiB.
const member = zlib.gzipSync(Buffer.alloc(MiB, 0x20), { level: 9 });
const bomb = Buffer.concat(Array.from({ length: HOSTILE_BYTES / MiB }, () => member));
let written = 0;

const server = http.createServer((req, res) => {
  if (req.url === '/products' && kind === 'gzip-bomb') {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.end(bomb);
    written = bomb.length;
    return;
  }
  if (req.url === '/products' && kind === 'flood') {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = (): void => {
      while (written < HOSTILE_BYTES) {
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
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('[]');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const client = new Quoine({ baseUrl: url, rateLimit: false, maxResponseBytes: MiB, userAgent: 'hostile-memory-child' });
// Warm up (GET /products?perpetual=1 gets '[]'): load got, zlib and the entities before measuring.
await new Quoine({ baseUrl: url, rateLimit: false }).products.list({ perpetual: true });
const before = process.resourceUsage().maxRSS;
const outcome = await client.products.list().then(
  (products) => ({ resolved: products.length }),
  (error: unknown) => {
    const e = error as Error & { limit?: number; attempts?: number };
    return { name: e.name, limit: e.limit, message: e.message };
  },
);
const growthKiB = process.resourceUsage().maxRSS - before;
await client.close();
server.closeAllConnections();
server.close();
process.stdout.write(`${JSON.stringify({ outcome, growthKiB, written, hostileBytes: HOSTILE_BYTES, requests: 1 })}\n`);
