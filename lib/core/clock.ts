/**
 * Time, behind one seam so that specs can drive it with sinon's fake timers. The functions read
 * the globals at call time, so `sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })`
 * takes effect without injecting anything.
 * @module
 */
import { QuoineAbortError } from './errors.js';

/** Milliseconds since the epoch. */
export function now(): number {
  return Date.now();
}

/**
 * The longest delay one timer may have: Node turns a longer one into 1 ms (with a
 * TimeoutOverflowWarning), which would make a long wait spin.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Resolves after `ms`, or rejects with {@link QuoineAbortError} when `signal` aborts first.
 * A wait longer than {@link MAX_TIMER_MS} is made of several timers; NaN or a negative wait is 0.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  const wait = Number.isNaN(ms) ? 0 : Math.max(0, ms);
  if (wait > MAX_TIMER_MS) return sleepOnce(MAX_TIMER_MS, signal).then(() => sleep(wait - MAX_TIMER_MS, signal));
  return sleepOnce(wait, signal);
}

function sleepOnce(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new QuoineAbortError('the call was aborted'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new QuoineAbortError('the call was aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Waits for `promise`, unless `signal` aborts first: then rejects with {@link QuoineAbortError}
 * (the promise itself goes on; whoever made it still settles it).
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new QuoineAbortError('the call was aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new QuoineAbortError('the call was aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
