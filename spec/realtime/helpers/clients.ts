/** Client-side helpers for the realtime specs. */
import { once } from 'node:events';
import { QuoineRealtime, type QuoineRealtimeOptions } from '../../../lib/realtime/index.js';
import type { Subscription } from '../../../lib/realtime/subscription.js';
import { TAP_SECRET, TAP_TOKEN_ID, type FakeTap } from './fake-tap.js';

/** Tracks clients so `closeAll` in afterEach leaves nothing open. */
export class Clients {
  readonly #made: QuoineRealtime[] = [];

  /** A public client of `tap`, reconnecting quickly. */
  public(tap: FakeTap, options: QuoineRealtimeOptions = {}): QuoineRealtime {
    return this.#keep(
      new QuoineRealtime({ url: tap.url, reconnect: { initialDelayMs: 5, maxDelayMs: 40 }, ...options }),
    );
  }

  /** A client with the fake's credentials. */
  private(tap: FakeTap, options: QuoineRealtimeOptions = {}): QuoineRealtime {
    return this.public(tap, { tokenId: TAP_TOKEN_ID, secret: TAP_SECRET, ...options });
  }

  /** Closes every client made. */
  async closeAll(): Promise<void> {
    await Promise.all(this.#made.splice(0).map((c) => c.close()));
  }

  #keep(client: QuoineRealtime): QuoineRealtime {
    this.#made.push(client);
    return client;
  }
}

/** The next value of a subscription's iterator (the iterator is made once per subscription). */
const iterators = new WeakMap<object, AsyncIterator<unknown>>();
export async function next<T>(sub: Subscription<T>): Promise<T> {
  let it = iterators.get(sub) as AsyncIterator<T> | undefined;
  if (!it) {
    it = sub[Symbol.asyncIterator]();
    iterators.set(sub, it);
  }
  const r = await it.next();
  if (r.done) throw new Error(`${sub.channel}: iterator ended`);
  return r.value;
}

/** The error the next `next()` rejects with. */
export async function nextError<T>(sub: Subscription<T>): Promise<unknown> {
  try {
    await next(sub);
  } catch (e) {
    return e;
  }
  throw new Error(`${sub.channel}: expected an error, got a value`);
}

/** Resolves when the client reaches `state` (at once if it is there). */
export async function reach(client: QuoineRealtime, state: QuoineRealtime['state']): Promise<void> {
  while (client.state !== state) await once(client, 'state');
}

/**
 * Resolves once `check()` is true, polling every few milliseconds; rejects after `limitMs` naming
 * `what` (a guard against hanging, not a timing assertion). For conditions on the client side.
 */
export async function until(check: () => boolean, what: string, limitMs = 5000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
