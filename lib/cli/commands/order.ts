import { Argument, Command, Option } from 'commander';
import { OrderType, Side } from '../../constants.js';
import { withClient, withClientOptions, resolveProduct } from '../context.js';
import { toJsonText } from '../output.js';
import { ordersTable, withFills } from './orders.js';

/** `quoine order buy|sell <product> <quantity> [price]`: places an order. */
export function orderCommand(): Command {
  return withClientOptions(new Command('order'))
    .description('place an order (needs credentials); a price makes it a limit order unless --type says otherwise')
    .addArgument(new Argument('<side>', 'buy or sell').choices(Object.values(Side)))
    .argument('<product>', 'product id or pair code')
    .argument('<quantity>', 'quantity in base currency, e.g. 0.01')
    .argument('[price]', 'limit price')
    .addOption(new Option('--type <type>', 'order type').choices(Object.values(OrderType)))
    .option('--price-range <range>', 'slippage allowed for a market_with_range order')
    .option('--client-id <id>', 'your id for the order (makes retries safe)')
    .action(
      async (
        side: Side,
        productRef: string,
        quantity: string,
        price: string | undefined,
        options: { type?: OrderType; priceRange?: string; clientId?: string },
        command: Command,
      ) => {
        await withClient(command, async (client, g) => {
          const product = await resolveProduct(client, productRef);
          const orderType =
            options.type ??
            (price !== undefined
              ? OrderType.Limit
              : options.priceRange !== undefined
                ? OrderType.MarketWithRange
                : OrderType.Market);
          const order = await client.orders.create({
            orderType,
            productId: product.id,
            side,
            quantity,
            ...(price === undefined ? {} : { price }),
            ...(options.priceRange === undefined ? {} : { priceRange: options.priceRange }),
            ...(options.clientId === undefined ? {} : { clientOrderId: options.clientId }),
          });
          if (g.json) {
            console.log(toJsonText(order));
            return;
          }
          console.log(ordersTable([await withFills(client, order)]));
        });
      },
    );
}

/** `quoine cancel <id>`: cancels an order. */
export function cancelCommand(): Command {
  return withClientOptions(new Command('cancel'))
    .description('cancel an order by id, or by client id with --client-id (needs credentials)')
    .argument('<id>', 'order id (or client order id with --client-id)')
    .option('--client-id', 'the argument is a client order id')
    .action(async (id: string, options: { clientId?: boolean }, command: Command) => {
      await withClient(command, async (client, g) => {
        const order = options.clientId ? await client.orders.cancelByClientId(id) : await client.orders.cancel(id);
        if (g.json) {
          console.log(toJsonText(order));
          return;
        }
        console.log(ordersTable([await withFills(client, order)]));
      });
    });
}
