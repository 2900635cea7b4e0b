/**
 * What actually moved in the exchange's product and book events, which fire on every mutation of a
 * product (a deep book change, a cancelled order far from the touch…). Compares each event with the
 * previous one of the same product, on the exact decimals, without serializing anything:
 * - a product moved when one of its statistics did (best prices, 24 h figures, last trade);
 * - a ladder side moved when its first `depth` levels did.
 * @module
 */
import type { LevelRecord, OrderBookRecord, ProductRecord } from '../exchange/index.js';

export class MarketChanges {
  readonly #products = new Map<number, string>();
  /** The first `depth` levels of each side, per product. */
  readonly #books = new Map<number, { readonly buy: readonly LevelRecord[]; readonly sell: readonly LevelRecord[] }>();

  constructor(private readonly depth: number) {}

  /** Takes `products` and `books` as the state the subscribers have seen. */
  seed(products: readonly ProductRecord[], books: readonly OrderBookRecord[]): void {
    for (const product of products) this.#products.set(product.id, productKey(product));
    for (const book of books) this.#books.set(book.productId, this.#top(book));
  }

  clear(): void {
    this.#products.clear();
    this.#books.clear();
  }

  /** Whether the product's statistics differ from the previous event's; records this one. */
  product(product: ProductRecord): boolean {
    const key = productKey(product);
    const moved = this.#products.get(product.id) !== key;
    this.#products.set(product.id, key);
    return moved;
  }

  /** Which sides' top levels differ from the previous event's; records this one. */
  book(book: OrderBookRecord): { readonly buy: boolean; readonly sell: boolean } {
    const previous = this.#books.get(book.productId);
    const top = this.#top(book);
    this.#books.set(book.productId, top);
    return {
      buy: previous === undefined || !sameLevels(previous.buy, top.buy),
      sell: previous === undefined || !sameLevels(previous.sell, top.sell),
    };
  }

  #top(book: OrderBookRecord): { readonly buy: readonly LevelRecord[]; readonly sell: readonly LevelRecord[] } {
    return { buy: book.buyPriceLevels.slice(0, this.depth), sell: book.sellPriceLevels.slice(0, this.depth) };
  }
}

function productKey(product: ProductRecord): string {
  return [
    product.marketBid,
    product.marketAsk,
    product.lowMarketBid,
    product.highMarketAsk,
    product.volume24h,
    product.lastPrice24h,
    product.lastTradedPrice,
    product.lastTradedQuantity,
    product.disabled,
  ]
    .map((value) => (typeof value === 'boolean' || value === null ? String(value) : value.toFixed()))
    .join('|');
}

function sameLevels(a: readonly LevelRecord[], b: readonly LevelRecord[]): boolean {
  if (a.length !== b.length) return false;
  for (const [i, [priceA, quantityA]] of a.entries()) {
    const levelB = b[i];
    if (levelB === undefined || !priceA.eq(levelB[0]) || !quantityA.eq(levelB[1])) return false;
  }
  return true;
}
