import { Command, Option } from 'commander';
import { OrderStatus } from '../../constants.js';
import type { Order } from '../../entities/order.js';
import type { Quoine } from '../../client.js';
import { averagePriceOf, needsExecutions } from '../average-price.js';
import { withClient, withClientOptions, resolveProduct } from '../context.js';
import { renderTable, toJsonText, type Cell } from '../output.js';

const ORDER_HEAD = ['id', 'pair', 'side', 'type', 'status', 'quantity', 'filled', 'price', 'avg price', 'created'];
const AVERAGE = ORDER_HEAD.indexOf('avg price');

/**
 * The orders table. The average price is the exchange's or computed from the executions (see
 * average-price.ts); its column is left out when no order has one, never shown blank throughout.
 */
export function ordersTable(orders: readonly Order[]): string {
  const rows: Cell[][] = orders.map((o) => [
    o.id,
    o.currencyPairCode,
    o.side,
    o.orderType,
    o.status,
    o.quantity,
    o.filledQuantity,
    o.price,
    averagePriceOf(o),
    o.createdAt,
  ]);
  if (rows.some((r) => r[AVERAGE] !== undefined)) return renderTable(ORDER_HEAD, rows);
  return renderTable(
    ORDER_HEAD.filter((_, i) => i !== AVERAGE),
    rows.map((r) => r.filter((_, i) => i !== AVERAGE)),
  );
}

/** The order with its executions when the table needs them for its average price (one more request). */
export async function withFills(client: Quoine, order: Order): Promise<Order> {
  return needsExecutions(order) ? client.orders.get(order.id) : order;
}

/** `quoine orders`: your orders. */
export function ordersCommand(): Command {
  return withClientOptions(new Command('orders'))
    .description('list your orders, newest first (needs credentials)')
    .addOption(new Option('--status <status>', 'only this status').choices(Object.values(OrderStatus)))
    .option('--product <product>', 'only this product (id or pair code)')
    .option('--all', 'every page, not just the first 20')
    .action(async (options: { status?: OrderStatus; product?: string; all?: boolean }, command: Command) => {
      await withClient(command, async (client, g) => {
        const productId =
          options.product === undefined ? undefined : (await resolveProduct(client, options.product)).id;
        const filters = { ...(options.status ? { status: options.status } : {}), ...(productId ? { productId } : {}) };
        const orders: Order[] = [];
        // The table needs each order's executions when the exchange sends no average_price.
        const listed = { ...filters, withDetails: !g.json };
        if (options.all) for await (const o of client.orders.list(listed)) orders.push(o);
        else orders.push(...(await client.orders.list({ ...listed, limit: 20 })).models);
        if (g.json) {
          console.log(toJsonText(orders));
          return;
        }
        console.log(ordersTable(orders));
      });
    });
}
