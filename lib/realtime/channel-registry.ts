/**
 * The channels a client uses and who consumes each: one Pusher subscription per channel however
 * many {@link Subscription}s share it, its per-connection request and confirmation flags, and the
 * fan-out of a channel's messages (decoded once per decoder) to its consumers.
 * @module
 */
import type { Redactor } from '../core/scrub.js';
import { ladderReader, type Decoder } from './decoders.js';
import { RealtimeDecodeError, type QuoineRealtimeError } from './errors.js';
import { decodeData } from './frames.js';
import type { ChannelMessage } from './ladder-frame.js';

/** One consumer of a channel: a {@link Subscription}'s side that the client drives. */
export interface Consumer {
  readonly decode: Decoder<unknown>;
  readonly deliver: (value: unknown, bytes: number) => void;
  readonly fail: (error: QuoineRealtimeError) => void;
  readonly end: () => void;
  readonly subscribed: () => void;
}

/** One channel in use. */
export interface ChannelEntry {
  readonly name: string;
  readonly isPrivate: boolean;
  /** Keyed by the {@link Subscription} each consumer belongs to. */
  readonly consumers: Map<object, Consumer>;
  /** `pusher:subscribe` was sent on the current connection. */
  requested: boolean;
  /** The current connection confirmed the subscription. */
  confirmed: boolean;
}

/** The channels of one client, in subscription order. */
export class ChannelRegistry {
  readonly #entries = new Map<string, ChannelEntry>();

  /** The channel names, in subscription order. */
  get names(): string[] {
    return [...this.#entries.keys()];
  }

  /** A snapshot of the entries (safe to change the registry while going through it). */
  entries(): ChannelEntry[] {
    return [...this.#entries.values()];
  }

  /** Adds `consumer` for `sub` to `channel`, creating the channel's entry if it is new. */
  add(channel: string, isPrivate: boolean, sub: object, consumer: Consumer): ChannelEntry {
    let entry = this.#entries.get(channel);
    if (!entry) {
      entry = { name: channel, isPrivate, consumers: new Map(), requested: false, confirmed: false };
      this.#entries.set(channel, entry);
    }
    entry.consumers.set(sub, consumer);
    return entry;
  }

  /** Removes `sub`'s consumer; returns its entry when that was the channel's last consumer (the entry is gone). */
  release(sub: object): ChannelEntry | undefined {
    for (const entry of this.#entries.values()) {
      if (!entry.consumers.delete(sub)) continue;
      if (entry.consumers.size > 0) return undefined;
      this.#entries.delete(entry.name);
      return entry;
    }
    return undefined;
  }

  /** Drops a channel and ends each of its consumers with `error`. */
  fail(entry: ChannelEntry, error: QuoineRealtimeError): void {
    this.#entries.delete(entry.name);
    for (const c of [...entry.consumers.values()]) c.fail(error);
  }

  /** Drops every channel, each consumer ending with `error`. */
  failAll(error: QuoineRealtimeError): void {
    for (const entry of this.entries()) this.fail(entry, error);
  }

  /** Drops every channel, each consumer ending normally. */
  endAll(): void {
    const consumers = this.entries().flatMap((e) => [...e.consumers.values()]);
    this.#entries.clear();
    for (const c of consumers) c.end();
  }

  /** The connection is gone: nothing is requested nor confirmed on the next one yet. */
  resetRequests(): void {
    for (const entry of this.#entries.values()) entry.requested = entry.confirmed = false;
  }

  /** `pusher_internal:subscription_succeeded` for a channel requested on this connection. */
  confirm(channel: string | undefined): void {
    const entry = channel === undefined ? undefined : this.#entries.get(channel);
    if (!entry?.requested) return;
    entry.confirmed = true;
    for (const c of [...entry.consumers.values()]) c.subscribed();
  }

  /**
   * A message on a channel: its `data` decoded once, then once per decoder however many
   * consumers share the channel, and handed to each consumer. Data that is not JSON ends the
   * channel; an entity that does not decode ends the consumers of that decoder. A ladder the
   * frame reader already checked goes to the decoders that read one (`ladderReader`) as is;
   * `data` is then decoded only if another consumer needs the payload.
   * @param redact makes the text of a decoding error safe to show
   */
  publish(channel: string, event: string, message: ChannelMessage, bytes: number, redact: Redactor): void {
    const entry = this.#entries.get(channel);
    if (!entry) return;
    const { ladder } = message;
    let payload: unknown;
    if (ladder === undefined || needsPayload(entry)) {
      try {
        payload = decodeData(message.data);
      } catch (e) {
        this.fail(
          entry,
          new RealtimeDecodeError(`${event}: data is not JSON (${redact((e as Error).message)})`, channel),
        );
        return;
      }
    }
    const decoded = new Map<Decoder<unknown>, { value: unknown } | { error: RealtimeDecodeError }>();
    for (const consumer of [...entry.consumers.values()]) {
      let result = decoded.get(consumer.decode);
      if (!result) {
        const read = ladder === undefined ? undefined : ladderReader(consumer.decode);
        try {
          result = {
            value: read !== undefined && ladder !== undefined ? read(ladder) : consumer.decode(payload, channel),
          };
        } catch (e) {
          result = { error: new RealtimeDecodeError(`${event}: ${redact((e as Error).message)}`, channel) };
        }
        decoded.set(consumer.decode, result);
      }
      if ('error' in result) consumer.fail(result.error);
      else consumer.deliver(result.value, bytes);
    }
  }
}

/** Whether a consumer of the channel decodes the payload itself (it has no `ladderReader`). */
function needsPayload(entry: ChannelEntry): boolean {
  for (const consumer of entry.consumers.values()) if (ladderReader(consumer.decode) === undefined) return true;
  return false;
}
