import type { MarketMaker } from '../exchange/index.js';

/**
 * The timer functions the sandbox schedules with (its market maker's steps): the global
 * `setTimeout`/`clearTimeout` by default, or a test's own, so a test controls time instead of sleeping.
 * @group Sandbox
 */
export interface SandboxScheduler {
  /** Calls `callback` once after `ms` milliseconds; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a pending call. */
  clearTimeout(handle: unknown): void;
}

/** The global timers. */
export const GLOBAL_SCHEDULER: SandboxScheduler = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Steps the market maker every 1–3 s (the interval varies with the step count, deterministically).
 * Timers are unref'd (when the scheduler's handles can be), so a running sandbox never keeps a
 * process alive on their account.
 */
export class MarketTimer {
  private timer: unknown;
  private running = false;
  private ticks = 0;

  constructor(
    private readonly maker: MarketMaker,
    private readonly onError: (message: string) => void,
    private readonly scheduler: SandboxScheduler = GLOBAL_SCHEDULER,
  ) {}

  /** Quotes every book at once (a user's first call finds a live market), then keeps stepping. */
  start(): void {
    this.running = true;
    this.step();
    this.schedule();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    const delay = 1000 + ((this.ticks * 7919) % 2001);
    this.timer = this.scheduler.setTimeout(() => {
      this.timer = undefined;
      if (!this.running) return;
      this.ticks += 1;
      this.step();
      this.schedule();
    }, delay);
    const handle = this.timer as { unref?: () => void } | undefined;
    if (typeof handle?.unref === 'function') handle.unref();
  }

  private step(): void {
    try {
      this.maker.step();
    } catch (error) {
      this.onError(`market maker step failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
