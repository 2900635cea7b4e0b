/**
 * What the domain modules behind the {@link Exchange} facade share: the state machines, the user
 * registry, the guards a public call starts with, and the atomic mutation runner.
 * @module
 */
import { resolveConfig, type Config, type ProductConfig } from '../config.js';
import { Context, type DirtySnapshots } from '../context.js';
import { Engine } from '../engine.js';
import { ExchangeError } from '../errors.js';
import { Funding } from '../funding.js';
import type { ExchangeOptions } from '../inputs.js';
import { Ledger } from '../ledger.js';
import { Lending } from '../lending.js';
import { Margin } from '../margin.js';
import { MarketData } from '../market-data.js';
import { Prng } from '../prng.js';

/** The exchange's internals, one instance per {@link Exchange}. */
export class ExchangeParts {
  readonly context: Context;
  readonly config: Config;
  readonly ledger: Ledger;
  readonly market: MarketData;
  readonly lending: Lending;
  readonly margin: Margin;
  readonly engine: Engine;
  readonly funding: Funding;
  readonly users = new Set<number>();
  #depth = 0;
  readonly #snapshots: DirtySnapshots;

  /** `snapshots` makes what emits a finished mutation's snapshots (it builds records, so it lives with them). */
  constructor(options: ExchangeOptions, snapshots: (parts: ExchangeParts) => DirtySnapshots) {
    this.config = resolveConfig(options);
    this.context = new Context(this.config, options.now ?? Date.now);
    this.ledger = new Ledger(this.context);
    this.market = new MarketData(this.context);
    this.lending = new Lending(this.context, this.ledger);
    this.margin = new Margin(this.context, this.ledger, this.lending, this.market);
    this.engine = new Engine(this.context, this.ledger, this.market, this.margin, this.lending);
    this.funding = new Funding(this.context, this.ledger, new Prng(this.config.seed));
    this.#snapshots = snapshots(this);
  }

  /**
   * Runs a mutation atomically: the change, then the triggers it caused, then the snapshot (taken
   * before events go out), then the events.
   */
  mutate<T, R = T>(change: () => T, snapshot?: (value: T) => R): R {
    if (this.#depth === 0) this.context.beginMutation();
    this.#depth += 1;
    try {
      const value = change();
      if (this.#depth === 1) this.engine.runTriggers();
      return snapshot === undefined ? (value as unknown as R) : snapshot(value);
    } finally {
      this.#depth -= 1;
      if (this.#depth === 0) {
        this.context.endMutation();
        this.engine.retireFinished();
        this.context.flush(this.#snapshots);
      }
    }
  }

  /** 404 `User not found` unless the user exists. */
  user(userId: number): void {
    if (!this.users.has(userId)) throw ExchangeError.notFound('User not found');
  }

  /** The currency code, or 422 `currency: invalid` when the catalogue lacks it. */
  currency(code: string): string {
    if (!this.config.currencies.has(code)) throw ExchangeError.invalid('currency', 'invalid');
    return code;
  }

  /** The product, or 404 `Product not found`. */
  product(productId: number): ProductConfig {
    const product = this.config.products.get(productId);
    if (product === undefined) throw ExchangeError.notFound('Product not found');
    return product;
  }
}
