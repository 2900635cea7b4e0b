/**
 * Turns taken first come, first served: the queue behind a signing lane.
 * @module
 */
import { abortable } from './clock.js';

/** A first-come, first-served queue of turns, each held until its holder passes it on. */
export class Turns {
  /** Settles when the last caller so far has passed its turn on. */
  #tail: Promise<void> = Promise.resolve();

  /**
   * Waits for the previous holders to pass their turns on; resolves with `passOn`, which the
   * caller calls (once) when done. A caller whose `signal` aborts first rejects with
   * `QuoineAbortError` at once, and its turn passes on by itself when it comes.
   */
  async take(signal?: AbortSignal): Promise<() => void> {
    const turn = this.#tail;
    let passOn!: () => void;
    const passed = new Promise<void>((resolve) => (passOn = resolve));
    this.#tail = turn.then(() => passed);
    try {
      await abortable(turn, signal);
    } catch (error) {
      passOn();
      throw error;
    }
    return passOn;
  }
}
