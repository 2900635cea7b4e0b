/**
 * `client.orders`: placing, reading, editing and cancelling orders. What each method takes is in
 * `order-params.ts`, how that input is checked and written for the wire in `order-requests.ts`;
 * this file holds the calls and what a retried placement or cancel means for its outcome.
 * @module
 */
import { OrderStatus, OrderType, Side } from '../constants.js';
import * as input from '../core/coerce.js';
import type { DecimalInput } from '../core/decimal.js';
import { QuoineAPIError, QuoineConnectionError } from '../core/errors.js';
import { hydrateMany, WireValueError, type EntityClass } from '../core/fields.js';
import type { PagedCall } from '../core/pagination.js';
import { path } from '../core/path.js';
import { ApiResource, listOf, readWith, type BodyReader, type PageOptions } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { CancelledOrder } from '../entities/cancelled-order.js';
import { MyExecution } from '../entities/my-execution.js';
import { Order } from '../entities/order.js';
import { Trade } from '../entities/trade.js';
import type {
  CancelAllOptions,
  MarginOrderCreateParams,
  MarketOrderOptions,
  OrderCreateParams,
  OrderListOptions,
  OrderShortcutOptions,
  OrderUpdateParams,
} from './order-params.js';
import { cancelAllBody, editBody, listQuery, marginOrderBody, marketParams, orderBody } from './order-requests.js';

/**
 * `client.orders`: your orders.
 * @group Resources
 */
export class Orders extends ApiResource {
  /**
   * Places an order. Every input is checked before sending; money goes on the wire exactly.
   * Without `clientOrderId` a placement is retried only when the request provably never left;
   * with it, also after a lost response, and the order is then looked up by its client id.
   * @example
   * ```ts
   * const order = await client.orders.create({ orderType: 'limit', productId: 5, side: 'buy', quantity: '0.01', price: '500000' });
   * ```
   */
  async create(params: OrderCreateParams, options?: CallOptions): Promise<Order> {
    return this.#place(orderBody(params, 'orders.create'), params.clientOrderId, options);
  }

  /**
   * Places a margin order (a position with leverage).
   * @example
   * ```ts
   * await client.orders.createMargin({ orderType: 'limit', productId: 1, side: 'buy', quantity: '0.01', price: '9000', leverageLevel: 10, fundingCurrency: 'USD' });
   * ```
   */
  async createMargin(params: MarginOrderCreateParams, options?: CallOptions): Promise<Order> {
    return this.#place(marginOrderBody(params), params.clientOrderId, options);
  }

  /**
   * A limit buy.
   * @example
   * ```ts
   * const order = await client.orders.limitBuy(5, '0.01', '500000');
   * ```
   */
  async limitBuy(
    productId: number | string,
    quantity: DecimalInput,
    price: DecimalInput,
    extra: OrderShortcutOptions = {},
    options?: CallOptions,
  ): Promise<Order> {
    input.object(extra, 'extra');
    return this.create({ orderType: OrderType.Limit, productId, side: Side.Buy, quantity, price, ...extra }, options);
  }

  /**
   * A limit sell.
   * @example
   * ```ts
   * await client.orders.limitSell(5, '0.01', '990000');
   * ```
   */
  async limitSell(
    productId: number | string,
    quantity: DecimalInput,
    price: DecimalInput,
    extra: OrderShortcutOptions = {},
    options?: CallOptions,
  ): Promise<Order> {
    input.object(extra, 'extra');
    return this.create({ orderType: OrderType.Limit, productId, side: Side.Sell, quantity, price, ...extra }, options);
  }

  /**
   * A market buy; with `priceRange`, a `market_with_range` buy that fills no further than that from the market.
   * @example
   * ```ts
   * await client.orders.marketBuy(5, '0.01');
   * await client.orders.marketBuy(5, '0.01', { priceRange: '1000' });
   * ```
   */
  async marketBuy(
    productId: number | string,
    quantity: DecimalInput,
    extra: MarketOrderOptions = {},
    options?: CallOptions,
  ): Promise<Order> {
    return this.create(marketParams(productId, Side.Buy, quantity, extra), options);
  }

  /**
   * A market sell; with `priceRange`, a `market_with_range` sell.
   * @example
   * ```ts
   * await client.orders.marketSell(5, '0.01');
   * ```
   */
  async marketSell(
    productId: number | string,
    quantity: DecimalInput,
    extra: MarketOrderOptions = {},
    options?: CallOptions,
  ): Promise<Order> {
    return this.create(marketParams(productId, Side.Sell, quantity, extra), options);
  }

  /**
   * One order, with its executions.
   * @example
   * ```ts
   * const order = await client.orders.get(2914273073);
   * ```
   */
  async get(id: number | string, options?: CallOptions): Promise<Order> {
    return this.GET(Order, path`/orders/${input.id(id, 'id')}`, { options });
  }

  /**
   * One order by your client order id.
   * @example
   * ```ts
   * const order = await client.orders.getByClientId('bot-0001');
   * ```
   */
  async getByClientId(clientId: string, options?: CallOptions): Promise<Order> {
    return this.GET(Order, path`/orders/client:${input.clientOrderId(clientId, 'clientId')}`, { options });
  }

  /**
   * Your orders, newest first: await for the first page, `for await` for all of them.
   * @example
   * ```ts
   * for await (const o of client.orders.list({ status: 'filled', productId: 5 })) console.log(o.id);
   * ```
   */
  list(filters: OrderListOptions = {}, options?: CallOptions): PagedCall<Order> {
    return this.pages(Order, filters, () => ({
      path: '/orders',
      query: listQuery(filters),
      options,
    }));
  }

  /**
   * Edits a live order's quantity and/or price.
   * @example
   * ```ts
   * await client.orders.update(order.id, { price: '510000' });
   * ```
   */
  async update(id: number | string, changes: OrderUpdateParams, options?: CallOptions): Promise<Order> {
    return this.#edit(path`/orders/${input.id(id, 'id')}`, changes, options);
  }

  /**
   * Edits a live order found by your client order id.
   * @example
   * ```ts
   * await client.orders.updateByClientId('bot-0001', { quantity: '0.02' });
   * ```
   */
  async updateByClientId(clientId: string, changes: OrderUpdateParams, options?: CallOptions): Promise<Order> {
    return this.#edit(path`/orders/client:${input.clientOrderId(clientId, 'clientId')}`, changes, options);
  }

  /**
   * Cancels an order. A cancel cannot act twice, so it is retried like a read; if a retry finds
   * the order already gone, the order is fetched and returned when it is cancelled.
   * @example
   * ```ts
   * const cancelled = await client.orders.cancel(order.id);
   * ```
   */
  async cancel(id: number | string, options?: CallOptions): Promise<Order> {
    const orderId = input.id(id, 'id');
    return this.#cancel(path`/orders/${orderId}/cancel`, () => this.get(orderId, options), options);
  }

  /**
   * Cancels an order found by your client order id.
   * @example
   * ```ts
   * await client.orders.cancelByClientId('bot-0001');
   * ```
   */
  async cancelByClientId(clientId: string, options?: CallOptions): Promise<Order> {
    const checked = input.clientOrderId(clientId, 'clientId');
    return this.#cancel(path`/orders/client:${checked}/cancel`, () => this.getByClientId(checked, options), options);
  }

  /**
   * Cancels every live order matching the filters (not TP/SL conditional orders).
   * @example
   * ```ts
   * const cancelled = await client.orders.cancelAll({ productId: 5, side: 'buy' });
   * ```
   */
  async cancelAll(filters: CancelAllOptions = {}, options?: CallOptions): Promise<CancelledOrder[]> {
    const body = cancelAllBody(filters);
    // A second copy finds nothing left to cancel.
    return this.PUT(modelsOf(CancelledOrder), '/orders/cancel_all', { body, safety: 'idempotent', options });
  }

  /**
   * An order's executions (fills), page by page.
   * @example
   * ```ts
   * for await (const fill of client.orders.executions(order.id)) console.log(fill.price.toFixed());
   * ```
   */
  executions(id: number | string, paging: PageOptions = {}, options?: CallOptions): PagedCall<MyExecution> {
    return this.pages(MyExecution, paging, () => ({
      path: path`/orders/${input.id(id, 'id')}/executions`,
      options,
    }));
  }

  /**
   * The trades (margin positions) an order opened or closed.
   * @example
   * ```ts
   * const trades = await client.orders.trades(order.id);
   * ```
   */
  async trades(id: number | string, options?: CallOptions): Promise<Trade[]> {
    return this.GET(listOf(Trade), path`/orders/${input.id(id, 'id')}/trades`, { options });
  }

  async #edit(p: string, changes: OrderUpdateParams, options: CallOptions | undefined): Promise<Order> {
    return this.PUT(Order, p, { body: { order: editBody(changes) }, options });
  }

  async #place(
    order: Record<string, unknown>,
    clientId: string | undefined,
    options: CallOptions | undefined,
  ): Promise<Order> {
    // With a client order id the exchange refuses a second copy; without one, a copy is a second order.
    const safety = clientId ? 'deduplicated' : 'non-idempotent';
    // With one, the exchange also needs no nonce: the placement skips the signing lane.
    const nonceExempt = clientId !== undefined;
    try {
      return await this.POST(Order, '/orders', { body: { order }, safety, nonceExempt, options });
    } catch (error) {
      // A retried placement may have succeeded the first time: the order then exists under its client id.
      const ambiguous =
        (error instanceof QuoineAPIError && error.attempts > 1 && error.status < 500) ||
        (error instanceof QuoineConnectionError && error.mayHaveBeenProcessed);
      if (clientId === undefined || !ambiguous) throw error;
      return this.getByClientId(clientId, options).catch((lookup: unknown) =>
        Promise.reject(placementUnknown(error, lookup, clientId)),
      );
    }
  }

  async #cancel(p: string, fetchOrder: () => Promise<Order>, options: CallOptions | undefined): Promise<Order> {
    try {
      // A second copy finds the order cancelled (a 404 handled below): it cannot act twice.
      return await this.PUT(Order, p, { safety: 'idempotent', options });
    } catch (error) {
      if (!(error instanceof QuoineAPIError && error.status === 404 && error.attempts > 1)) throw error;
      const order = await fetchOrder().catch(() => Promise.reject(error));
      if (order.status !== OrderStatus.Cancelled) throw error;
      return order;
    }
  }
}

/**
 * The error of a placement that was retried and then could not be looked up by its client id.
 * A lookup that finds no such order confirms the placement's own error; any other failure leaves
 * the outcome unknown (the first attempt may have placed it, as a `has_already_been_taken`
 * answer to the retry suggests), so the caller gets a connection error that says so.
 */
function placementUnknown(
  placement: QuoineAPIError | QuoineConnectionError,
  lookup: unknown,
  clientId: string,
): QuoineAPIError | QuoineConnectionError {
  if (lookup instanceof QuoineAPIError && lookup.status === 404) return placement;
  const attempts = placement.attempts;
  const answered = placement.message;
  const failed = lookup instanceof Error ? lookup.message : 'an error';
  return new QuoineConnectionError(
    { method: 'POST', path: '/orders' },
    {
      code: undefined,
      event: undefined,
      message: `order ${clientId}: the last attempt answered "${answered}" and looking it up by client id failed ("${failed}")`,
    },
    true,
    attempts,
  );
}

/** `{"models": [...]}` (no page counters, as `cancel_all` answers) → entities. */
function modelsOf<T>(cls: EntityClass<T>): BodyReader<T[]> {
  return readWith((body) => {
    if (typeof body !== 'object' || body === null || !('models' in body))
      throw new WireValueError('expected {"models": [...]}');
    return hydrateMany(cls, body.models);
  });
}
