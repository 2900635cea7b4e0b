/**
 * `quoine export` of the newest-first lists (orders, trades, balance history) run again on an
 * existing file: every row not in the file yet is added exactly once, whatever the file holds
 * (nothing, a complete export, an interrupted run with a torn last line, a gap left by an
 * interrupted re-run), with new rows arriving before the re-run and during it. Rows arrive during
 * a run at exact points of its walk: a counting proxy between the CLI and the sandbox adds them
 * before the n-th request is forwarded.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import type { SandboxToken } from '../../lib/sandbox/index.js';
import { startCountingProxy, type ProxyAnswer } from '../helpers/counting-proxy.js';
import { credentialsEnv, runCli, type CliResult } from './run-cli.js';
import { exportScene } from './export-scene.js';

const BTCJPY = 5;
const BTCUSD = 1;

describe('quoine export run again on an existing file', function () {
  this.timeout(180_000);
  const scene = exportScene('quoine-resume-');

  const env = credentialsEnv;

  function addOrders(token: SandboxToken, n: number): void {
    for (let i = 0; i < n; i++)
      scene.sandbox.exchange.createOrder(token.userId, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'buy',
        quantity: '0.001',
        price: String(950000 + (i % 50)),
      });
  }
  const orderIds = (token: SandboxToken): string[] =>
    scene.sandbox.exchange.orders(token.userId).map((o) => String(o.id));

  /** The ids of a CSV export, in file order. */
  function fileIds(path: string): string[] {
    return parse<Record<string, string>>(readFileSync(path, 'utf8'), { columns: true }).map((r) => r.id ?? '');
  }

  /** Every id of the exchange exactly once, none other. */
  function expectExactly(path: string, expected: readonly string[]): void {
    const ids = fileIds(path);
    expect(ids.length, 'no row written twice').to.equal(new Set(ids).size);
    expect([...ids].sort()).to.deep.equal([...expected].sort());
  }

  /** Runs the export through a proxy that calls `during(n)` before forwarding request n. */
  async function exportThrough(
    args: readonly string[],
    token: SandboxToken,
    during: (n: number, path: string) => ProxyAnswer | undefined,
  ): Promise<CliResult> {
    scene.proxy = await startCountingProxy(scene.sandbox.url, { onRequest: during });
    const result = await runCli([...args, '--base-url', scene.proxy.url, '--json'], env(token));
    return result;
  }

  async function exportDirect(args: readonly string[], token: SandboxToken): Promise<void> {
    const result = await runCli([...args, '--base-url', scene.sandbox.url], env(token));
    expect(result.code, result.stderr).to.equal(0);
  }

  /** Keeps the header and the first `rows` rows, then half of the next line (a run killed mid-write). */
  function interruptAfter(path: string, rows: number, torn: boolean): void {
    const lines = readFileSync(path, 'utf8').split('\n');
    const kept = `${lines.slice(0, rows + 1).join('\n')}\n`;
    const next = lines[rows + 1] ?? '';
    writeFileSync(path, torn ? kept + next.slice(0, Math.floor(next.length / 2)) : kept);
  }

  for (const size of [0, 999, 1000, 2500]) {
    it(`orders: a file of ${size} rows gets every new order once, arriving before and during the run`, async () => {
      const token = scene.sandbox.createToken({ JPY: '100000000' });
      const out = join(scene.dir, `orders-${size}.csv`);
      addOrders(token, size);
      if (size > 0) await exportDirect(['export', 'orders', '--out', out], token);
      if (size > 0) expect(fileIds(out)).to.have.length(size);
      addOrders(token, 7);
      const result = await exportThrough(['export', 'orders', '--out', out], token, (n) => {
        if (n === 2) addOrders(token, 5);
        if (n === 3) addOrders(token, 1003);
      });
      expect(result.code, result.stderr).to.equal(0);
      expect(JSON.parse(result.stdout)).to.include({ rows: orderIds(token).length - size });
      expectExactly(out, orderIds(token));
    });
  }

  it('orders: an interrupted run (torn last line), then new orders, then a re-run with more arriving: all, once', async () => {
    const token = scene.sandbox.createToken({ JPY: '100000000' });
    const out = join(scene.dir, 'orders-torn.csv');
    addOrders(token, 2500);
    await exportDirect(['export', 'orders', '--out', out], token);
    interruptAfter(out, 1200, true);
    addOrders(token, 10);
    const result = await exportThrough(['export', 'orders', '--out', out], token, (n) => {
      if (n === 2) addOrders(token, 4);
    });
    expect(result.code, result.stderr).to.equal(0);
    expectExactly(out, orderIds(token));
  });

  it('orders: a gap left by an interrupted re-run is filled', async () => {
    const token = scene.sandbox.createToken({ JPY: '100000000' });
    const out = join(scene.dir, 'orders-gap.csv');
    const copy = join(scene.dir, 'orders-gap-run2.csv');
    addOrders(token, 2500);
    await exportDirect(['export', 'orders', '--out', out], token);
    interruptAfter(out, 1500, false); // run 1 interrupted: the newest 1,500
    addOrders(token, 30);
    copyFileSync(out, copy);
    await exportDirect(['export', 'orders', '--out', copy], token);
    interruptAfter(copy, 1510, true); // run 2 interrupted after 10 of the 30 new orders: 20 missing between
    addOrders(token, 5);
    const result = await exportThrough(['export', 'orders', '--out', copy], token, (n) => {
      if (n === 3) addOrders(token, 2);
    });
    expect(result.code, result.stderr).to.equal(0);
    expectExactly(copy, orderIds(token));
  });

  it('trades: a complete file of 2,100 trades gets the new ones, arriving before and during the run', async () => {
    const maker = scene.sandbox.createToken({ BTC: '1000', USD: '100000000' });
    const trader = scene.sandbox.createToken({ USD: '100000000' });
    scene.sandbox.exchange.createOrder(maker.userId, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '100',
      price: '10000',
    });
    const openTrades = (n: number): void => {
      for (let i = 0; i < n; i++)
        scene.sandbox.exchange.createOrder(trader.userId, {
          orderType: 'market',
          productId: BTCUSD,
          side: 'buy',
          quantity: '0.001',
          leverageLevel: 10,
        });
    };
    const tradeIds = (): string[] => scene.sandbox.exchange.trades(trader.userId).map((t) => String(t.id));
    const out = join(scene.dir, 'trades.csv');
    openTrades(2100);
    await exportDirect(['export', 'trades', '--out', out], trader);
    expect(fileIds(out)).to.have.length(2100);
    openTrades(3);
    const result = await exportThrough(['export', 'trades', '--out', out], trader, (n) => {
      if (n === 2) openTrades(2);
    });
    expect(result.code, result.stderr).to.equal(0);
    expect(JSON.parse(result.stdout)).to.include({ rows: 5 });
    expectExactly(out, tradeIds());
  });

  it('balance history: a complete file of 2,100 entries gets the new ones, arriving before and during the run', async () => {
    const token = scene.sandbox.createToken({});
    const deposit = (n: number): void => {
      for (let i = 0; i < n; i++) scene.sandbox.exchange.deposit(token.userId, 'USD', '1.5');
    };
    const entryIds = (): string[] => scene.sandbox.exchange.balanceHistory(token.userId).map((b) => String(b.id));
    const out = join(scene.dir, 'history.csv');
    deposit(2100);
    await exportDirect(['export', 'balance-history', '--out', out], token);
    expect(fileIds(out)).to.have.length(entryIds().length);
    deposit(3);
    const result = await exportThrough(['export', 'balance-history', '--out', out], token, (n) => {
      if (n === 2) deposit(2);
    });
    expect(result.code, result.stderr).to.equal(0);
    expect(JSON.parse(result.stdout)).to.include({ rows: 5 });
    expectExactly(out, entryIds());
  });

  describe('a failed export', () => {
    const notFound: ProxyAnswer = { status: 404, body: '{"message":"Not found"}' };

    it('leaves no file behind when it fails before its first row', async () => {
      const token = scene.sandbox.createToken({ JPY: '100000000' });
      addOrders(token, 3);
      for (const out of [join(scene.dir, 'failed.csv'), join(scene.dir, 'failed.jsonl')]) {
        const result = await exportThrough(['export', 'orders', '--out', out], token, () => notFound);
        expect(result.code).to.equal(1);
        expect(existsSync(out), out).to.equal(false);
        await scene.proxy?.close();
        scene.proxy = undefined;
      }
    });

    it('leaves an existing file byte for byte as it was (torn last line included)', async () => {
      const token = scene.sandbox.createToken({ JPY: '100000000' });
      const out = join(scene.dir, 'kept.csv');
      addOrders(token, 20);
      await exportDirect(['export', 'orders', '--out', out], token);
      interruptAfter(out, 12, true);
      const before = readFileSync(out);
      addOrders(token, 3);
      const result = await exportThrough(['export', 'orders', '--out', out], token, () => notFound);
      expect(result.code).to.equal(1);
      expect(readFileSync(out).equals(before)).to.equal(true);
    });

    it('keeps the rows it wrote before failing, and a re-run completes them', async () => {
      const token = scene.sandbox.createToken({ JPY: '100000000' });
      const out = join(scene.dir, 'half.csv');
      addOrders(token, 2500);
      const failed = await exportThrough(['export', 'orders', '--out', out], token, (n) =>
        n === 2 ? notFound : undefined,
      );
      expect(failed.code).to.equal(1);
      expect(fileIds(out)).to.have.length(1000);
      await scene.proxy?.close();
      scene.proxy = undefined;
      await exportDirect(['export', 'orders', '--out', out], token);
      expectExactly(out, orderIds(token));
    });
  });
});
