/** `quoine export`: exact rows, and an interrupted export that resumes with every row exactly once. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import type { SandboxToken } from '../../lib/sandbox/index.js';
import { credentialsEnv, finished, runCli, startCli } from './run-cli.js';
import { exportScene } from './export-scene.js';

const EXECUTIONS = 6000;

describe('quoine export', function () {
  this.timeout(120_000);
  let token: SandboxToken;
  const scene = exportScene('quoine-export-', {
    clock: Date.parse('2026-11-01T00:00:00Z'),
    seed: () => {
      const seller = scene.sandbox.createToken({ BTC: '100000' });
      const buyer = scene.sandbox.createToken({ JPY: '1000000000000000' });
      token = buyer;
      // Public executions spread over time (the timestamp walk needs fewer than 1,000 per second).
      for (let i = 0; i < EXECUTIONS; i++) {
        scene.clock += 250;
        scene.sandbox.exchange.createOrder(seller.userId, {
          orderType: 'limit',
          productId: 5,
          side: 'sell',
          quantity: '0.0011',
          price: String(976000 + (i % 7)),
        });
        scene.sandbox.exchange.createOrder(buyer.userId, {
          orderType: 'market',
          productId: 5,
          side: 'buy',
          quantity: '0.0011',
        });
      }
    },
  });

  function exchangeIds(): string[] {
    return scene.sandbox.exchange.executionsSince(5, 0).map((e) => String(e.id));
  }

  it('writes exact CSV rows of every public execution', async () => {
    const out = join(scene.dir, 'all.csv');
    const result = await runCli([
      'export',
      'executions',
      '--product',
      'BTCJPY',
      '--since',
      '2026-11-01',
      '--out',
      out,
      '--base-url',
      scene.sandbox.url,
    ]);
    expect(result.code, result.stderr).to.equal(0);
    const rows = parse<Record<string, string>>(readFileSync(out, 'utf8'), { columns: true });
    expect(rows.map((r) => r.id)).to.deep.equal(exchangeIds());
    expect(rows[0]).to.include({ price: '976000', quantity: '0.0011', taker_side: 'buy' });
  });

  it('progress from --since 0 follows the rows (the time span starts at the first row), no ETA it cannot know, 100 % only at the end', async () => {
    const out = join(scene.dir, 'progress.csv');
    const result = await runCli([
      'export',
      'executions',
      '--product',
      '5',
      '--since',
      '0',
      '--out',
      out,
      '--progress',
      '--base-url',
      scene.sandbox.url,
    ]);
    expect(result.code, result.stderr).to.equal(0);
    const frames = result.stderr.split(/[\r\n]/).filter((l) => l.startsWith('executions ['));
    expect(frames.length).to.be.greaterThan(3);
    const last = frames.at(-1) ?? '';
    expect(last).to.match(/100%/).and.include(`${EXECUTIONS} rows`);
    for (const frame of frames.slice(0, -1)) {
      expect(frame).not.to.include('100%');
      expect(frame).to.include('ETA unknown');
      const percent = Number(/\] (\d+)% of the time span/.exec(frame)?.[1]);
      const rows = Number(/\| (\d+) rows/.exec(frame)?.[1]);
      // Executions are evenly spread in time: the share of the span is the share of the rows (±2 points).
      expect(Math.abs(percent - (100 * rows) / EXECUTIONS), frame).to.be.at.most(2);
    }
    expect(result.stderr).not.to.match(/\u001b/);
  });

  it('resumes after Ctrl-C and ends with every row exactly once', async () => {
    const out = join(scene.dir, 'resumed.jsonl');
    // Slow every page down so the first run is still walking when it is interrupted.
    scene.sandbox.faults.add({ method: 'GET', path: '/executions', kind: 'delay', ms: 150, times: 1000 });
    const child = startCli([
      'export',
      'executions',
      '--product',
      '5',
      '--since',
      '0',
      '--out',
      out,
      '--base-url',
      scene.sandbox.url,
    ]);
    const done = finished(child);
    for (let i = 0; i < 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (statSync(out, { throwIfNoEntry: false })?.size) break;
    }
    child.kill('SIGINT');
    const first = await done;
    expect(first.code, first.stderr).to.equal(130);
    expect(first.stderr).to.match(/interrupted after \d+ new rows; run the same command again to continue/);
    expect(existsSync(`${out}.lock`), 'Ctrl-C releases the lock').to.equal(false);
    const partial = readFileSync(out, 'utf8').split('\n').filter(Boolean).length;
    expect(partial).to.be.greaterThan(0).and.lessThan(EXECUTIONS);
    scene.sandbox.faults.clear();
    const second = await runCli([
      'export',
      'executions',
      '--product',
      '5',
      '--since',
      '0',
      '--out',
      out,
      '--base-url',
      scene.sandbox.url,
    ]);
    expect(second.code, second.stderr).to.equal(0);
    const ids = readFileSync(out, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).to.deep.equal(exchangeIds());
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('exports orders resumably too, skipping rows already written', async () => {
    const out = join(scene.dir, 'orders.csv');
    const env = credentialsEnv(token);
    const first = await runCli(['export', 'orders', '--out', out, '--base-url', scene.sandbox.url], env);
    expect(first.code, first.stderr).to.equal(0);
    const again = await runCli(['export', 'orders', '--out', out, '--base-url', scene.sandbox.url, '--json'], env);
    expect(JSON.parse(again.stdout)).to.include({ rows: 0 });
    const rows = parse<Record<string, string>>(readFileSync(out, 'utf8'), { columns: true });
    expect(rows).to.have.length(EXECUTIONS);
    expect(new Set(rows.map((r) => r.id)).size).to.equal(EXECUTIONS);
  });

  it('refuses an unknown file type with one clear line', async () => {
    const result = await runCli(
      ['export', 'orders', '--out', join(scene.dir, 'x.xlsx'), '--base-url', scene.sandbox.url],
      credentialsEnv(token),
    );
    expect(result.code).to.equal(1);
    expect(result.stderr).to.match(/--out must end with \.csv or \.jsonl/);
  });
});
