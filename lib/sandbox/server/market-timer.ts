import type { MarketMaker } from '../exchange/index.js';

/**
 * Steps the market maker every 1–3 s (the interval varies with the step count, deterministically).
 * Timers are unref'd, so a running sandbox never keeps a process alive on their account.
 */
export class MarketTimer {
  private timer: NodeJS.Timeout | undefined;
  private ticks = 0;

  constructor(
    private readonly maker: MarketMaker,
    private readonly onError: (message: string) => void,
  ) {}

  /** Quotes every book at once (a user's first call finds a live market), then keeps stepping. */
  start(): void {
    this.step();
    this.schedule();
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    const delay = 1000 + ((this.ticks * 7919) % 2001);
    this.timer = setTimeout(() => {
      this.ticks += 1;
      this.step();
      this.schedule();
    }, delay);
    this.timer.unref();
  }

  private step(): void {
    try {
      this.maker.step();
    } catch (error) {
      this.onError(`market maker step failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
