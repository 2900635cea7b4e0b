import { toIdInput } from '../core/decimal.js';
import { path } from '../core/path.js';
import { ApiResource } from '../core/resource.js';
import type { CallOptions } from '../core/transport.js';
import { OrderBook } from '../entities/order-book.js';
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
}
