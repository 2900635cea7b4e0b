/**
 * The export's progress: a model that states only what is known, and a one-line bar on stderr.
 *
 * What is known differs by export. A paged list reports its page count, so the share of pages read
 * and the requests still to come (at most: a resumed walk may stop early) are known; the time they
 * take is the observed time per request, or the client's rate limit once its free budget is spent,
 * whichever is slower. The executions walk goes forward in time from its first row to the newest
 * execution at the start: the share of that time span covered is known, how many rows (and so
 * requests) are left is not, and the bar says so instead of guessing an ETA.
 *
 * The bar is plain text redrawn with a carriage return: no ANSI escape, no colour.
 */
import type { RateLimit } from '../../core/rate-limiter.js';

/** What the export knows after a request. */
export interface ProgressSnapshot {
  /** Rows in the file (written before and by this run). */
  readonly rows: number;
  /** Requests made so far. */
  readonly requests: number;
  /** The share done (0–1), when it is known. */
  readonly done?: number;
  /** An upper bound of the requests still to come, when one is known. */
  readonly remainingRequests?: number;
}

/** What the bar shows. */
export interface ProgressView {
  readonly rows: number;
  readonly requests: number;
  readonly elapsedSeconds: number;
  /** Whole percent, below 100 until the export has finished; undefined when unknown. */
  readonly percent: number | undefined;
  /** At most this many seconds are left; undefined when unknown. */
  readonly etaSeconds: number | undefined;
}

/** Turns snapshots into what can honestly be shown. The clock is injectable for specs. */
export class ProgressModel {
  readonly #limit: RateLimit | undefined;
  readonly #now: () => number;
  readonly #started: number;

  /**
   * @param limit the client's rate limit (no pacing when undefined)
   * @param now the clock, in milliseconds
   */
  constructor(limit: RateLimit | undefined, now: () => number = Date.now) {
    this.#limit = limit;
    this.#now = now;
    this.#started = now();
  }

  /** The view after a snapshot taken while the export runs. */
  observe(snapshot: ProgressSnapshot): ProgressView {
    const elapsedSeconds = (this.#now() - this.#started) / 1000;
    const percent =
      snapshot.done === undefined || !Number.isFinite(snapshot.done)
        ? undefined
        : Math.min(99, Math.max(0, Math.floor(snapshot.done * 100)));
    return {
      rows: snapshot.rows,
      requests: snapshot.requests,
      elapsedSeconds,
      percent,
      etaSeconds: this.#eta(snapshot, elapsedSeconds),
    };
  }

  /** The view once the export has finished. */
  finished(rows: number, requests: number): ProgressView {
    return { rows, requests, elapsedSeconds: (this.#now() - this.#started) / 1000, percent: 100, etaSeconds: 0 };
  }

  #eta(snapshot: ProgressSnapshot, elapsedSeconds: number): number | undefined {
    const remaining = snapshot.remainingRequests;
    if (remaining === undefined || snapshot.requests === 0) return undefined;
    const observed = (elapsedSeconds / snapshot.requests) * remaining;
    return Math.max(observed, this.#pacedSeconds(snapshot.requests, remaining));
  }

  /** Seconds the rate limit alone needs for `remaining` more requests after `made`. */
  #pacedSeconds(made: number, remaining: number): number {
    if (!this.#limit) return 0;
    const free = Math.max(0, this.#limit.requests - made);
    return (Math.max(0, remaining - free) * this.#limit.intervalMs) / this.#limit.requests / 1000;
  }
}

/** One line of text for a view. */
export function progressLine(label: string, view: ProgressView, percentOf = ''): string {
  const width = 20;
  const filled = view.percent === undefined ? 0 : Math.round((view.percent / 100) * width);
  const bar = view.percent === undefined ? '?'.repeat(width) : '#'.repeat(filled) + '-'.repeat(width - filled);
  const percent = view.percent === undefined ? '?%' : `${view.percent}%${percentOf}`;
  const eta =
    view.etaSeconds === undefined
      ? 'ETA unknown'
      : view.etaSeconds === 0
        ? 'done'
        : `ETA ≤ ${formatSeconds(Math.ceil(view.etaSeconds))}`;
  return `${label} [${bar}] ${percent} | ${view.rows} rows | ${view.requests} requests | ${formatSeconds(view.elapsedSeconds)} | ${eta}`;
}

/** A progress line redrawn in place on a stream (with `\r`, no escape sequences). */
export class ProgressBar {
  readonly #label: string;
  readonly #model: ProgressModel;
  readonly #stream: NodeJS.WritableStream | undefined;
  readonly #percentOf: string;
  #width = 0;
  #last: ProgressView | undefined;

  /**
   * @param label what is exported
   * @param model the progress model
   * @param stream where to draw; undefined to stay silent
   * @param percentOf what the percentage is of, e.g. ` of the time span` (empty: of the work)
   */
  constructor(label: string, model: ProgressModel, stream: NodeJS.WritableStream | undefined, percentOf = '') {
    this.#label = label;
    this.#model = model;
    this.#stream = stream;
    this.#percentOf = percentOf;
  }

  /** Redraws after a request. */
  update(snapshot: ProgressSnapshot): void {
    this.#draw(this.#model.observe(snapshot));
  }

  /** Draws the final state and ends the line. */
  finish(rows: number, requests: number): void {
    this.#draw(this.#model.finished(rows, requests));
    this.stop();
  }

  /** Ends the line (the last state stays visible). */
  stop(): void {
    if (this.#stream && this.#width > 0) this.#stream.write('\n');
    this.#width = 0;
  }

  /** The last view drawn. */
  get last(): ProgressView | undefined {
    return this.#last;
  }

  #draw(view: ProgressView): void {
    this.#last = view;
    if (!this.#stream) return;
    const line = progressLine(this.#label, view, this.#percentOf);
    this.#stream.write(`\r${line}${' '.repeat(Math.max(0, this.#width - line.length))}`);
    this.#width = line.length;
  }
}

/** `5s`, `3m07s`, `2h05m`. */
export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60
    ? `${s}s`
    : s < 3600
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
      : `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
