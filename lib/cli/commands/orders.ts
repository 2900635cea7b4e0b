import { Command, Option } from 'commander';
import { OrderStatus } from '../../constants.js';
import type { Order } from '../../entities/order.js';
import { withClient, withClientOptions, resolveProduct } from '../context.js';
import { renderTable, toJsonText, type Cell } from '../output.js';

/** A row of the orders table. */
export function orderRow(o: Order): Cell[] {
  return [o.id, o.currencyPairCode, o.side, o.orderType, o.status, o.quantity, o.filledQuantity, o.price, o.averagePrice, o.createdAt];
}

/** Column names of {@link orderRow}. */
export const ORDER_HEAD = ['id', 'pair', 'side', 'type', 'status', 'quantity', 'filled', 'price', 'avg price', 'created'];

/** `quoine orders`: your orders. */
export function ordersCommand(): Command {
  return withClientOptions(new Command('orders'))
    .description('list your orders, newest first (needs credentials)')
    .addOption(new Option('--status <status>', 'only this status').choices(Object.values(OrderStatus)))
    .option('--product <product>', 'only this product (id or pair code)')
    .option('--all', 'every page, not just the first 20')
    .action(async (options: { status?: OrderStatus; product?: string; all?: boolean }, command: Command) => {
      await withClient(command, async (client, g) => {
        const productId = options.product === undefined ? undefined : (await resolveProduct(client, options.product)).id;
        const filters = { ...(options.status ? { status: options.status } : {}), ...(productId ? { productId } : {}) };
        const orders: Order[] = [];
        if (options.all) for await (const o of client.orders.list(filters)) orders.push(o);
        else orders.push(...(await client.orders.list({ ...filters, limit: 20 })).models);
        if (g.json) return void console.log(toJsonText(orders));
        console.log(renderTable(ORDER_HEAD, orders.map(orderRow)));
      });
    });
}
