import { Command, InvalidArgumentError } from 'commander';
import type { OrderBook } from '../../entities/order-book.js';
import { clientFor, globals, withClientOptions, resolveProduct } from '../context.js';
import { renderTable, toJsonText, type Cell } from '../output.js';

/** Parses a positive whole number option. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

/** The top `depth` levels of both sides, bids and asks side by side. */
export function bookTable(book: Pick<OrderBook, 'buyPriceLevels' | 'sellPriceLevels'>, depth: number): string {
  const rows: Cell[][] = [];
  for (let i = 0; i < depth; i++) {
    const bid = book.buyPriceLevels[i];
    const ask = book.sellPriceLevels[i];
    if (!bid && !ask) break;
    rows.push([bid?.quantity, bid?.price, ask?.price, ask?.quantity]);
  }
  return renderTable(['bid size', 'bid', 'ask', 'ask size'], rows);
}

/** `quoine book <product>`: the top of a product's order book. */
export function bookCommand(): Command {
  return withClientOptions(new Command('book'))
    .description("show the top of a product's order book")
    .argument('<product>', 'product id or pair code, e.g. 5 or BTCJPY')
    .option('--depth <n>', 'levels per side', positiveInt, 10)
    .action(async (productRef: string, options: { depth: number }, command: Command) => {
      const g = globals(command);
      const client = clientFor(g);
      try {
        const product = await resolveProduct(client, productRef);
        const book = await client.products.orderBook(product.id, { full: options.depth > 20 });
        if (g.json) {
          return void console.log(toJsonText({ product: product.currencyPairCode, buyPriceLevels: book.buyPriceLevels.slice(0, options.depth), sellPriceLevels: book.sellPriceLevels.slice(0, options.depth) }));
        }
        console.log(`${product.currencyPairCode} (product ${product.id})`);
        console.log(bookTable(book, options.depth));
      } finally {
        client.close();
      }
    });
}
