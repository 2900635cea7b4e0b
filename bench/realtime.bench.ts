/**
 * (c) Realtime: price-ladder messages applied per second by LiveOrderBook (envelope parse,
 * lossless decode of the double-encoded `data`, the 40 levels checked and kept as exact texts,
 * zero and order checks, replace of the side), and with the best level read after each message
 * (built then, as a bot reading `bestAsk` on every change sees it), vs a baseline in the same run:
 * plain `JSON.parse` of the same frames, both layers (lossy). The public `priceLadder` decoder
 * (40 PriceLevels of Decimals per message) is measured too.
 */
import 'reflect-metadata';
import { toLevels, toLevelTexts } from '../lib/entities/levels.js';
import { decodeData, parseFrame } from '../lib/realtime/frames.js';
import { applyLadder, LiveOrderBook } from '../lib/realtime/live-order-book.js';
import { QuoineRealtime } from '../lib/realtime/realtime.js';
import { measure, ratios, type Row } from './measure.js';

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
  const realtime = new QuoineRealtime(); // never connects: the book is fed through applyLevels()
  const book = new LiveOrderBook(realtime, { pair: 'BTCJPY' });
  let i = 0;
  const nextFrame = (): string => frames[i++ & 255] as string;
  const measured = [
    await measure('JSON.parse ×2 (baseline, lossy)', () =>
      JSON.parse((JSON.parse(nextFrame()) as { data: string }).data),
    ),
    await measure('decode to PriceLevel[] (priceLadder, lossless)', () =>
      toLevels(decodeData(parseFrame(nextFrame())?.data)),
    ),
    await measure('decode + LiveOrderBook replace (the SDK)', () =>
      applyLadder(book, 'sell', toLevelTexts(decodeData(parseFrame(nextFrame())?.data))),
    ),
    await measure('… and read bestAsk', () => {
      applyLadder(book, 'sell', toLevelTexts(decodeData(parseFrame(nextFrame())?.data)));
      return book.bestAsk;
    }),
  ];
  await realtime.close();
  const perSecond = Object.fromEntries(
    measured.map((m) => [m.name, `${Math.round(1000 / m.ms).toLocaleString('en')} msg/s`]),
  );
  return ratios('ladder message, 40 levels', measured, perSecond);
}
