/**
 * Market data: product records with live statistics and the aggregated order book.
 * @module
 */
import type { OrderBookRecord, ProductRecord } from '../records.js';
import type { ExchangeParts } from './parts.js';

/** One product's record (404 `Product not found`). */
export function productRecord(parts: ExchangeParts, productId: number): ProductRecord {
  const product = parts.product(productId);
  return parts.market.productRecord(product, parts.engine.book(product.id));
}

/** Every product, catalogue order. */
export function productRecords(parts: ExchangeParts): ProductRecord[] {
  return [...parts.config.products.values()].map((product) =>
    parts.market.productRecord(product, parts.engine.book(product.id)),
  );
}

/** The order book aggregated by price; `depth` levels per side (default the bookDepth option), or all with `full`. */
export function orderBook(
  parts: ExchangeParts,
  productId: number,
  options: { readonly full?: boolean | undefined; readonly depth?: number | undefined },
): OrderBookRecord {
  const product = parts.product(productId);
  const depth = options.full === true ? undefined : (options.depth ?? parts.config.bookDepth);
  const book = parts.engine.book(product.id);
  return {
    productId,
    buyPriceLevels: book.snapshot('buy', depth),
    sellPriceLevels: book.snapshot('sell', depth),
    timestamp: parts.context.nowSeconds(),
  };
}
