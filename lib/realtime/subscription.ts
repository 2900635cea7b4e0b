/**
 * One consumer of one channel: an async iterable with a bounded buffer, and an event emitter.
 *
 * Two ways to consume, pick one per subscription:
 * - **iterate** (`for await (const x of sub)`): messages wait in a buffer bounded both in
 *   messages (`bufferSize`, default 1,000) and in bytes (`bufferBytes`, default 8 MiB, counted as
 *   the size of the frames that carried them). A consumer that falls further behind gets a
 *   {@link RealtimeOverflowError} from its iterator and the subscription ends: memory stays
 *   bounded and nothing is dropped silently. Breaking out of the loop closes the subscription.
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

/**
 * Listeners by event.
 * @group Realtime
 */
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

/** The bounds of an iterating consumer's buffer. Not part of the public surface. */
export interface BufferLimits {
  /** Messages. */
  readonly bufferSize: number;
  /** Bytes of the frames that carried them. */
  readonly bufferBytes: number;
}

/** What the realtime client drives a subscription with. Not part of the public surface. */
export interface SubscriptionControl<T> {
  /** A message for this consumer, and the size in bytes of the frame that carried it. */
  deliver(value: T, bytes: number): void;
  /** The subscription ends with an error (buffered messages are still delivered first). */
  fail(error: QuoineRealtimeError): void;
  /** The subscription ends cleanly (buffered messages are still delivered first). */
  end(): void;
  /** The server confirmed the channel. */
  subscribed(): void;
}

type Listeners<T> = { [K in keyof SubscriptionEvents<T>]: Array<SubscriptionEvents<T>[K]> };

/**
 * A subscription to one realtime channel (see the module documentation).
 * @group Realtime
 * @hideconstructor
 */
export class Subscription<T> implements AsyncIterable<T> {
  /** The channel name, e.g. `executions_cash_btcjpy`. */
  readonly channel: string;
  /** Resolves when the server first confirms the subscription. */
  readonly ready: Promise<void>;
  readonly #limits: BufferLimits;
  readonly #onEnd: (sub: Subscription<T>) => void;
  readonly #listeners: Listeners<T> = { data: [], error: [], subscribed: [], end: [] };
  #buffer: Array<{ readonly value: T; readonly bytes: number }> = [];
  #bufferedBytes = 0;
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
   * @param limits the iterator's buffer bounds
   * @param onEnd called once when the subscription ends (to release the channel)
   * @param bind receives the control the client drives this subscription with
   */
  constructor(
    channel: string,
    limits: BufferLimits,
    onEnd: (sub: Subscription<T>) => void,
    bind: (control: SubscriptionControl<T>) => void,
  ) {
    this.channel = channel;
    this.#limits = limits;
    this.#onEnd = onEnd;
    this.ready = new Promise<void>((resolve, reject) => {
      this.#settleReady = (error) => (error ? reject(error) : resolve());
    });
    this.ready.catch(() => undefined);
    bind({
      deliver: (value, bytes) => this.#deliver(value, bytes),
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
      const buffered = this.#takeBuffer();
      for (const { value } of buffered) this.#emit('data', value);
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
    this.#takeBuffer();
    this.#finish(undefined, true);
  }

  /** Every message, in order; ends when the subscription ends, throws its error. Only once per subscription. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#iterated) throw new QuoineRealtimeError('a subscription can be iterated only once', this.channel);
    if (this.#listeners.data.length > 0)
      throw new QuoineRealtimeError("a subscription with 'data' listeners cannot be iterated", this.channel);
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
    const first = this.#buffer.shift();
    if (first !== undefined) {
      this.#bufferedBytes -= first.bytes;
      return Promise.resolve({ done: false, value: first.value });
    }
    if (this.#error) {
      const error = this.#error;
      return Promise.reject(error);
    }
    if (this.#ended) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  }

  #deliver(value: T, bytes: number): void {
    if (this.#ended) return;
    if (this.#listeners.data.length > 0) {
      this.#emit('data', value);
    } else if (this.#waiting) {
      const waiting = this.#waiting;
      this.#waiting = undefined;
      waiting.resolve({ done: false, value });
    } else {
      const { bufferSize, bufferBytes } = this.#limits;
      const over: 'bufferSize' | 'bufferBytes' | undefined =
        this.#buffer.length >= bufferSize
          ? 'bufferSize'
          : this.#bufferedBytes + bytes > bufferBytes
            ? 'bufferBytes'
            : undefined;
      if (over) {
        this.#takeBuffer(); // the consumer is behind: the error must reach it now, not after 1,000 old messages
        this.#finish(new RealtimeOverflowError(this.channel, over, this.#limits[over]), false);
      } else {
        this.#buffer.push({ value, bytes });
        this.#bufferedBytes += bytes;
      }
    }
  }

  /** Empties the buffer and returns what it held. */
  #takeBuffer(): Array<{ readonly value: T; readonly bytes: number }> {
    const buffered = this.#buffer;
    this.#buffer = [];
    this.#bufferedBytes = 0;
    return buffered;
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
    if (!this.#confirmed)
      this.#settleReady(
        error ??
          new RealtimeClosedError(
            byUser ? 'closed before the server confirmed it' : 'ended before the server confirmed it',
            this.channel,
          ),
      );
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
