/**
 * The export's progress bar, on stderr. Its ETA counts requests, not rows, and spaces them by
 * the client's rate limit: past the window's free budget, each request costs `intervalMs /
 * requests` at least, however fast the exchange answers.
 */
import { SingleBar } from 'cli-progress';
import type { RateLimit } from '../../core/rate-limiter.js';

/** Progress of a walk whose total number of requests may be known. */
export class ExportProgress {
  readonly #bar: SingleBar;
  readonly #limit: RateLimit | undefined;
  readonly #started = Date.now();
  #requests = 0;
  #rows = 0;

  /**
   * @param label what is exported
   * @param limit the client's rate limit
   * @param enabled false to stay silent (not a terminal, or --json)
   */
  constructor(label: string, limit: RateLimit | undefined, enabled: boolean) {
    this.#limit = limit;
    this.#bar = new SingleBar({
      format: `${label} [{bar}] {percentage}% | {rows} rows | {requests} requests | ETA {eta_rl}`,
      stream: process.stderr,
      hideCursor: true,
      noTTYOutput: false,
      clearOnComplete: false,
    });
    if (enabled) this.#bar.start(100, 0, { rows: 0, requests: 0, eta_rl: '…' });
  }

  /** After each request: rows so far, and the fraction done (0–1), with the requests still to come if known. */
  update(rows: number, done: number, remainingRequests: number | undefined): void {
    this.#requests++;
    this.#rows = rows;
    const elapsed = (Date.now() - this.#started) / 1000;
    const observed = done > 0 ? (elapsed / done) * (1 - done) : Number.NaN;
    const paced = remainingRequests === undefined || !this.#limit ? 0 : this.#rateLimitedSeconds(remainingRequests);
    const eta = Math.max(Number.isNaN(observed) ? 0 : observed, paced);
    this.#bar.update(Math.round(done * 100), { rows, requests: this.#requests, eta_rl: formatSeconds(eta) });
  }

  /** Seconds the rate limit alone needs for `requests` more, after the budget already used. */
  #rateLimitedSeconds(requests: number): number {
    const limit = this.#limit as RateLimit;
    const free = Math.max(0, limit.requests - this.#requests);
    return (Math.max(0, requests - free) * limit.intervalMs) / limit.requests / 1000;
  }

  /** Stops the bar. */
  stop(): void {
    this.#bar.stop();
  }

  /** Rows written. */
  get rows(): number {
    return this.#rows;
  }
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '…';
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
