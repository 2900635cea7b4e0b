/**
 * Every order of the exchange, by id, by user (oldest first) and by client order id, with the
 * window of each user's last 100 client order ids (a new order reusing one is refused).
 * @module
 */
import { ErrorText, ExchangeError } from './errors.js';
import type { OrderState } from './order-state.js';

/** How many of a user's latest client order ids a new order may not reuse. */
const CLIENT_ID_WINDOW = 100;

/** The orders of the engine, filed for each way they are looked up. */
export class OrderRegistry {
  readonly #orders = new Map<number, OrderState>();
  readonly #ordersByUser = new Map<number, OrderState[]>();
  readonly #recentClientIds = new Map<number, string[]>();
  readonly #byClientId = new Map<number, Map<string, OrderState>>();

  /** The user's order (404 `Order not found` for an unknown id or another user's order). */
  order(userId: number, orderId: number): OrderState {
    const order = this.#orders.get(orderId);
    if (order?.userId !== userId) throw ExchangeError.notFound(ErrorText.orderNotFound);
    return order;
  }

  /** The user's newest order with that client order id (404 `Order not found`). */
  orderByClientId(userId: number, clientOrderId: string): OrderState {
    const order = this.#byClientId.get(userId)?.get(clientOrderId);
    if (order === undefined) throw ExchangeError.notFound(ErrorText.orderNotFound);
    return order;
  }

  /** True when `clientOrderId` is among the user's last 100 client order ids. */
  isRecentClientOrderId(userId: number, clientOrderId: string): boolean {
    return this.#recentClientIds.get(userId)?.includes(clientOrderId) ?? false;
  }

  /** The user's orders, oldest first (the live list: do not change it). */
  ordersOf(userId: number): readonly OrderState[] {
    return this.#ordersByUser.get(userId) ?? [];
  }

  /** Files an order (already given its id) under its id, its user and its client order id. */
  add(order: OrderState): void {
    this.#orders.set(order.id, order);
    let mine = this.#ordersByUser.get(order.userId);
    if (mine === undefined) {
      mine = [];
      this.#ordersByUser.set(order.userId, mine);
    }
    mine.push(order);
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
      byClientId.set(order.clientOrderId, order);
    }
  }
}
