/**
 * Turns the exchange's events into channel events (quoine-api.md §8.5).
 *
 * - Executions, own executions, orders, trades and account balances go out as they happen, in the
 *   exchange's order. A `user…` channel delivers only the events of the connection's own user.
 * - Product and order-book events are coalesced per event-loop turn (the exchange emits one per
 *   mutation, and a market maker step is many mutations): at the end of the turn each product
 *   channel gets the latest product object if its statistics moved during the turn, and each
 *   ladder channel the latest top `ladderDepth` levels of its side if they moved (see
 *   {@link MarketChanges}); a change deeper in the book sends nothing.
 * - Nothing is serialized for a channel nobody listens to. The publisher listens to the exchange
 *   only while it is started (the tap starts it while it has connections), so an idle tap costs
 *   the exchange nothing.
 * @module
 */
import type {
  Exchange,
  ExchangeEventMap,
  ExchangeEventName,
  ExecutionRecord,
  OrderBookRecord,
  ProductRecord,
} from '../exchange/index.js';
import { TapChannels, type ChannelRegistry } from './channels.js';
import { ExecutionJoin } from './execution-join.js';
import { MarketChanges } from './market-changes.js';
import type { ExecutionOrders, TapPayloads } from './payloads/index.js';
import { channelEvent } from './protocol.js';

/** What the publisher sends to: anything with a user and a `send`. */
export interface Subscriber {
  readonly userId: number | undefined;
  send(text: string): void;
}

export interface PublisherSettings {
  readonly exchange: Exchange;
  readonly registry: ChannelRegistry<Subscriber>;
  readonly payloads: TapPayloads;
  readonly ladderDepth: number;
}

export class TapPublisher {
  readonly #settings: PublisherSettings;
  readonly #pairs = new Map<number, string>();
  readonly #join = new ExecutionJoin();
  readonly #changes: MarketChanges;
  /** Products whose statistics moved this turn: the latest snapshot. */
  readonly #products = new Map<number, ProductRecord>();
  /** Books with a side that moved this turn: the latest snapshot and the sides that moved. */
  readonly #books = new Map<number, { book: OrderBookRecord; buy: boolean; sell: boolean }>();
  #unsubscribe: Array<() => void> = [];
  #flush: NodeJS.Immediate | undefined;

  constructor(settings: PublisherSettings) {
    this.#settings = settings;
    this.#changes = new MarketChanges(settings.ladderDepth);
  }

  get started(): boolean {
    return this.#unsubscribe.length > 0;
  }

  start(): void {
    if (this.started) return;
    const { exchange, ladderDepth } = this.#settings;
    const products = exchange.products();
    this.#changes.seed(
      products,
      products.map((product) => exchange.orderBook(product.id, { depth: ladderDepth })),
    );
    this.#unsubscribe = [
      this.#on('product', (product) => {
        if (this.#changes.product(product)) this.#coalesce(() => this.#products.set(product.id, product));
      }),
      this.#on('book', (book) => {
        const moved = this.#changes.book(book);
        if (!moved.buy && !moved.sell) return;
        const pending = this.#books.get(book.productId);
        this.#coalesce(() =>
          this.#books.set(book.productId, {
            book,
            buy: moved.buy || pending?.buy === true,
            sell: moved.sell || pending?.sell === true,
          }),
        );
      }),
      this.#on('execution', (execution) => {
        const channel = TapChannels.executions(this.#pair(execution.productId));
        this.#publish(channel, 'created', () => this.#settings.payloads.execution(execution));
        const joined = this.#join.execution(execution);
        if (joined !== undefined) this.#publishDetails(joined.execution, joined.orders);
      }),
      this.#on('myExecution', (mine) => {
        const channel = TapChannels.myExecutions(this.#pair(mine.productId));
        this.#publish(channel, 'created', () => this.#settings.payloads.myExecution(mine), mine.userId);
        const joined = this.#join.side(mine);
        if (joined !== undefined) this.#publishDetails(joined.execution, joined.orders);
      }),
      this.#on('order', (order) => {
        this.#publish(
          TapChannels.myOrders(order.fundingCurrency),
          'updated',
          () => this.#settings.payloads.order(order),
          order.userId,
        );
      }),
      this.#on('trade', (trade) => {
        this.#publish(
          TapChannels.myTrades(trade.fundingCurrency),
          'updated',
          () => this.#settings.payloads.trade(trade),
          trade.traderId,
        );
      }),
      this.#on('account', (account) => {
        this.#publish(
          TapChannels.account(account.currency),
          'updated',
          () => this.#settings.payloads.account(account),
          account.userId,
        );
      }),
    ];
  }

  /** Stops listening and forgets everything pending (nothing is sent afterwards). */
  stop(): void {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    if (this.#flush !== undefined) clearImmediate(this.#flush);
    this.#flush = undefined;
    this.#products.clear();
    this.#books.clear();
    this.#changes.clear();
    this.#join.clear();
  }

  #on<K extends ExchangeEventName>(event: K, listener: (payload: ExchangeEventMap[K]) => void): () => void {
    return this.#settings.exchange.on(event, listener);
  }

  /**
   * Sends `event` with the payload built by `payload` (only when someone receives it) to the
   * channel's subscribers; with `owner`, only to connections authenticated as that user.
   */
  #publish(channel: string, event: 'updated' | 'created', payload: () => string, owner?: number): void {
    const members = this.#settings.registry.members(channel);
    const recipients = owner === undefined ? members : members.filter((member) => member.userId === owner);
    if (recipients.length === 0) return;
    const text = channelEvent(event, channel, payload());
    for (const recipient of recipients) recipient.send(text);
  }

  #publishDetails(execution: ExecutionRecord, orders: ExecutionOrders): void {
    const channel = TapChannels.executionDetails(this.#pair(execution.productId));
    this.#publish(channel, 'created', () => this.#settings.payloads.executionDetails(execution, orders));
  }

  #coalesce(record: () => void): void {
    record();
    this.#flush ??= setImmediate(() => this.#flushCoalesced());
  }

  #flushCoalesced(): void {
    this.#flush = undefined;
    const { payloads, ladderDepth } = this.#settings;
    for (const product of this.#products.values()) {
      const channel = TapChannels.product(product.currencyPairCode, product.id);
      this.#publish(channel, 'updated', () => payloads.product(product));
    }
    for (const { book, buy, sell } of this.#books.values()) {
      const pair = this.#pair(book.productId);
      if (buy)
        this.#publish(TapChannels.ladder(pair, 'buy'), 'updated', () =>
          payloads.ladder(book.buyPriceLevels, ladderDepth),
        );
      if (sell)
        this.#publish(TapChannels.ladder(pair, 'sell'), 'updated', () =>
          payloads.ladder(book.sellPriceLevels, ladderDepth),
        );
    }
    this.#products.clear();
    this.#books.clear();
  }

  /** A product's pair code (static: read once per product). */
  #pair(productId: number): string {
    let pair = this.#pairs.get(productId);
    if (pair === undefined) {
      pair = this.#settings.exchange.product(productId).currencyPairCode;
      this.#pairs.set(productId, pair);
    }
    return pair;
  }
}
