import { LeverageLevel, MarginOrderDirection, OrderStatus, OrderType, Side, TradingType } from '../constants.js';
import * as input from '../core/coerce.js';
import type { DecimalInput } from '../core/decimal.js';
import { QuoineAPIError, QuoineConnectionError, QuoineRequestError } from '../core/errors.js';
import { hydrateMany, WireValueError, type EntityClass } from '../core/fields.js';
import type { PagedCall } from '../core/pagination.js';
import { path } from '../core/path.js';
import { ApiResource, defined, listOf, readWith, type BodyReader, type PageOptions } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { CancelledOrder } from '../entities/cancelled-order.js';
import { MyExecution } from '../entities/my-execution.js';
import { Order } from '../entities/order.js';
import { Trade } from '../entities/trade.js';

/**
 * Parameters of {@link Orders.create}. Money as `Decimal`, decimal string or exact number.
 * @group Parameters
 */
export interface OrderCreateParams {
  /** Order type. */
  readonly orderType: OrderType;
  /** Product id. */
  readonly productId: number | string;
  /** `buy` or `sell`. */
  readonly side: Side;
  /** Quantity in base currency (> 0). */
  readonly quantity: DecimalInput;
  /** Limit price: required for `limit`, `limit_post_only` and `stop`; for `market_with_range`, this or `priceRange`; refused for `market`. */
  readonly price?: DecimalInput;
  /** Slippage allowed from the market price (`market_with_range` only). */
  readonly priceRange?: DecimalInput;
  /** `price` or `percentage` (`trailing_stop` only, required there). */
  readonly trailingStopType?: 'price' | 'percentage';
  /** Trailing distance (`trailing_stop` only, required there). */
  readonly trailingStopValue?: DecimalInput;
  /**
   * Your id for the order (≤ 36 letters, digits or `-`), unique among your last 100. With it the
   * SDK can safely retry the placement after a lost response, and find the order afterwards.
   */
  readonly clientOrderId?: string;
}

/**
 * Parameters of {@link Orders.createMargin}: an order with leverage.
 * @group Parameters
 */
export interface MarginOrderCreateParams extends OrderCreateParams {
  /** Leverage (2, 4, 5, 10, 25, or a level from `users.leverageLimitation()`). */
  readonly leverageLevel: number;
  /** Currency funding the position. */
  readonly fundingCurrency?: string;
  /** How it combines with open positions. */
  readonly orderDirection?: MarginOrderDirection;
  /** `cross` or `isolated`. */
  readonly marginType?: 'cross' | 'isolated';
  /** `margin` (default), `cfd` or `perpetual`. */
  readonly tradingType?: TradingType;
  /** Take-profit price. */
  readonly takeProfit?: DecimalInput;
  /** Stop-loss price. */
  readonly stopLoss?: DecimalInput;
}

/**
 * Extra options of the shortcut methods (`limitBuy` …).
 * @group Parameters
 */
export interface OrderShortcutOptions {
  /** Your id for the order; see {@link OrderCreateParams.clientOrderId}. */
  readonly clientOrderId?: string;
}

/**
 * Options of {@link Orders.marketBuy} and {@link Orders.marketSell}.
 * @group Parameters
 */
export interface MarketOrderOptions extends OrderShortcutOptions {
  /** Slippage allowed from the market price: makes it a `market_with_range` order. */
  readonly priceRange?: DecimalInput;
}

/**
 * Filters of {@link Orders.list}.
 * @group Parameters
 */
export interface OrderListOptions extends PageOptions {
  /** Funding currency. */
  readonly fundingCurrency?: string;
  /** Product id. */
  readonly productId?: number | string;
  /** Status. */
  readonly status?: OrderStatus;
  /** Trading type. */
  readonly tradingType?: TradingType;
  /** Include each order's executions. */
  readonly withDetails?: boolean;
}

/**
 * Changes of {@link Orders.update}: one or both.
 * @group Parameters
 */
export interface OrderUpdateParams {
  /** New quantity. */
  readonly quantity?: DecimalInput;
  /** New price. */
  readonly price?: DecimalInput;
}

/**
 * Filters of {@link Orders.cancelAll}.
 * @group Parameters
 */
export interface CancelAllOptions {
  /** Only this product. */
  readonly productId?: number | string;
  /** Only this side. */
  readonly side?: Side;
  /** Only this trading type (`spot`, `margin` …). */
  readonly tradingType?: TradingType;
}

const ORDER_TYPES = Object.values(OrderType);
const SIDES = Object.values(Side);
const STATUSES = Object.values(OrderStatus);
const TRADING_TYPES = Object.values(TradingType);
const DIRECTIONS = Object.values(MarginOrderDirection);
/** The 2017 levels plus those later accounts were offered (quoine-api.md §6). */
const LEVERAGE_LEVELS: readonly number[] = [...Object.values(LeverageLevel), 50, 100];
const NEEDS_PRICE: readonly string[] = [OrderType.Limit, OrderType.LimitPostOnly, OrderType.Stop];

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
    const body = orderBody(params, 'orders.createMargin');
    const margin = defined({
      leverage_level: input.oneOf(params.leverageLevel, LEVERAGE_LEVELS, 'leverageLevel'),
      funding_currency: input.optional(params.fundingCurrency, (v) => input.currency(v, 'fundingCurrency')),
      order_direction: input.optional(params.orderDirection, (v) => input.oneOf(v, DIRECTIONS, 'orderDirection')),
      margin_type: input.optional(params.marginType, (v) => input.oneOf(v, ['cross', 'isolated'], 'marginType')),
      trading_type: input.oneOf(
        params.tradingType ?? TradingType.Margin,
        TRADING_TYPES.filter((t) => t !== 'spot'),
        'tradingType',
      ),
      take_profit: input.optional(params.takeProfit, (v) => input.decimalText(v, 'takeProfit', 'positive')),
      stop_loss: input.optional(params.stopLoss, (v) => input.decimalText(v, 'stopLoss', 'positive')),
    });
    return this.#place({ ...body, ...margin }, params.clientOrderId, options);
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
    return this.pages(Order, () => ({
      path: '/orders',
      query: {
        funding_currency: input.optional(filters.fundingCurrency, (v) => input.currency(v, 'fundingCurrency')),
        product_id: input.optional(filters.productId, (v) => input.id(v, 'productId')),
        status: input.optional(filters.status, (v) => input.oneOf(v, STATUSES, 'status')),
        trading_type: input.optional(filters.tradingType, (v) => input.oneOf(v, TRADING_TYPES, 'tradingType')),
        with_details: input.flag(filters.withDetails),
      },
      paging: filters,
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
    const body = defined({
      product_id: input.optional(filters.productId, (v) => input.id(v, 'productId')),
      side: input.optional(filters.side, (v) => input.oneOf(v, SIDES, 'side')),
      trading_type: input.optional(filters.tradingType, (v) => input.oneOf(v, TRADING_TYPES, 'tradingType')),
    });
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
    return this.pages(MyExecution, () => ({ path: path`/orders/${input.id(id, 'id')}/executions`, paging, options }));
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
    const order = defined({
      quantity: input.optional(changes.quantity, (v) => input.decimalText(v, 'quantity', 'positive')),
      price: input.optional(changes.price, (v) => input.decimalText(v, 'price', 'positive')),
    });
    if (Object.keys(order).length === 0)
      throw new QuoineRequestError('orders.update needs quantity, price or both', 'quantity');
    return this.PUT(Order, p, { body: { order }, options });
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

function marketParams(
  productId: number | string,
  side: Side,
  quantity: DecimalInput,
  extra: MarketOrderOptions,
): OrderCreateParams {
  const { priceRange, ...rest } = extra;
  return priceRange === undefined
    ? { orderType: OrderType.Market, productId, side, quantity, ...rest }
    : { orderType: OrderType.MarketWithRange, productId, side, quantity, priceRange, ...rest };
}

/** The wire body of an order, checked field by field. */
function orderBody(params: OrderCreateParams, method: string): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime check of input from plain-JS callers
  if (typeof params !== 'object' || params === null)
    throw new QuoineRequestError(`${method} needs an object of order parameters`, 'params');
  const type = input.oneOf(params.orderType, ORDER_TYPES, 'orderType');
  const refuse = (field: keyof OrderCreateParams, why: string): never => {
    throw new QuoineRequestError(`${field} ${why} (${type} order)`, field);
  };
  if (NEEDS_PRICE.includes(type) && params.price === undefined) refuse('price', 'is required');
  if (type === OrderType.Market && params.price !== undefined)
    refuse('price', 'is not used; use a limit order, or priceRange with market_with_range');
  if (type === OrderType.MarketWithRange && params.price === undefined && params.priceRange === undefined)
    refuse('priceRange', 'or price is required');
  if (type !== OrderType.MarketWithRange && params.priceRange !== undefined)
    refuse('priceRange', 'is only for market_with_range orders');
  const trailing = type === OrderType.TrailingStop;
  if (trailing && (params.trailingStopType === undefined || params.trailingStopValue === undefined))
    refuse('trailingStopValue', 'and trailingStopType are required');
  if (!trailing && (params.trailingStopType !== undefined || params.trailingStopValue !== undefined))
    refuse('trailingStopValue', 'is only for trailing_stop orders');
  return defined({
    order_type: type,
    product_id: input.id(params.productId, 'productId'),
    side: input.oneOf(params.side, SIDES, 'side'),
    quantity: input.decimalText(params.quantity, 'quantity', 'positive'),
    price: input.optional(params.price, (v) => input.decimalText(v, 'price', 'positive')),
    price_range: input.optional(params.priceRange, (v) => input.decimalText(v, 'priceRange', 'positive')),
    trailing_stop_type: input.optional(params.trailingStopType, (v) =>
      input.oneOf(v, ['price', 'percentage'], 'trailingStopType'),
    ),
    trailing_stop_value: input.optional(params.trailingStopValue, (v) =>
      input.decimalText(v, 'trailingStopValue', 'positive'),
    ),
    client_order_id: input.optional(params.clientOrderId, (v) => input.clientOrderId(v)),
  });
}

/** `{"models": [...]}` (no page counters, as `cancel_all` answers) → entities. */
function modelsOf<T>(cls: EntityClass<T>): BodyReader<T[]> {
  return readWith((body) => {
    if (typeof body !== 'object' || body === null || !('models' in body))
      throw new WireValueError('expected {"models": [...]}');
    return hydrateMany(cls, body.models);
  });
}
