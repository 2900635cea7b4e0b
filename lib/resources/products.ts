import * as input from '../core/coerce.js';
import { path } from '../core/path.js';
import { ApiResource, listOf, readWith } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { toCandles, type Candle } from '../entities/candle.js';
import { FundingRate } from '../entities/funding-rate.js';
import { OrderBook } from '../entities/order-book.js';
import { Product } from '../entities/product.js';

/**
 * Options of {@link Products.list}.
 * @group Parameters
 */
export interface ProductListOptions {
  /** `true`: perpetual products only (the default list leaves them out). */
  readonly perpetual?: boolean;
}

/**
 * Options of {@link Products.orderBook}.
 * @group Parameters
 */
export interface OrderBookOptions {
  /** `true`: the whole book; otherwise the exchange's default depth. */
  readonly full?: boolean;
}

/**
 * `client.products`: products and their order books (public).
 * @group Resources
 */
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
    input.object(query, 'query');
    return this.GET(listOf(Product), '/products', {
      query: { perpetual: input.flag(query.perpetual) },
      auth: false,
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
    return this.GET(Product, path`/products/${input.id(id, 'id')}`, { auth: false, options });
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
    input.object(query, 'query');
    return this.GET(OrderBook, path`/products/${input.id(id, 'id')}/price_levels`, {
      query: { full: input.flag(query.full) },
      auth: false,
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
  async ohlc(
    id: number | string,
    query: { readonly resolution?: number } = {},
    options?: CallOptions,
  ): Promise<Candle[]> {
    const productId = input.id(id, 'id');
    input.object(query, 'query');
    const resolution = input.wholeNumber(query.resolution ?? 60, 'resolution', 1, 'whole seconds');
    return this.GET(readWith(toCandles), path`/products/${productId}/ohlc`, {
      query: { resolution },
      auth: false,
      options,
    });
  }

  /**
   * Funding-rate history of a perpetual product (603 P-BTCJPY, 604 P-BTCUSD). The exchange's rows
   * were never recorded: each is read as a provisional {@link FundingRate}, shaped as the sandbox
   * serves it.
   * @example
   * ```ts
   * const rows = await client.products.fundingRateHistory(604, { since: new Date('2021-01-01') });
   * ```
   */
  async fundingRateHistory(
    id: number | string,
    query: { readonly limit?: number; readonly since?: Date | number; readonly until?: Date | number } = {},
    options?: CallOptions,
  ): Promise<FundingRate[]> {
    const productId = input.id(id, 'id');
    input.object(query, 'query');
    const q = {
      limit: input.optional(query.limit, (v) => input.id(v, 'limit')),
      timestamp_gte: input.optional(query.since, (v) => input.unixSeconds(v, 'since')),
      timestamp_lte: input.optional(query.until, (v) => input.unixSeconds(v, 'until')),
    };
    return this.GET(listOf(FundingRate), path`/products/${productId}/funding_rate_history`, {
      query: q,
      auth: false,
      options,
    });
  }
}
