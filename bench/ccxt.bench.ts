/**
 * (issue 3) Parse + hydrate of order and own-execution pages (100 and 1,000 rows) by the SDK
 * (`parseLossless` + `hydrateMany`) vs `JSON.parse` of the same text (the baseline), and vs
 * ccxt 1.95.43's liquid driver (`JSON.parse` as its fetch does, then `parseOrders` /
 * `parseTrades`). ccxt ends in JS floats (lossy); the note says whether it is faster or slower.
 */
import 'reflect-metadata';
import ccxt from 'ccxt';
import { readFileSync } from 'node:fs';
import { hydrateMany } from '../lib/core/fields.js';
import { parseLossless } from '../lib/core/json.js';
import { MyExecution } from '../lib/entities/my-execution.js';
import { Order } from '../lib/entities/order.js';
import { measure, ratios, type Row } from './measure.js';
import { compactFixture, pageOf, rowsOf } from './support-pages.js';

/** The parts of ccxt's liquid driver this bench calls (ccxt ships no types for them). */
interface CcxtLiquid {
  setMarkets(markets: readonly object[]): unknown;
  safeCurrencyCode(id: string): string;
  parseOrders(orders: unknown, market?: object): Array<{ id: string; amount: number | undefined }>;
  parseTrades(trades: unknown, market?: object): unknown[];
  markets_by_id: Record<string, object>;
}

/** The canary of `orders_page.json` (order 2914273090): a quantity no double can hold. */
const CANARY_QUANTITY = '0.12345678901234567891';

/** A ccxt liquid instance with markets set from `fixtures/liquid/products.json`, as its fetchMarkets builds them. */
export function ccxtLiquid(): CcxtLiquid {
  const exchange = new (ccxt as unknown as { liquid: new () => CcxtLiquid }).liquid();
  // The catalogue holds only strings, small integers and booleans: a plain JSON.parse is exact here.
  const products = JSON.parse(
    readFileSync(new URL('../fixtures/liquid/products.json', import.meta.url), 'utf8'),
  ) as Array<Record<string, string>>;
  exchange.setMarkets(
    products.map((p) => {
      const baseId = p['base_currency'] as string;
      const quoteId = p['quoted_currency'] as string;
      const base = exchange.safeCurrencyCode(baseId);
      const quote = exchange.safeCurrencyCode(quoteId);
      const swap = p['product_type'] === 'Perpetual';
      return {
        id: p['id'],
        symbol: `${base}/${quote}`,
        base,
        quote,
        baseId,
        quoteId,
        type: swap ? 'swap' : 'spot',
        spot: !swap,
        swap,
        active: true,
      };
    }),
  );
  return exchange;
}

/** Runs the case for orders and own executions, pages of 100 and 1,000. */
export async function run(): Promise<Row[]> {
  const liquid = ccxtLiquid();
  const btcjpy = liquid.markets_by_id['5'];
  const rows: Row[] = [];
  const kinds = [
    {
      kind: 'orders',
      templates: rowsOf(compactFixture('orders_page')),
      firstId: 2914273073,
      sdk: (text: string) => hydrateMany(Order, (parseLossless(text) as { models: unknown }).models),
      // fetchOrders without a symbol: each row's market is looked up by product_id.
      ccxt: (text: string) => liquid.parseOrders((JSON.parse(text) as { models: unknown }).models),
    },
    {
      kind: 'own executions',
      templates: rowsOf(compactFixture('my_executions_page')),
      firstId: 333217750,
      sdk: (text: string) => hydrateMany(MyExecution, (parseLossless(text) as { models: unknown }).models),
      // fetchMyTrades passes the market it asked for.
      ccxt: (text: string) => liquid.parseTrades((JSON.parse(text) as { models: unknown }).models, btcjpy),
    },
  ];
  for (const { kind, templates, firstId, sdk, ccxt: viaCcxt } of kinds) {
    for (const n of [100, 1000]) {
      const text = pageOf(templates, n, firstId);
      const measured = [
        await measure('JSON.parse (baseline, lossy)', () => JSON.parse(text)),
        await measure('SDK parseLossless + hydrateMany', () => sdk(text)),
        await measure('ccxt liquid: JSON.parse + parse*', () => viaCcxt(text)),
      ];
      const perSecond = (name: string): string => {
        const m = measured.find((x) => x.name === name);
        return m === undefined ? '' : `${Math.round((n * 1000) / m.ms).toLocaleString('en')} rows/s`;
      };
      const [, ours, theirs] = measured;
      const speed =
        ours && theirs
          ? `${(theirs.ms / ours.ms).toFixed(2)}× the SDK's time (${theirs.ms < ours.ms ? 'faster' : 'slower'})`
          : '';
      const canary = kind === 'orders' ? `; ${roundedCanary(liquid, text)}` : '';
      rows.push(
        ...ratios(`ccxt: ${n} ${kind} (${Math.round(text.length / 1024)} KiB)`, measured, {
          'JSON.parse (baseline, lossy)': perSecond('JSON.parse (baseline, lossy)'),
          'SDK parseLossless + hydrateMany': `${perSecond('SDK parseLossless + hydrateMany')}, exact Decimal`,
          'ccxt liquid: JSON.parse + parse*': `${perSecond('ccxt liquid: JSON.parse + parse*')}, floats (lossy), ${speed}${canary}`,
        }),
      );
    }
  }
  return rows;
}

/** What ccxt makes of the canary quantity, e.g. `0.12345678901234567891 → 0.12345678901234568`. */
function roundedCanary(liquid: CcxtLiquid, text: string): string {
  const exact = hydrateMany(Order, (parseLossless(text) as { models: unknown }).models).find(
    (o) => o.quantity.toFixed() === CANARY_QUANTITY,
  );
  const order =
    exact &&
    liquid.parseOrders((JSON.parse(text) as { models: unknown }).models).find((o) => o.id === String(exact.id));
  if (exact === undefined || order === undefined) return 'canary order not in the page';
  return `qty ${CANARY_QUANTITY}: ccxt ${String(order.amount)}, SDK ${exact.quantity.toFixed()}`;
}
