import { toIdInput } from '../core/decimal.js';
import { WireValueError } from '../core/wire-values.js';
import { path } from '../core/path.js';
import { ApiResource } from '../core/resource.js';
import type { CallOptions } from '../core/transport.js';
import { toCandles, type Candle } from '../entities/candle.js';
import { OrderBook } from '../entities/order-book.js';
import { QuoineRequestError } from '../core/errors.js';
import { toUnixSeconds } from './executions.js';
import { Product } from '../entities/product.js';

/** Options of {@link Products.list}. */
export interface ProductListOptions {
  /** `true`: perpetual products only (the default list leaves them out). */
  readonly perpetual?: boolean;
}

/** Options of {@link Products.orderBook}. */
export interface OrderBookOptions {
  /** `true`: the whole book; otherwise the exchange's default depth. */
  readonly full?: boolean;
}

/** Products and their order books (public). */
export class Products extends ApiResource {
  /**
   * Every product.
   * @example
   * ```ts
   * const products = await client.products.list();
   * const perpetuals = await client.products.list({ perpetual: true });
   * ```
   */
  async list(query: ProductListOptions = {}, options?: CallOptions): Promise<Product[]> {
    return this.many(Product, {
      method: 'GET',
      path: '/products',
      query: { perpetual: query.perpetual ? 1 : undefined },
      auth: false,
      safety: 'read',
      options,
    });
  }

  /**
   * One product by id.
   * @example
   * ```ts
   * const btcjpy = await client.products.get(5);
   * console.log(btcjpy.lastTradedPrice?.toFixed());
   * ```
   */
  async get(id: number | string, options?: CallOptions): Promise<Product> {
    const productId = toIdInput(id, 'id');
    return this.one(Product, { method: 'GET', path: path`/products/${productId}`, auth: false, safety: 'read', options });
  }

  /**
   * A product's order book, levels as exact decimals.
   * @example
   * ```ts
   * const book = await client.products.orderBook(5, { full: true });
   * const best = book.sellPriceLevels[0]; // { price, quantity }
   * ```
   */
  async orderBook(id: number | string, query: OrderBookOptions = {}, options?: CallOptions): Promise<OrderBook> {
    const productId = toIdInput(id, 'id');
    return this.one(OrderBook, {
      method: 'GET',
      path: path`/products/${productId}/price_levels`,
      query: { full: query.full ? 1 : undefined },
      auth: false,
      safety: 'read',
      options,
    });
  }

  /**
   * Candles of a product, newest first. The exchange's response was never recorded: this reads
   * `[start, open, high, low, close, volume]` rows, as the sandbox serves them.
   * @example
   * ```ts
   * const hourly = await client.products.ohlc(5, { resolution: 3600 });
   * ```
   */
  async ohlc(id: number | string, query: { readonly resolution?: number } = {}, options?: CallOptions): Promise<Candle[]> {
    const productId = toIdInput(id, 'id');
    const resolution = query.resolution ?? 60;
    if (!Number.isSafeInteger(resolution) || resolution < 1) throw new QuoineRequestError(`resolution must be whole seconds ≥ 1, got ${String(resolution)}`, 'resolution');
    return this.value({ method: 'GET', path: path`/products/${productId}/ohlc`, query: { resolution }, auth: false, safety: 'read', options }, toCandles);
  }

  /**
   * Funding-rate history of a perpetual product (603 P-BTCJPY, 604 P-BTCUSD). Its rows were never
   * recorded, so they are returned as parsed JSON (every number as its exact text), not entities.
   * @example
   * ```ts
   * const rows = await client.products.fundingRateHistory(604, { since: new Date('2021-01-01') });
   * ```
   */
  async fundingRateHistory(
    id: number | string,
    query: { readonly limit?: number; readonly since?: Date | number; readonly until?: Date | number } = {},
    options?: CallOptions,
  ): Promise<unknown[]> {
    const productId = toIdInput(id, 'id');
    const q = {
      limit: query.limit === undefined ? undefined : toIdInput(query.limit, 'limit'),
      timestamp_gte: query.since === undefined ? undefined : toUnixSeconds(query.since, 'since'),
      timestamp_lte: query.until === undefined ? undefined : toUnixSeconds(query.until, 'until'),
    };
    return this.value({ method: 'GET', path: path`/products/${productId}/funding_rate_history`, query: q, auth: false, safety: 'read', options }, (body) => {
      if (!Array.isArray(body)) throw new WireValueError('expected an array');
      return body;
    });
  }
}
