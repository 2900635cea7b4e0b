import { Decimal } from '../../exchange/index.js';
import type { ExecutionRecord } from '../../exchange/index.js';
import { feeRuleWire, currencyWire } from '../catalogue-wire.js';
import { executionWire, orderBookWire, productWire } from '../../wire/serializers/market.js';
import { productExchangeRate } from '../../wire/serializers/exchange-rate.js';
import { decimalText } from '../../wire/serializers/values.js';
import { interestRateLadderWire } from '../../wire/serializers/lending.js';
import { pageOf, readLimit, readPageRequest } from '../pagination.js';
import { flagParam, idParam, queryParams, secondsParam } from '../params.js';
import { HttpError } from '../responses.js';
import { pathId, type RouteContext } from '../route-context.js';
import { publicRoute, type Route } from '../router.js';
import type { WireValue } from '../../wire/json.js';

const PRODUCT_NOT_FOUND = 'Product not found';
/** Executions read at a time by the candles of `/ohlc`. */
const OHLC_PAGE = 1000;

/** Public market data, quoine-api.md §7.1 (#1–#10). */
export const marketRoutes: readonly Route[] = [
  publicRoute('GET', '/products', (context) => {
    // `perpetual=1` answers perpetual products only; the default list excludes them (§7.1 #1).
    const perpetual = context.query.get('perpetual') === '1';
    const products = context.exchange
      .products()
      .filter((product) => (product.productType === 'Perpetual') === perpetual);
    return products.map((product) =>
      productWire(product, context.liquid, productExchangeRate(context.exchange, product)),
    );
  }),
  publicRoute('GET', '/products/{id}', (context) => {
    const product = context.exchange.product(pathId(context, 'id', PRODUCT_NOT_FOUND));
    return productWire(product, context.liquid, productExchangeRate(context.exchange, product));
  }),
  publicRoute('GET', '/products/{id}/price_levels', (context) => {
    const full = flagParam(context.query, 'full');
    return orderBookWire(
      context.exchange.orderBook(pathId(context, 'id', PRODUCT_NOT_FOUND), { full }),
      context.liquid,
    );
  }),
  publicRoute('GET', '/products/{id}/ohlc', (context) => ohlc(context)),
  publicRoute('GET', '/products/{id}/funding_rate_history', (context) => {
    // The sandbox charges no funding, so a perpetual's history is empty; other products are not found.
    const product = context.exchange.product(pathId(context, 'id', PRODUCT_NOT_FOUND));
    if (product.productType !== 'Perpetual') throw HttpError.notFound(PRODUCT_NOT_FOUND);
    return [];
  }),
  publicRoute('GET', '/executions', (context) => {
    const query = queryParams(context.query);
    const productId = idParam(query, 'product_id');
    const timestamp = secondsParam(context.query, 'timestamp');
    if (timestamp !== undefined) {
      // §7.1 #5: with `timestamp`, a plain array, oldest first, no paging.
      return context.exchange
        .executionsSince(productId, timestamp, readLimit(context.query))
        .map((execution) => executionWire(execution, context.liquid));
    }
    return pageOf(context.exchange.executionList(productId), readPageRequest(context.query), (execution) =>
      executionWire(execution, context.liquid),
    );
  }),
  publicRoute('GET', '/ir_ladders/{currency}', (context) =>
    interestRateLadderWire(context.exchange.interestRateLadder(context.path['currency'] ?? '')),
  ),
  publicRoute('GET', '/currencies', (context) =>
    context.catalogue.currencies.map((row) => currencyWire(row, context.liquid)),
  ),
  publicRoute('GET', '/fees', (context) => {
    const feeType = context.query.get('fee_type');
    return context.catalogue.fees.filter((row) => feeType === null || row['fee_type'] === feeType).map(feeRuleWire);
  }),
];

/**
 * `GET /products/{id}/ohlc?resolution=N` (response not captured, §7.1 #9; a sandbox shape):
 * candles from the public executions, newest first, as
 * `[[bucket_start_seconds, "open", "high", "low", "close", "volume"], ...]`; resolution defaults to 60 s.
 */
function ohlc(context: RouteContext): WireValue {
  const productId = pathId(context, 'id', PRODUCT_NOT_FOUND);
  const resolutionText = context.query.get('resolution') ?? '60';
  if (!/^\d{1,7}$/.test(resolutionText) || Number(resolutionText) < 1)
    throw HttpError.invalid('resolution', 'is_invalid');
  const resolution = Number(resolutionText);
  const limit = readLimit(context.query, 1000);
  // Newest first, page by page, until a bucket past the `limit` newest ones begins (times never go back).
  const list = context.exchange.executionList(productId);
  const buckets = new Map<number, ExecutionRecord[]>();
  let full = false;
  for (let first = 0; first < list.length && !full; first += OHLC_PAGE) {
    for (const execution of list.slice(first, first + OHLC_PAGE)) {
      const start = Math.floor(execution.createdAt / resolution) * resolution;
      let bucket = buckets.get(start);
      if (bucket === undefined) {
        full = buckets.size === limit;
        if (full) break;
        bucket = [];
        buckets.set(start, bucket);
      }
      bucket.push(execution);
    }
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => b - a)
    .map(([start, newestFirst]) => {
      const executions = newestFirst.reverse();
      const prices = executions.map((execution) => execution.price);
      const volume = executions.reduce((sum, execution) => sum.plus(execution.quantity), new Decimal(0));
      const [open] = prices;
      if (open === undefined) throw new Error('a bucket holds at least one execution');
      return [
        start,
        decimalText(open),
        decimalText(Decimal.max(...prices)),
        decimalText(Decimal.min(...prices)),
        decimalText(prices.at(-1) ?? open),
        decimalText(volume),
      ];
    });
}
