/**
 * (b) Per-call time of client.products.get() vs a raw got call to the same loopback server
 * (both keep-alive, one call at a time), and a raw `node:http` GET as the floor.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import got from 'got';
import { Quoine } from '../lib/client.js';
import { measure, ratios, type Row } from './measure.js';

/** Runs the case. */
export async function run(): Promise<Row[]> {
  const body = readFileSync(new URL('../fixtures/liquid/product.json', import.meta.url), 'utf8');
  const server = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new http.Agent({ keepAlive: true });
  const raw = got.extend({ prefixUrl: url, agent: { http: agent }, retry: { limit: 0 } });
  const floorAgent = new http.Agent({ keepAlive: true });
  const { hostname, port } = new URL(url);
  const nodeGet = (): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const request = http.get({ hostname, port, path: '/products/5', agent: floorAgent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
        response.on('error', reject);
      });
      request.on('error', reject);
    });
  const client = new Quoine({ baseUrl: url, rateLimit: false });
  const limited = new Quoine({ baseUrl: url, rateLimit: { requests: 1_000_000_000, intervalMs: 1000 } });
  try {
    const measured = [
      await measure('raw got GET + JSON.parse (baseline)', async () => JSON.parse((await raw.get('products/5')).body)),
      await measure('client.products.get(5)', () => client.products.get(5)),
      await measure('client.products.get(5), limiter on', () => limited.products.get(5)),
      await measure('raw node:http GET + JSON.parse (the floor)', nodeGet),
    ];
    return ratios('per call over loopback', measured);
  } finally {
    await client.close();
    await limited.close();
    agent.destroy();
    floorAgent.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
