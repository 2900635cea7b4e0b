/**
 * One consumer of one channel: an async iterable with a bounded buffer, and an event emitter.
 *
 * Two ways to consume, pick one per subscription:
 * - **iterate** (`for await (const x of sub)`): messages wait in a buffer of `bufferSize`
 *   (default 1,000). A consumer that falls further behind gets a {@link RealtimeOverflowError}
 *   from its iterator and the subscription ends: memory stays bounded and nothing is dropped
 *   silently. Breaking out of the loop closes the subscription.
 * - **listen** (`sub.on('data', fn)`): like a Node stream switching to flowing mode, the first
 *   `'data'` listener receives what was buffered and every later message synchronously; nothing
 *   is buffered any more (and the subscription can no longer be iterated).
 *
 * Events: `'data'` (a message), `'error'` (the subscription ended with an error; also thrown by
 * the iterator), `'subscribed'` (the server confirmed the channel: once at first and again after
 * every reconnection), `'end'` (the subscription is over, by error or not). `ready` resolves on the
 * first confirmation and rejects if the subscription ends before it (it never causes an unhandled
 * rejection if you do not await it).
 * @module
 */
import { QuoineRealtimeError, RealtimeClosedError, RealtimeOverflowError } from './errors.js';

/** Listeners by event. */
export interface SubscriptionEvents<T> {
  /** A message (flowing mode: the first `data` listener turns the buffer off). */
  data: (value: T) => void;
  /** The subscription ended with an error. */
  error: (error: QuoineRealtimeError) => void;
  /** The server confirmed the channel (again after every reconnect). */
  subscribed: () => void;
  /** The subscription ended. */
  end: () => void;
}

/** What the realtime client drives a subscription with. Not part of the public surface. */
export interface SubscriptionControl<T> {
  /** A message for this consumer. */
  deliver(value: T): void;
  /** The subscription ends with an error (buffered messages are still delivered first). */
  fail(error: QuoineRealtimeError): void;
  /** The subscription ends cleanly (buffered messages are still delivered first). */
  end(): void;
  /** The server confirmed the channel. */
  subscribed(): void;
}

type Listeners<T> = { [K in keyof SubscriptionEvents<T>]: Array<SubscriptionEvents<T>[K]> };

/** A subscription to one realtime channel (see the module documentation). */
export class Subscription<T> implements AsyncIterable<T> {
  /** The channel name, e.g. `executions_cash_btcjpy`. */
  readonly channel: string;
  /** Resolves when the server first confirms the subscription. */
  readonly ready: Promise<void>;
  readonly #bufferSize: number;
  readonly #onEnd: (sub: Subscription<T>) => void;
  readonly #listeners: Listeners<T> = { data: [], error: [], subscribed: [], end: [] };
  #buffer: T[] = [];
  #waiting: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void } | undefined;
  #error: QuoineRealtimeError | undefined;
  #ended = false;
  #iterated = false;
  #confirmed = false;
  #settleReady!: (error?: QuoineRealtimeError) => void;

  /**
   * Made by the realtime client's helpers; you do not construct one yourself.
   * @internal
   * @param channel the channel
   * @param bufferSize the iterator's buffer bound
   * @param onEnd called once when the subscription ends (to release the channel)
   * @param bind receives the control the client drives this subscription with
   */
  constructor(channel: string, bufferSize: number, onEnd: (sub: Subscription<T>) => void, bind: (control: SubscriptionControl<T>) => void) {
    this.channel = channel;
    this.#bufferSize = bufferSize;
    this.#onEnd = onEnd;
    this.ready = new Promise<void>((resolve, reject) => {
      this.#settleReady = (error) => (error ? reject(error) : resolve());
    });
    this.ready.catch(() => undefined);
    bind({
      deliver: (value) => this.#deliver(value),
      fail: (error) => this.#finish(error, false),
      end: () => this.#finish(undefined, false),
      subscribed: () => this.#subscribed(),
    });
  }

  /** Whether the subscription has ended. */
  get closed(): boolean {
    return this.#ended;
  }

  /** The error the subscription ended with, if any. */
  get error(): QuoineRealtimeError | undefined {
    return this.#error;
  }

  /** Adds a listener. The first `'data'` listener switches the subscription to flowing mode. */
  on<K extends keyof SubscriptionEvents<T>>(event: K, listener: SubscriptionEvents<T>[K]): this {
    this.#listeners[event].push(listener);
    if (event === 'data' && this.#listeners.data.length === 1) {
      const buffered = this.#buffer;
      this.#buffer = [];
      for (const value of buffered) this.#emit('data', value);
    }
    return this;
  }

  /** Removes a listener. */
  off<K extends keyof SubscriptionEvents<T>>(event: K, listener: SubscriptionEvents<T>[K]): this {
    const list = this.#listeners[event] as Array<SubscriptionEvents<T>[K]>;
    const at = list.indexOf(listener);
    if (at >= 0) list.splice(at, 1);
    return this;
  }

  /** Ends the subscription and releases the channel (unsubscribed when no one else uses it). */
  close(): void {
    this.#buffer = [];
    this.#finish(undefined, true);
  }

  /** Every message, in order; ends when the subscription ends, throws its error. Only once per subscription. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#iterated) throw new QuoineRealtimeError('a subscription can be iterated only once', this.channel);
    if (this.#listeners.data.length > 0) throw new QuoineRealtimeError("a subscription with 'data' listeners cannot be iterated", this.channel);
    this.#iterated = true;
    return {
      next: () => this.#next(),
      return: () => {
        this.close();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  }

  #next(): Promise<IteratorResult<T>> {
    const value = this.#buffer.shift();
    if (value !== undefined) return Promise.resolve({ done: false, value });
    if (this.#error) {
      const error = this.#error;
      return Promise.reject(error);
    }
    if (this.#ended) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  }

  #deliver(value: T): void {
    if (this.#ended) return;
    if (this.#listeners.data.length > 0) {
      this.#emit('data', value);
    } else if (this.#waiting) {
      const waiting = this.#waiting;
      this.#waiting = undefined;
      waiting.resolve({ done: false, value });
    } else if (this.#buffer.length >= this.#bufferSize) {
      this.#buffer = []; // the consumer is behind: the error must reach it now, not after 1,000 old messages
      this.#finish(new RealtimeOverflowError(this.channel, this.#bufferSize), false);
    } else {
      this.#buffer.push(value);
    }
  }

  #subscribed(): void {
    if (this.#ended) return;
    if (!this.#confirmed) {
      this.#confirmed = true;
      this.#settleReady();
    }
    this.#emit('subscribed');
  }

  #finish(error: QuoineRealtimeError | undefined, byUser: boolean): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#error = error;
    if (!this.#confirmed) this.#settleReady(error ?? new RealtimeClosedError(byUser ? 'closed before the server confirmed it' : 'ended before the server confirmed it', this.channel));
    if (this.#waiting) {
      const waiting = this.#waiting;
      this.#waiting = undefined;
      if (error) waiting.reject(error);
      else waiting.resolve({ done: true, value: undefined });
    }
    this.#onEnd(this);
    if (error) this.#emit('error', error);
    this.#emit('end');
  }

  #emit<K extends keyof SubscriptionEvents<T>>(event: K, ...args: Parameters<SubscriptionEvents<T>[K]>): void {
    for (const listener of [...this.#listeners[event]]) (listener as (...a: unknown[]) => void)(...args);
  }
}
