/**
 * An export file states what it holds, and a re-run that would continue it with something else
 * is refused with one clear line, leaving the file byte for byte as it was: executions of another
 * product (the rows carry `product_id`), or another kind of export (a CSV header or the fields of
 * a JSON line that are not the kind's columns).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { SandboxToken } from '../../lib/sandbox/index.js';
import { credentialsEnv, runCli, type CliResult } from './run-cli.js';
import { exportScene } from './export-scene.js';

const BTCJPY = 5;
const BTCUSD = 1;

describe('quoine export refuses a file that holds something else', function () {
  this.timeout(60_000);
  let token: SandboxToken;
  const scene = exportScene('quoine-identity-', {
    seed: () => {
      const maker = scene.sandbox.createToken({ BTC: '100', JPY: '1000000000', USD: '100000000' });
      token = scene.sandbox.createToken({ BTC: '100', JPY: '1000000000', USD: '100000000' });
      for (const [productId, price] of [
        [BTCJPY, '950000'],
        [BTCUSD, '10000'],
      ] as const) {
        for (let i = 0; i < 3; i++) {
          scene.sandbox.exchange.createOrder(maker.userId, {
            orderType: 'limit',
            productId,
            side: 'sell',
            quantity: '0.01',
            price,
          });
          scene.sandbox.exchange.createOrder(token.userId, {
            orderType: 'limit',
            productId,
            side: 'buy',
            quantity: '0.01',
            price,
          });
        }
      }
    },
  });

  const env = (): Record<string, string> => credentialsEnv(token);
  const run = (args: readonly string[]): Promise<CliResult> =>
    runCli([...args, '--base-url', scene.sandbox.url], env());

  /** One error line, exit 1, and the file untouched. */
  function expectRefused(result: CliResult, path: string, before: Buffer, message: RegExp): void {
    expect(result.code, result.stderr).to.equal(1);
    expect(result.stderr.trimEnd().split('\n'), result.stderr).to.have.length(1);
    expect(result.stderr)
      .to.match(/^quoine: error: /)
      .and.match(message);
    expect(readFileSync(path).equals(before), 'the file is untouched').to.equal(true);
    expect(existsSync(`${path}.lock`), 'the refused run released its lock').to.equal(false);
  }

  for (const ext of ['csv', 'jsonl']) {
    it(`executions (.${ext}): the rows name their product, and a re-run for another product is refused`, async () => {
      const out = join(scene.dir, `m.${ext}`);
      const first = await run(['export', 'executions', '--product', 'BTCJPY', '--out', out]);
      expect(first.code, first.stderr).to.equal(0);
      const text = readFileSync(out, 'utf8');
      expect(text).to.include(ext === 'csv' ? 'id,created_at,product_id,' : '"product_id":"5"');
      const before = readFileSync(out);
      const other = await run(['export', 'executions', '--product', 'BTCUSD', '--out', out]);
      expectRefused(
        other,
        out,
        before,
        /holds executions of product 5, not of BTCUSD \(product 1\): choose another --out file/,
      );
      // The same product continues the file.
      const same = await run(['export', 'executions', '--product', String(BTCJPY), '--out', out]);
      expect(same.code, same.stderr).to.equal(0);
      expect(same.stderr).to.include('0 new rows');
    });

    it(`another kind of export (.${ext}) is refused with the same error for CSV and JSON Lines`, async () => {
      const out = join(scene.dir, `j.${ext}`);
      const first = await run(['export', 'orders', '--out', out]);
      expect(first.code, first.stderr).to.equal(0);
      const before = readFileSync(out);
      const other = await run(['export', 'balance-history', '--out', out]);
      expectRefused(
        other,
        out,
        before,
        /holds another export \(columns id,created_at,product_id,currency_pair_code,[^)]*; this export writes id,timestamp,currency,[^)]*\): choose another --out file$/m,
      );
    });
  }
});

describe('quoine export executions refuses a --since before the start of the file it continues', function () {
  this.timeout(60_000);
  const scene = exportScene('quoine-since-', {
    clock: Date.parse('2026-11-01T00:00:00Z'),
    seed: () => {
      const seller = scene.sandbox.createToken({ BTC: '100' });
      const buyer = scene.sandbox.createToken({ JPY: '1000000000' });
      for (let hour = 0; hour < 4; hour++) {
        scene.sandbox.exchange.createOrder(seller.userId, {
          orderType: 'limit',
          productId: BTCJPY,
          side: 'sell',
          quantity: '0.01',
          price: '950000',
        });
        scene.sandbox.exchange.createOrder(buyer.userId, {
          orderType: 'limit',
          productId: BTCJPY,
          side: 'buy',
          quantity: '0.01',
          price: '950000',
        });
        scene.clock += 3_600_000;
      }
    },
  });
  const run = (since: string | undefined, out: string): Promise<CliResult> =>
    runCli([
      'export',
      'executions',
      '--product',
      'BTCJPY',
      ...(since === undefined ? [] : ['--since', since]),
      '--out',
      out,
      '--base-url',
      scene.sandbox.url,
    ]);

  it('an earlier --since with executions before the file is refused; the same, a later or no --since continues it', async () => {
    const out = join(scene.dir, 's.csv');
    const first = await run('2026-11-01T02:00:00Z', out);
    expect(first.code, first.stderr).to.equal(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).to.have.length(1 + 2);
    const before = readFileSync(out);
    const earlier = await run('2026-11-01T00:30:00Z', out);
    expect(earlier.code, earlier.stderr).to.equal(1);
    expect(earlier.stderr.trimEnd().split('\n')).to.have.length(1);
    expect(earlier.stderr).to.match(
      /s\.csv starts at 2026-11-01 02:00:00Z; --since 2026-11-01T00:30:00\.000Z asks for earlier executions, which a continued file cannot hold: choose another --out file/,
    );
    expect(readFileSync(out).equals(before)).to.equal(true);
    expect(existsSync(`${out}.lock`)).to.equal(false);
    // Earlier, but with nothing between it and the file's first row: the same file.
    for (const since of ['2026-11-01T01:00:01Z', '2026-11-01T02:00:00Z', '2026-11-01T03:00:00Z', undefined]) {
      const again = await run(since, out);
      expect(again.code, again.stderr).to.equal(0);
      expect(again.stderr).to.include('0 new rows');
    }
  });
});
