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

/** One user's orders: every id, oldest first, and the orders still kept as objects. */
class UserOrders {
  readonly ids = new IdList();
  /** Orders filed as objects, oldest first; some may have been retired since (see {@link retired}). */
  objects: OrderState[] = [];
  /** How many of {@link objects} were retired: the list is compacted when they are half of it. */
  retired = 0;
  /** The last client order ids, oldest first (at most {@link CLIENT_ID_WINDOW}). */
  readonly recentClientIds: string[] = [];
  /** The newest order id of each client order id the user gave. */
  readonly byClientId = new Map<string, number>();
}

/** The orders of the engine, filed for each way they are looked up. */
export class OrderRegistry {
  /**
   * Orders kept as objects (the live ones, and those finished in the mutation in progress) by
   * row: order id − the first id. Ids are a sequence, so a dense array replaces a map's hashing.
   */
  readonly #objects: Array<OrderState | undefined> = [];
  #firstId = -1;
  readonly #finished: FinishedOrders;
  readonly #users = new Map<number, UserOrders>();

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
    const orderId = this.#users.get(userId)?.byClientId.get(clientOrderId);
    const order = orderId === undefined ? undefined : this.#find(orderId);
    if (order === undefined) throw ExchangeError.notFound(ErrorText.orderNotFound);
    return order;
  }

  /** True when `clientOrderId` is among the user's last 100 client order ids. */
  isRecentClientOrderId(userId: number, clientOrderId: string): boolean {
    return this.#users.get(userId)?.recentClientIds.includes(clientOrderId) ?? false;
  }

  /** How many orders the user has. */
  countOf(userId: number): number {
    return this.#users.get(userId)?.ids.length ?? 0;
  }

  /** What the filters read of the user's order number `index`, oldest first. */
  summaryAt(userId: number, index: number): OrderSummary {
    const orderId = (this.#users.get(userId) as UserOrders).ids.at(index);
    const order = this.#object(orderId);
    if (order === undefined) return this.#finished.summary(orderId);
    const { id, side, status, tradingType, fundingCurrency } = order;
    return { id, productId: order.product.id, side, status, tradingType, fundingCurrency };
  }

  /** The user's orders still kept as objects (every live one), oldest first. */
  objectsOf(userId: number): OrderState[] {
    const user = this.#users.get(userId);
    return user === undefined ? [] : user.objects.filter((order) => this.#object(order.id) === order);
  }

  /** Files an order (already given its id) under its id, its user and its client order id. */
  add(order: OrderState): void {
    if (this.#firstId < 0) this.#firstId = order.id;
    this.#finished.startAt(order.id);
    const row = order.id - this.#firstId;
    if (row < 0) throw new Error(`order registry: id ${order.id} before the first ${this.#firstId}`);
    // Rows are filed in id order; a gap (an id given and never filed) is filled with holes.
    while (this.#objects.length < row) this.#objects.push(undefined);
    this.#objects[row] = order;
    let user = this.#users.get(order.userId);
    if (user === undefined) {
      user = new UserOrders();
      this.#users.set(order.userId, user);
    }
    user.objects.push(order);
    user.ids.push(order.id);
    if (order.clientOrderId !== null) {
      const recent = user.recentClientIds;
      recent.push(order.clientOrderId);
      if (recent.length > CLIENT_ID_WINDOW) recent.shift();
      user.byClientId.set(order.clientOrderId, order.id);
    }
  }

  /** Moves a finished order into the columns (its object is no longer referenced here). */
  retire(order: OrderState): void {
    if (isLive(order) || this.#object(order.id) !== order) return;
    this.#finished.add(order);
    this.#objects[order.id - this.#firstId] = undefined;
    const user = this.#users.get(order.userId) as UserOrders;
    user.retired += 1;
    if (2 * user.retired > user.objects.length) {
      user.objects = user.objects.filter((kept) => this.#object(kept.id) === kept);
      user.retired = 0;
    }
  }

  /** The order kept as an object under that id, if any. */
  #object(orderId: number): OrderState | undefined {
    const row = orderId - this.#firstId;
    // Any number may come from a request: only a row of the list is read (not `-1`, `0.5`, NaN).
    return this.#firstId < 0 || !Number.isSafeInteger(row) || row < 0 ? undefined : this.#objects[row];
  }

  #find(orderId: number): OrderState | undefined {
    return this.#object(orderId) ?? (this.#finished.has(orderId) ? this.#finished.order(orderId) : undefined);
  }
}
