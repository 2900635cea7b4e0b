/**
 * `quoine export executions` passes a second holding more than 1,000 public executions (the
 * timestamp walk alone cannot: the SDK's `executions.all` throws there): every row once, oldest
 * first, on a first run, on a re-run interrupted inside that second, and with executions arriving
 * while the crowded second is read from the newest-first pages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import type { SandboxToken } from '../../lib/sandbox/index.js';
import { startCountingProxy } from '../helpers/counting-proxy.js';
import { runCli } from './run-cli.js';
import { exportScene } from './export-scene.js';

const BTCJPY = 5;
const CROWDED = 2500;

describe('quoine export executions through a second of more than 1,000 executions', function () {
  this.timeout(180_000);
  let seller: SandboxToken;
  let buyer: SandboxToken;

  const scene = exportScene('quoine-crowded-', {
    clock: Date.parse('2026-11-01T00:00:00Z'),
    seed: () => {
      seller = scene.sandbox.createToken({ BTC: '100000' });
      buyer = scene.sandbox.createToken({ JPY: '100000000000' });
      for (let i = 0; i < 40; i++) {
        trade();
        scene.clock += 60_000;
      }
      for (let i = 0; i < CROWDED; i++) trade(); // one second
      for (let i = 0; i < 30; i++) {
        scene.clock += 1000;
        trade();
      }
    },
  });

  const trade = (): void => {
    scene.sandbox.exchange.createOrder(seller.userId, {
      orderType: 'limit',
      productId: BTCJPY,
      side: 'sell',
      quantity: '0.01',
      price: '900000',
    });
    scene.sandbox.exchange.createOrder(buyer.userId, {
      orderType: 'limit',
      productId: BTCJPY,
      side: 'buy',
      quantity: '0.01',
      price: '900000',
    });
  };

  const exchangeIds = (): string[] => scene.sandbox.exchange.executionsSince(BTCJPY, 0).map((e) => String(e.id));
  const fileIds = (path: string): string[] =>
    parse<Record<string, string>>(readFileSync(path, 'utf8'), { columns: true }).map((r) => r.id ?? '');
  const exportTo = (out: string, baseUrl = scene.sandbox.url) =>
    runCli(['export', 'executions', '--product', 'BTCJPY', '--since', '0', '--out', out, '--base-url', baseUrl]);

  it('writes every execution once, oldest first', async () => {
    const out = join(scene.dir, 'all.csv');
    const result = await exportTo(out);
    expect(result.code, result.stderr).to.equal(0);
    expect(fileIds(out)).to.deep.equal(exchangeIds());
  });

  it('a run interrupted inside the crowded second is completed by a re-run, every row once', async () => {
    const out = join(scene.dir, 'resumed.csv');
    expect((await exportTo(out)).code).to.equal(0);
    // Keep the header, the 40 rows before the second and 1,500 of its 2,500.
    const lines = readFileSync(out, 'utf8').split('\n');
    writeFileSync(out, `${lines.slice(0, 1 + 40 + 1500).join('\n')}\n`);
    const result = await exportTo(out);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include(`${CROWDED - 1500 + 30} new rows`);
    expect(fileIds(out)).to.deep.equal(exchangeIds());
  });

  it('executions arriving while the crowded second is read from the pages are written once too', async () => {
    const out = join(scene.dir, 'arriving.csv');
    scene.proxy = await startCountingProxy(scene.sandbox.url, {
      onRequest: (_n, path) => {
        // The first page request: new executions shift every row of the pages by 7.
        if (/[?&]page=1(&|$)/.test(path)) {
          scene.clock += 1000;
          for (let i = 0; i < 7; i++) trade();
        }
      },
    });
    const result = await exportTo(out, scene.proxy.url);
    expect(result.code, result.stderr).to.equal(0);
    expect(
      scene.proxy.requests.some((r) => /[?&]page=/.test(r)),
      'the pages were read',
    ).to.equal(true);
    const ids = fileIds(out);
    expect(ids.length, 'no row twice').to.equal(new Set(ids).size);
    expect(ids).to.deep.equal(exchangeIds());
  });
});
