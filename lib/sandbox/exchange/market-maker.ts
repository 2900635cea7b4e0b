/**
 * A seeded market maker that keeps every book alive. It trades through the same order API as any
 * user, with two funded users of its own: a quoting user (resting limit orders) and a taking user
 * (small market orders that cross the spread so public executions appear).
 * @module
 */
import type { DecimalInput } from './decimal.js';
import type { Exchange } from './exchange.js';

export interface MarketMakerOptions {
  /** PRNG seed: same seed + same step count (+ same exchange history) → same books and executions. */
  readonly seed: number;
  /** Products to quote; default every enabled product. */
  readonly productIds?: readonly number[] | undefined;
  /** Levels per side; default 5. */
  readonly levels?: number | undefined;
  /** Distance between levels as a fraction of the reference price; default `0.0005` (5 bp). */
  readonly levelSpacing?: DecimalInput | undefined;
  /** Largest move of the reference price per step, as a fraction; default `0.001`. */
  readonly maxStep?: DecimalInput | undefined;
  /** How far the reference may wander from its start, as a fraction; default `0.1` (±10 %). */
  readonly maxDrift?: DecimalInput | undefined;
  /** Chance per product and step of a crossing market order: `[numerator, denominator]`; default `[1, 3]`. */
  readonly takeChance?: readonly [number, number] | undefined;
}

export class MarketMaker {
  /** The quoting user (resting orders). */
  readonly makerUserId: number;
  /** The taking user (market orders). */
  readonly takerUserId: number;

  constructor(exchange: Exchange, options: MarketMakerOptions) {
    void options;
    this.makerUserId = exchange.createUser({});
    this.takerUserId = exchange.createUser({});
  }

  /** Moves every reference price one step, requotes every book and, sometimes, crosses the spread. */
  step(): void {
    throw new Error('MarketMaker.step: not implemented yet');
  }

  /** Number of steps taken so far. */
  get steps(): number {
    return 0;
  }
}
