import { Command, InvalidArgumentError } from 'commander';
import type { PriceLevel } from '../../entities/price-level.js';
import type { Quoine } from '../../client.js';
import type { Product } from '../../entities/product.js';
import { withClient, withClientOptions, resolveProduct } from '../context.js';
import { renderTable, toJsonText, type Cell } from '../output.js';
import { clearScreen } from '../style.js';

/** Parses a positive whole number option. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

/** The top `depth` levels of both sides, bids and asks side by side. */
export function bookTable(
  book: { readonly buyPriceLevels: readonly PriceLevel[]; readonly sellPriceLevels: readonly PriceLevel[] },
  depth: number,
): string {
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
    .option('--watch', 'keep the book live from the realtime feed until Ctrl-C')
    .action(async (productRef: string, options: { depth: number; watch?: boolean }, command: Command) => {
      await withClient(command, async (client, g) => {
        const product = await resolveProduct(client, productRef);
        if (options.watch) {
          await watchBook(client, product, options.depth, g.json === true);
          return;
        }
        const book = await client.products.orderBook(product.id, { full: options.depth > 20 });
        if (g.json) {
          console.log(
            toJsonText({
              product: product.currencyPairCode,
              buyPriceLevels: book.buyPriceLevels.slice(0, options.depth),
              sellPriceLevels: book.sellPriceLevels.slice(0, options.depth),
            }),
          );
          return;
        }
        console.log(`${product.currencyPairCode} (product ${product.id})`);
        console.log(bookTable(book, options.depth));
      });
    });
}

/** Redraws the book on every change from the realtime feed until Ctrl-C. */
async function watchBook(client: Quoine, product: Product, depth: number, json: boolean): Promise<void> {
  const { LiveOrderBook } = await import('../../realtime/live-order-book.js');
  const book = new LiveOrderBook(client.realtime, {
    pair: product.currencyPairCode,
    productId: product.id,
    rest: client.products,
  });
  const draw = (): void => {
    const view = { buyPriceLevels: book.bids, sellPriceLevels: book.asks };
    if (json) {
      process.stdout.write(
        `${toJsonText({ product: product.currencyPairCode, stale: book.stale, crossed: book.crossed, buyPriceLevels: book.bids.slice(0, depth), sellPriceLevels: book.asks.slice(0, depth) }).replace(/\n\s*/g, ' ')}\n`,
      );
      return;
    }
    const flags = [
      book.stale ? 'STALE (waiting for both sides after a (re)connect)' : 'live',
      book.crossed ? 'CROSSED' : '',
    ]
      .filter(Boolean)
      .join(', ');
    process.stdout.write(
      `${clearScreen()}${product.currencyPairCode} (product ${product.id}): ${flags}, spread ${book.spread?.toFixed() ?? '–'}\n${bookTable(view, depth)}\nCtrl-C to stop\n`,
    );
  };
  let pending: NodeJS.Timeout | undefined;
  book.on('change', () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      draw();
    }, 100);
  });
  await book.start();
  draw();
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  if (pending) clearTimeout(pending);
  book.close();
}
