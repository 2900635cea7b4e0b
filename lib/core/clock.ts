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

/** Resolves after `ms`, or rejects with {@link QuoineAbortError} when `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
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
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
