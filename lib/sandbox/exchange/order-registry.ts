/**
 * Every order of the exchange, by id, by user (oldest first) and by client order id, with the
 * window of each user's last 100 client order ids (a new order reusing one is refused). Live
 * orders are kept as their {@link OrderState} objects; a finished one is moved, once the mutation
 * that finished it is over, into the {@link FinishedOrders} columns and read back from there.
 * @module
 */
import type { ProductConfig } from './config.js';
import { ErrorText, ExchangeError } from './errors.js';
import { FinishedOrders } from './finished-orders.js';
import { isLive, type OrderState, type OrderSummary } from './order-state.js';

/** How many of a user's latest client order ids a new order may not reuse. */
const CLIENT_ID_WINDOW = 100;

/** A growable list of order ids. */
class IdList {
  #ids = new Float64Array(8);
  length = 0;

  push(id: number): void {
    if (this.length === this.#ids.length) {
      const ids = new Float64Array(this.#ids.length * 2);
      ids.set(this.#ids);
      this.#ids = ids;
    }
    this.#ids[this.length] = id;
    this.length += 1;
  }

  at(index: number): number {
    return this.#ids[index] as number;
  }
}

/** The orders of the engine, filed for each way they are looked up. */
export class OrderRegistry {
  /** Orders kept as objects: the live ones, and those finished in the mutation in progress. */
  readonly #objects = new Map<number, OrderState>();
  readonly #finished: FinishedOrders;
  /** Per user, the orders kept as objects, oldest first. */
  readonly #objectsByUser = new Map<number, Map<number, OrderState>>();
  readonly #idsByUser = new Map<number, IdList>();
  readonly #recentClientIds = new Map<number, string[]>();
  readonly #byClientId = new Map<number, Map<string, number>>();

  constructor(product: (productId: number) => ProductConfig) {
    this.#finished = new FinishedOrders(product);
  }

  /** The user's order (404 `Order not found` for an unknown id or another user's order). */
  order(userId: number, orderId: number): OrderState {
    const order = this.#find(orderId);
    if (order?.userId !== userId) throw ExchangeError.notFound(ErrorText.orderNotFound);
    return order;
  }

  /** The user's newest order with that client order id (404 `Order not found`). */
  orderByClientId(userId: number, clientOrderId: string): OrderState {
    const orderId = this.#byClientId.get(userId)?.get(clientOrderId);
    const order = orderId === undefined ? undefined : this.#find(orderId);
    if (order === undefined) throw ExchangeError.notFound(ErrorText.orderNotFound);
    return order;
  }

  /** True when `clientOrderId` is among the user's last 100 client order ids. */
  isRecentClientOrderId(userId: number, clientOrderId: string): boolean {
    return this.#recentClientIds.get(userId)?.includes(clientOrderId) ?? false;
  }

  /** How many orders the user has. */
  countOf(userId: number): number {
    return this.#idsByUser.get(userId)?.length ?? 0;
  }

  /** What the filters read of the user's order number `index`, oldest first. */
  summaryAt(userId: number, index: number): OrderSummary {
    const orderId = (this.#idsByUser.get(userId) as IdList).at(index);
    const order = this.#objects.get(orderId);
    if (order === undefined) return this.#finished.summary(orderId);
    const { id, side, status, tradingType, fundingCurrency } = order;
    return { id, productId: order.product.id, side, status, tradingType, fundingCurrency };
  }

  /** The user's orders still kept as objects (every live one), oldest first. */
  objectsOf(userId: number): OrderState[] {
    return [...(this.#objectsByUser.get(userId)?.values() ?? [])];
  }

  /** Files an order (already given its id) under its id, its user and its client order id. */
  add(order: OrderState): void {
    this.#finished.startAt(order.id);
    this.#objects.set(order.id, order);
    let objects = this.#objectsByUser.get(order.userId);
    if (objects === undefined) {
      objects = new Map();
      this.#objectsByUser.set(order.userId, objects);
    }
    objects.set(order.id, order);
    let ids = this.#idsByUser.get(order.userId);
    if (ids === undefined) {
      ids = new IdList();
      this.#idsByUser.set(order.userId, ids);
    }
    ids.push(order.id);
    if (order.clientOrderId !== null) {
      let recent = this.#recentClientIds.get(order.userId);
      if (recent === undefined) {
        recent = [];
        this.#recentClientIds.set(order.userId, recent);
      }
      recent.push(order.clientOrderId);
      if (recent.length > CLIENT_ID_WINDOW) recent.shift();
      let byClientId = this.#byClientId.get(order.userId);
      if (byClientId === undefined) {
        byClientId = new Map();
        this.#byClientId.set(order.userId, byClientId);
      }
      byClientId.set(order.clientOrderId, order.id);
    }
  }

  /** Moves a finished order into the columns (its object is no longer referenced here). */
  retire(order: OrderState): void {
    if (isLive(order) || this.#objects.get(order.id) !== order) return;
    this.#finished.add(order);
    this.#objects.delete(order.id);
    this.#objectsByUser.get(order.userId)?.delete(order.id);
  }

  #find(orderId: number): OrderState | undefined {
    return this.#objects.get(orderId) ?? (this.#finished.has(orderId) ? this.#finished.order(orderId) : undefined);
  }
}
