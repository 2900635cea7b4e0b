/**
 * One writer per export file: a second export to a file being written is refused with one clear
 * line (and the file ends with every row once); a lock left by a killed run is taken over, saying
 * so; the lock is gone after a run that succeeds or fails. The first run is paused at an exact
 * point of its walk by a proxy that holds its second request, so nothing is timed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import type { SandboxToken } from '../../lib/sandbox/index.js';
import { startCountingProxy } from '../helpers/counting-proxy.js';
import { credentialsEnv, finished, runCli, startCli } from './run-cli.js';
import { exportScene } from './export-scene.js';

const BTCJPY = 5;

describe('quoine export locks its file', function () {
  this.timeout(120_000);
  const scene = exportScene('quoine-lock-');

  const env = credentialsEnv;
  function tokenWithOrders(n: number): SandboxToken {
    const token = scene.sandbox.createToken({ JPY: '100000000' });
    for (let i = 0; i < n; i++)
      scene.sandbox.exchange.createOrder(token.userId, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'buy',
        quantity: '0.001',
        price: String(950000 + (i % 50)),
      });
    return token;
  }
  const orderIds = (token: SandboxToken): string[] =>
    scene.sandbox.exchange
      .orders(token.userId)
      .map((o) => String(o.id))
      .sort();
  const fileIds = (path: string): string[] =>
    parse<Record<string, string>>(readFileSync(path, 'utf8'), { columns: true }).map((r) => r.id ?? '');

  it('refuses a second writer while the first runs, and the file ends with every row once', async () => {
    const token = tokenWithOrders(2500);
    const out = join(scene.dir, 'c.csv');
    let paused!: () => void;
    const atPageTwo = new Promise<void>((resolve) => (paused = resolve));
    let resume!: () => void;
    const gate = new Promise<void>((resolve) => (resume = resolve));
    scene.proxy = await startCountingProxy(scene.sandbox.url, {
      onRequest: (_n, path) => {
        if (!path.startsWith('/orders') || !/[?&]page=2(&|$)/.test(path)) return undefined;
        paused();
        return gate.then(() => undefined);
      },
    });
    const first = startCli(['export', 'orders', '--out', out, '--base-url', scene.proxy.url], env(token));
    const firstDone = finished(first);
    await atPageTwo; // the first run holds the lock and has written page 1
    expect(existsSync(`${out}.lock`)).to.equal(true);
    const second = await runCli(['export', 'orders', '--out', out, '--base-url', scene.sandbox.url], env(token));
    resume();
    expect(second.code, second.stderr).to.equal(1);
    expect(second.stderr.trimEnd().split('\n'), second.stderr).to.have.length(1);
    expect(second.stderr).to.match(
      new RegExp(`^quoine: error: .*c\\.csv is being written by another quoine export \\(pid ${first.pid}, lock `),
    );
    const result = await firstDone;
    expect(result.code, result.stderr).to.equal(0);
    const ids = fileIds(out);
    expect(ids.length, 'no row twice').to.equal(new Set(ids).size);
    expect([...ids].sort()).to.deep.equal(orderIds(token));
    expect(existsSync(`${out}.lock`), 'released at the end').to.equal(false);
  });

  it('takes over a lock left by a killed run, saying so', async () => {
    const token = tokenWithOrders(30);
    const out = join(scene.dir, 'stale.jsonl');
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(`${out}.lock`, `${gone.pid}\n`);
    const result = await runCli(['export', 'orders', '--out', out, '--base-url', scene.sandbox.url], env(token));
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include(
      `taking over the stale lock ${out}.lock of process ${gone.pid}, which is no longer running`,
    );
    expect(readFileSync(out, 'utf8').trim().split('\n')).to.have.length(30);
    expect(existsSync(`${out}.lock`)).to.equal(false);
  });

  it('releases the lock when the run fails midway', async () => {
    const token = tokenWithOrders(1500);
    const out = join(scene.dir, 'failed.csv');
    scene.proxy = await startCountingProxy(scene.sandbox.url, {
      onRequest: (n) => (n === 2 ? { status: 404, body: '{"message":"Not found"}' } : undefined),
    });
    const result = await runCli(['export', 'orders', '--out', out, '--base-url', scene.proxy.url], env(token));
    expect(result.code).to.equal(1);
    expect(fileIds(out)).to.have.length(1000);
    expect(existsSync(`${out}.lock`)).to.equal(false);
  });
});
