/**
 * Every fill of every order (one per side of an execution) without a record object per fill, in
 * columns: the order's id and side, the execution's row in its product's tape, the order's
 * previous fill, and its client order id (in a map, for the orders that have one); per user and
 * product the list of fill numbers (so the user and product of a fill are known from where it is
 * read). A user's execution records (`GET /executions/me`, an order's `executions`) are built from
 * the tape row for the rows asked for: ~17 bytes a fill with its place in its user's list.
 * @module
 */
import type { ExecutionTape } from './execution-tape.js';
import type { OrderState } from './order-state.js';
import { listOf } from './record-list.js';
import type { MyExecutionRecord, RecordList } from './records.js';
import { myExecutionRecord } from './records/market.js';
import { uint32Id } from './string-table.js';

const FIRST_CAPACITY = 64;
/** No fill (the link of an order's first fill, an order without fills). */
export const NO_FILL = -1;

/** A growable list of numbers in a typed array. */
class NumberList<A extends Int32Array | Uint32Array | Uint8Array> {
  #values: A;
  readonly #make: (capacity: number) => A;
  length = 0;

  constructor(make: (capacity: number) => A, capacity: number) {
    this.#make = make;
    this.#values = make(capacity);
  }

  push(value: number): void {
    if (this.length === this.#values.length) {
      const values = this.#make(this.#values.length * 2);
      values.set(this.#values);
      this.#values = values;
    }
    this.#values[this.length] = value;
    this.length += 1;
  }

  at(index: number): number {
    return this.#values[index] as number;
  }
}

const int32s = (capacity: number): Int32Array => new Int32Array(capacity);
const uint32s = (capacity: number): Uint32Array => new Uint32Array(capacity);
const bytes = (capacity: number): Uint8Array => new Uint8Array(capacity);
type IntList = NumberList<Int32Array>;

export class Fills {
  readonly #orderIds = new NumberList(uint32s, FIRST_CAPACITY);
  /** 1: the order bought. */
  readonly #buys = new NumberList(bytes, FIRST_CAPACITY);
  /** The client order id of the fills whose order has one. */
  readonly #clientOrderIds = new Map<number, string>();
  /** The tape row of each fill's execution (the tape of its order's product). */
  readonly #tapeRows = new NumberList(int32s, FIRST_CAPACITY);
  /** Each fill's order's previous fill, or {@link NO_FILL}. */
  readonly #previous = new NumberList(int32s, FIRST_CAPACITY);
  /** Per user, per product: the user's fills, oldest first. */
  readonly #mine = new Map<number, Map<number, IntList>>();
  readonly #tape: (productId: number) => ExecutionTape;

  /** `tape` answers the product's tape (it exists once a fill refers to it). */
  constructor(tape: (productId: number) => ExecutionTape) {
    this.#tape = tape;
  }

  /** Records the order's fill at `tapeRow` of its product's tape; links it as the order's last. */
  add(order: OrderState, tapeRow: number): void {
    const fill = this.#tapeRows.length;
    this.#orderIds.push(uint32Id(order.id));
    this.#buys.push(order.side === 'buy' ? 1 : 0);
    if (order.clientOrderId !== null) this.#clientOrderIds.set(fill, order.clientOrderId);
    this.#tapeRows.push(tapeRow);
    this.#previous.push(order.lastFill);
    order.lastFill = fill;
    order.fillCount += 1;
    let byProduct = this.#mine.get(order.userId);
    if (byProduct === undefined) {
      byProduct = new Map();
      this.#mine.set(order.userId, byProduct);
    }
    let list = byProduct.get(order.product.id);
    if (list === undefined) {
      list = new NumberList(int32s, 8);
      byProduct.set(order.product.id, list);
    }
    list.push(fill);
  }

  /** A fresh record of the fill of the user's order on the product (every caller knows both). */
  #record(fill: number, userId: number, productId: number): MyExecutionRecord {
    const execution = this.#tape(productId).at(this.#tapeRows.at(fill));
    const side = this.#buys.at(fill) === 1 ? 'buy' : 'sell';
    return myExecutionRecord(execution, side, this.#orderIds.at(fill), this.#clientOrderIds.get(fill) ?? null, userId);
  }

  /** The order's fills, newest first. */
  ofOrder(order: OrderState): RecordList<MyExecutionRecord> {
    // Walking the links newest first: the list's item `index` is `index` links from the last fill.
    let cursorIndex = 0;
    let cursorFill = order.lastFill;
    return listOf(order.fillCount, (index) => {
      if (index < cursorIndex) {
        cursorIndex = 0;
        cursorFill = order.lastFill;
      }
      for (; cursorIndex < index; cursorIndex += 1) cursorFill = this.#previous.at(cursorFill);
      return this.#record(cursorFill, order.userId, order.product.id);
    });
  }

  /** The order's fills as records, oldest first. */
  recordsOf(order: OrderState): MyExecutionRecord[] {
    const records: MyExecutionRecord[] = new Array<MyExecutionRecord>(order.fillCount);
    let fill = order.lastFill;
    for (let index = order.fillCount - 1; index >= 0; index -= 1) {
      records[index] = this.#record(fill, order.userId, order.product.id);
      fill = this.#previous.at(fill);
    }
    return records;
  }

  /** The user's fills on the product, newest first. */
  mine(userId: number, productId: number): RecordList<MyExecutionRecord> {
    const list = this.#mine.get(userId)?.get(productId);
    if (list === undefined) return listOf(0, () => undefined as never);
    const last = list.length - 1;
    return listOf(list.length, (index) => this.#record(list.at(last - index), userId, productId));
  }

  /** Every fill of the user on every product, oldest first per product, as fresh records. */
  *allMine(userId: number): Iterable<MyExecutionRecord> {
    for (const [productId, list] of this.#mine.get(userId) ?? [])
      for (let index = 0; index < list.length; index += 1) yield this.#record(list.at(index), userId, productId);
  }
}
