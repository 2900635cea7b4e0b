/**
 * The exchange's typed events, for the realtime publisher. Every payload is a snapshot taken after
 * the state change that caused it is complete (listeners may call back into the exchange).
 * @module
 */
import type {
  AccountRecord,
  ExecutionRecord,
  LoanBidRecord,
  LoanRecord,
  MyExecutionRecord,
  OrderBookRecord,
  OrderRecord,
  ProductRecord,
  TradeRecord,
  TradingAccountRecord,
} from './records.js';

/**
 * The exchange's events and their payloads (see {@link Exchange.on}).
 * @group Exchange
 */
export interface ExchangeEventMap {
  /** An order was created, filled (partly), edited, cancelled or triggered. */
  order: OrderRecord;
  /** A public execution (one per match). */
  execution: ExecutionRecord;
  /** The same execution as seen by each of its two users (two events per match). */
  myExecution: MyExecutionRecord;
  /** A trade (margin position) opened, changed or closed. */
  trade: TradeRecord;
  /** A trading account snapshot, sent for each of a user's trading accounts after a change to the user's balances, trades or leverage. */
  tradingAccount: TradingAccountRecord;
  /** A currency account's balance or reserved balance changed. */
  account: AccountRecord;
  /** A product's statistics changed (best prices, last trade, volume). */
  product: ProductRecord;
  /** A product's book changed: the full book snapshot. */
  book: OrderBookRecord;
  /** A loan bid was created, lent from, refilled or closed. */
  loanBid: LoanBidRecord;
  /** A loan was made, (partly) repaid or had `fundReloaned` changed. */
  loan: LoanRecord;
}

/**
 * The name of an exchange event.
 * @group Exchange
 */
export type ExchangeEventName = keyof ExchangeEventMap;
/**
 * A listener of the event `K`; it receives the event's payload.
 * @group Exchange
 */
export type ExchangeListener<K extends ExchangeEventName> = (payload: ExchangeEventMap[K]) => void;

/** A minimal synchronous typed emitter; a throwing listener does not break the exchange. */
export class ExchangeEvents {
  readonly #listeners = new Map<ExchangeEventName, Set<(payload: never) => void>>();
  /** How many listeners there are in all. */
  #count = 0;

  on<K extends ExchangeEventName>(event: K, listener: ExchangeListener<K>): () => void {
    let set = this.#listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    if (!set.has(listener)) {
      set.add(listener);
      this.#count += 1;
    }
    return () => this.off(event, listener);
  }

  off<K extends ExchangeEventName>(event: K, listener: ExchangeListener<K>): void {
    if (this.#listeners.get(event)?.delete(listener) === true) this.#count -= 1;
  }

  /** True when anyone listens to any event (a mutation with no listener emits nothing). */
  any(): boolean {
    return this.#count > 0;
  }

  /** True when someone listens (lets the exchange skip building snapshots nobody reads). */
  has(event: ExchangeEventName): boolean {
    return (this.#listeners.get(event)?.size ?? 0) > 0;
  }

  emit<K extends ExchangeEventName>(event: K, payload: ExchangeEventMap[K]): void {
    const set = this.#listeners.get(event);
    if (set === undefined) return;
    for (const listener of [...set]) {
      try {
        (listener as ExchangeListener<K>)(payload);
      } catch {
        // A broken publisher must not corrupt the exchange's state or the caller's response.
      }
    }
  }
}
