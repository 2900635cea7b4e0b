/**
 * (c) Realtime: price-ladder messages applied per second by LiveOrderBook, each frame handed to
 * the function the socket's messages go to (`receiveFrame`: frame dispatch, the ladder read in one
 * scan or, off its exact form, parsed losslessly, the channel's fan-out, the subscription, then the
 * book: zero and order checks, replace of the side), and with the best level read after each
 * message (built then, as a bot reading `bestAsk` on every change sees it), vs a baseline in the
 * same run: plain `JSON.parse` of the same frames, both layers (lossy). Also: the same frames with
 * a space before `"event"`, which the one-scan reader leaves to the general path (two lossless
 * parses, each level checked), and the public `priceLadder` subscription (40 PriceLevels of
 * Decimals per message). Medians of 9 interleaved rounds. The clients are connected to an
 * in-process sandbox (no market maker) so that their subscriptions are live; the frames
 * themselves do not go through the socket.
 */
import 'reflect-metadata';
import { startSandbox } from '../lib/sandbox/index.js';
import { LiveOrderBook } from '../lib/realtime/live-order-book.js';
import { QuoineRealtime, receiveFrame } from '../lib/realtime/realtime.js';
import { measureInterleaved, ratios, type Row } from './measure.js';

/** Interleaved rounds of every case, and the time each case runs per round. */
const ROUNDS = 9;
const ROUND_MS = 200;

/**
 * `count` frames of one side with `levels` levels each, as Liquid Tap sends them: decimals as
 * strings with trailing zeros, `data` JSON-encoded inside the envelope. Prices move per frame.
 */
export function ladderFrames(count: number, levels = 40): string[] {
  return Array.from({ length: count }, (_, f) => {
    const rows = Array.from({ length: levels }, (_, i) => {
      const price = (9763820 + f * 7 + i * 13).toString();
      const quantity = (((f * 31 + i * 17) % 5000) + 1).toString().padStart(6, '0');
      return [`${price.slice(0, -1)}.${price.slice(-1)}0000`, `${quantity.slice(0, 1)}.${quantity.slice(1)}000`];
    });
    return JSON.stringify({ event: 'updated', channel: 'price_ladders_cash_btcjpy_sell', data: JSON.stringify(rows) });
  });
}

/** Runs the case. */
export async function run(): Promise<Row[]> {
  const frames = ladderFrames(256);
  const offFastPath = frames.map((f) => `{ ${f.slice(1)}`);
  const bytes = frames.map((f) => Buffer.byteLength(f));
  const sandbox = await startSandbox({ market: false, rateLimit: false });
  const bookClient = new QuoineRealtime({ url: sandbox.tapUrl });
  const levelsClient = new QuoineRealtime({ url: sandbox.tapUrl });
  try {
    const book = await new LiveOrderBook(bookClient, { pair: 'BTCJPY' }).start();
    const ladder = levelsClient.priceLadder('BTCJPY', 'sell');
    let levels = 0;
    ladder.on('data', (l) => (levels += l.length));
    await ladder.ready;
    let i = 0;
    const at = (): number => i++ & 255;
    const cases: Array<[string, () => unknown]> = [
      [
        'JSON.parse ×2 (baseline, lossy)',
        (): unknown => JSON.parse((JSON.parse(frames[at()] as string) as { data: string }).data),
      ],
      [
        'decode to PriceLevel[] (priceLadder, lossless)',
        () => {
          const k = at();
          receiveFrame(levelsClient, frames[k] as string, bytes[k] as number);
        },
      ],
      [
        'decode + LiveOrderBook replace (the SDK)',
        () => {
          const k = at();
          receiveFrame(bookClient, frames[k] as string, bytes[k] as number);
        },
      ],
      [
        '… and read bestAsk',
        () => {
          const k = at();
          receiveFrame(bookClient, frames[k] as string, bytes[k] as number);
          return book.bestAsk;
        },
      ],
      [
        'decode + LiveOrderBook replace, off the fast path',
        () => {
          const k = at();
          receiveFrame(bookClient, offFastPath[k] as string, (bytes[k] as number) + 1);
        },
      ],
    ];
    const measured = await measureInterleaved(cases, ROUNDS, ROUND_MS);
    if (levels === 0 || book.asks.length !== 40) throw new Error('the frames did not reach the subscribers');
    book.close();
    const perSecond = Object.fromEntries(
      measured.map((m) => [m.name, `${Math.round(1000 / m.ms).toLocaleString('en')} msg/s`]),
    );
    return ratios('ladder message, 40 levels', measured, perSecond);
  } finally {
    await Promise.all([bookClient.close(), levelsClient.close()]);
    await sandbox.close();
  }
}
