/**
 * `quoine export executions` passes a second holding more than 1,000 public executions (the
 * timestamp walk alone cannot: the SDK's `executions.all` throws there): every row once, oldest
 * first, on a first run, on a re-run interrupted inside that second, and with executions arriving
 * while the crowded second is read from the newest-first pages, in a later second or (when the
 * crowded second is the exchange's current one) in that very second.
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

/** The ids of an export file, in file order. */
const fileIds = (path: string): string[] =>
  parse<Record<string, string>>(readFileSync(path, 'utf8'), { columns: true }).map((r) => r.id ?? '');

/**
 * Registers, in the calling `describe`, an export scene on BTCJPY from `start`: 40 trades a minute
 * apart, then {@link CROWDED} trades in one second, then `after` trades a second apart (with none,
 * the sandbox's clock stays in the crowded second until a test moves it). Returns the scene, a
 * trade at the scene's clock, the exchange's execution ids, and an export run of every execution.
 */
function crowdedMarket(prefix: string, start: number, after: number) {
  let seller: SandboxToken;
  let buyer: SandboxToken;
  const scene = exportScene(prefix, {
    clock: start,
    seed: () => {
      seller = scene.sandbox.createToken({ BTC: '100000' });
      buyer = scene.sandbox.createToken({ JPY: '100000000000' });
      for (let i = 0; i < 40; i++) {
        trade();
        scene.clock += 60_000;
      }
      for (let i = 0; i < CROWDED; i++) trade(); // one second
      for (let i = 0; i < after; i++) {
        scene.clock += 1000;
        trade();
      }
    },
  });
  const trade = (): void => {
    for (const [user, side] of [
      [seller.userId, 'sell'],
      [buyer.userId, 'buy'],
    ] as const)
      scene.sandbox.exchange.createOrder(user, {
        orderType: 'limit',
        productId: BTCJPY,
        side,
        quantity: '0.01',
        price: '900000',
      });
  };
  const exchangeIds = (): string[] => scene.sandbox.exchange.executionsSince(BTCJPY, 0).map((e) => String(e.id));
  const exportTo = (out: string, baseUrl = scene.sandbox.url) =>
    runCli(['export', 'executions', '--product', 'BTCJPY', '--since', '0', '--out', out, '--base-url', baseUrl]);
  return { scene, trade, exchangeIds, exportTo };
}

describe('quoine export executions through a second of more than 1,000 executions', function () {
  this.timeout(180_000);
  const { scene, trade, exchangeIds, exportTo } = crowdedMarket(
    'quoine-crowded-',
    Date.parse('2026-11-01T00:00:00Z'),
    30,
  );

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

describe('quoine export executions through a crowded second that is still the current one', function () {
  this.timeout(180_000);
  const { scene, trade, exchangeIds, exportTo } = crowdedMarket(
    'quoine-current-second-',
    Date.parse('2026-11-02T00:00:00Z'),
    0,
  );

  /** A proxy that runs `arrive` once, before the walk's first request for page 3 (page 1 was read). */
  const arrivingAtPage3 = async (arrive: () => void): Promise<() => boolean> => {
    let arrived = false;
    scene.proxy = await startCountingProxy(scene.sandbox.url, {
      onRequest: (_n, path) => {
        if (!arrived && /[?&]page=3(&|$)/.test(path)) {
          arrived = true;
          arrive();
        }
      },
    });
    return () => arrived;
  };

  // The tests run in order on one exchange: the first keeps the clock in the crowded second.
  it('ends in the second when nothing later exists, and a re-run writes what arrived in it meanwhile', async () => {
    const out = join(scene.dir, 'unsealed.csv');
    const arrived = await arrivingAtPage3(() => {
      for (let i = 0; i < 5; i++) trade(); // still in the crowded second, above the pages read
    });
    const first = await exportTo(out, scene.proxy?.url);
    expect(first.code, first.stderr).to.equal(0);
    expect(arrived(), 'the executions arrived during the walk').to.equal(true);
    expect(exchangeIds().slice(0, -5)).to.include.members(fileIds(out));
    const again = await exportTo(out);
    expect(again.code, again.stderr).to.equal(0);
    const ids = fileIds(out);
    expect(ids.length, 'no row twice').to.equal(new Set(ids).size);
    expect(ids).to.deep.equal(exchangeIds());
  });

  it('reads the second again once a later execution shows it is over, and writes every row once', async () => {
    const out = join(scene.dir, 'sealed.csv');
    const arrived = await arrivingAtPage3(() => {
      for (let i = 0; i < 5; i++) trade(); // in the crowded second, after its top page was read
      scene.clock += 1000;
      for (let i = 0; i < 3; i++) trade(); // then the next second begins
    });
    const result = await exportTo(out, scene.proxy?.url);
    expect(result.code, result.stderr).to.equal(0);
    expect(arrived(), 'the executions arrived during the walk').to.equal(true);
    const ids = fileIds(out);
    expect(ids.length, 'no row twice').to.equal(new Set(ids).size);
    expect(ids).to.deep.equal(exchangeIds());
  });
});
