/**
 * What every part of the exchange shares: the configuration, the clock, id sequences, and the
 * events of the mutation in progress (emitted together once the mutation is complete).
 * @module
 */
import type { Config } from './config.js';
import { ExchangeEvents, type ExchangeEventMap, type ExchangeEventName } from './events.js';

/** Id sequences; distinct starting points make a mixed-up id fail loudly in specs. */
const ID_STARTS = {
  user: 3001,
  account: 4001,
  bankAccount: 101,
  order: 100_001,
  execution: 500_001,
  trade: 20_001,
  tradingAccount: 1701,
  loanBid: 40_001,
  loan: 30_001,
  history: 9_000_001,
  withdrawal: 60_001,
  address: 301,
  deposit: 70_001,
} as const;

/** An account as the ledger keeps it: the same object for every change of one user's currency. */
export interface AccountKey {
  readonly userId: number;
  readonly currency: string;
}

export type IdKind = keyof typeof ID_STARTS;

/** Callbacks that produce end-of-mutation snapshots (accounts, products, books, trading accounts). */
export interface DirtySnapshots {
  account(userId: number, currency: string): void;
  product(productId: number): void;
  tradingAccounts(userId: number): void;
}

export class Context {
  readonly config: Config;
  readonly events = new ExchangeEvents();
  readonly #clock: () => number;
  /** The clock read once when the mutation in progress began (NaN between mutations). */
  #mutationMs = Number.NaN;
  /** The next id of each kind (an object, not a map: a property per kind). */
  readonly #next: Record<IdKind, number> = { ...ID_STARTS };
  #queue: Array<{ event: ExchangeEventName; payload: unknown }> = [];
  /** Products whose last price moved in this mutation (stop and trade triggers run on them). */
  readonly movedProducts = new Set<number>();
  /** Products whose book or statistics changed. */
  readonly dirtyProducts = new Set<number>();
  /** Accounts whose balances changed (the ledger's account objects: one per user and currency). */
  readonly dirtyAccounts = new Set<AccountKey>();
  readonly dirtyTraders = new Set<number>();

  constructor(config: Config, clock: () => number) {
    this.config = config;
    this.#clock = clock;
  }

  /**
   * Milliseconds of the injected clock. Within a mutation, the time it began: one matching event
   * has one time, so every record it makes (order, executions, balance changes) carries the same
   * one, as the exchange stamps one engine event; and the clock is read once, not per record.
   */
  nowMs(): number {
    const ms = this.#mutationMs;
    return ms === ms ? ms : this.#clock(); // NaN !== NaN: no mutation in progress
  }

  /** Unix seconds with a fractional part ({@link nowMs} / 1000). */
  nowSeconds(): number {
    return this.nowMs() / 1000;
  }

  /** Reads the clock for the mutation that begins (see {@link nowMs}). */
  beginMutation(): void {
    this.#mutationMs = this.#clock();
  }

  /** The mutation is over: {@link nowMs} reads the clock again. */
  endMutation(): void {
    this.#mutationMs = Number.NaN;
  }

  nextId(kind: IdKind): number {
    const id = this.#next[kind];
    this.#next[kind] = id + 1;
    return id;
  }

  /**
   * True when someone listens to `event`: a caller builds the event's snapshot only then, and
   * {@link queue}s it (no closure made per change for an event nobody reads).
   */
  listens(event: ExchangeEventName): boolean {
    return this.events.has(event);
  }

  /** Queues an event's snapshot, taken now, to be emitted at the end of the mutation. */
  queue<K extends ExchangeEventName>(event: K, payload: ExchangeEventMap[K]): void {
    this.#queue.push({ event, payload });
  }

  /**
   * Marks an account changed; a set of the account objects, not of `user|currency` text built per
   * change. The marks only say which snapshots to emit: with nobody listening, none are kept.
   */
  markAccount(account: AccountKey): void {
    if (!this.events.any()) return;
    this.dirtyAccounts.add(account);
    this.dirtyTraders.add(account.userId);
  }

  /** Marks a product's book or statistics changed (kept only while someone listens, as {@link markAccount}). */
  markProduct(productId: number): void {
    if (this.events.any()) this.dirtyProducts.add(productId);
  }

  /** Emits the queued events, then one snapshot per dirty account, product/book and trader. */
  flush(snapshots: DirtySnapshots): void {
    if (this.#queue.length === 0 && !this.events.any()) {
      // Nobody listens: there is nothing to emit, only the marks to clear (a clear makes a new table: not when empty).
      if (this.dirtyAccounts.size > 0) this.dirtyAccounts.clear();
      if (this.dirtyProducts.size > 0) this.dirtyProducts.clear();
      if (this.dirtyTraders.size > 0) this.dirtyTraders.clear();
      return;
    }
    const queued = this.#queue;
    this.#queue = [];
    const accounts = [...this.dirtyAccounts];
    const products = [...this.dirtyProducts];
    const traders = [...this.dirtyTraders];
    this.dirtyAccounts.clear();
    this.dirtyProducts.clear();
    this.dirtyTraders.clear();
    for (const { event, payload } of queued) this.events.emit(event, payload as never);
    for (const account of accounts) snapshots.account(account.userId, account.currency);
    for (const productId of products) snapshots.product(productId);
    for (const userId of traders) snapshots.tradingAccounts(userId);
  }
}
