import { Command } from 'commander';
import { withClient, withClientOptions } from '../context.js';
import { renderTable, toJsonText } from '../output.js';

/** `quoine products`: every product with its market. */
export function productsCommand(): Command {
  return withClientOptions(new Command('products'))
    .description('list products with their last price, best bid and ask, and 24 h volume')
    .option('--perpetual', 'perpetual products only')
    .action(async (options: { perpetual?: boolean }, command: Command) => {
      await withClient(command, async (client, g) => {
        const products = await client.products.list({ perpetual: options.perpetual === true });
        if (g.json) {
          console.log(toJsonText(products));
          return;
        }
        const rows = products.map((p) => [
          p.id,
          p.currencyPairCode,
          p.lastTradedPrice,
          p.marketBid,
          p.marketAsk,
          p.volume24h,
        ]);
        console.log(renderTable(['id', 'pair', 'last', 'bid', 'ask', 'volume 24h'], rows));
      });
    });
}
