/**
 * (a) Lossless parse + hydration of a 1,000-order page vs plain JSON.parse of the same text.
 * Medians of 9 interleaved rounds, as the realtime suite measures: each case measured once after
 * the other moved the ratio by a third with the machine's drift between them.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { parse as losslessJsonParse } from 'lossless-json';
import { hydrateMany } from '../lib/core/fields.js';
import { parseLossless } from '../lib/core/json.js';
import { Order } from '../lib/entities/order.js';
import { measureInterleaved, ratios, type Row } from './measure.js';

/** Interleaved rounds of every case, and the time each case runs per round. */
const ROUNDS = 9;
const ROUND_MS = 200;

/**
 * A page of `n` Liquid-era orders (numbers and strings mixed), built as text from the fixture and
 * compacted as the exchange's server sent it (the fixture is pretty-printed; none of its strings
 * holds a newline or `": `). Never through JSON.parse, which would round the money.
 */
export function ordersPage(n: number): string {
  const order = readFileSync(new URL('../fixtures/liquid/order.json', import.meta.url), 'utf8')
    .replace(/\n\s*/g, '')
    .replace(/": /g, '":');
  const rows = Array.from({ length: n }, (_, i) => order.replace(/"id":\d+/, `"id":${2914273073 + i}`));
  return `{"models":[${rows.join(',')}],"current_page":1,"total_pages":7}`;
}

/** Runs the case for pages of 100 and 1,000 orders. */
export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const n of [100, 1000]) {
    const text = ordersPage(n);
    const group = `parse ${n} orders (${Math.round(text.length / 1024)} KiB)`;
    const measured = await measureInterleaved(
      [
        ['JSON.parse (baseline, lossy)', (): unknown => JSON.parse(text)],
        ['parseLossless', () => parseLossless(text)],
        [
          'parseLossless + hydrate (the SDK)',
          () => hydrateMany(Order, (parseLossless(text) as { models: unknown }).models),
        ],
        [
          'lossless-json + plainToInstance',
          () =>
            plainToInstance(
              Order,
              (losslessJsonParse(text, undefined, (s: string) => s) as { models: unknown[] }).models,
              { excludeExtraneousValues: true },
            ),
        ],
      ],
      ROUNDS,
      ROUND_MS,
    );
    rows.push(...ratios(group, measured, { 'parseLossless + hydrate (the SDK)': 'target ≤ 3.5×' }));
  }
  return rows;
}
