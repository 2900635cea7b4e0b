/**
 * Public market data: each product's executions and the statistics that move with them.
 * @module
 */
import type { ProductConfig } from './config.js';
import type { Context } from './context.js';
import { Decimal, ZERO } from './decimal.js';
import type { OrderBook } from './order-book.js';
import type { ExecutionRecord, MyExecutionRecord, ProductRecord } from './records.js';

const DAY_MS = 86_400_000;

interface ProductTape {
  /** Oldest first. */
  readonly executions: ExecutionRecord[];
  lastEventMs: number;
}

export class MarketData {
  readonly #context: Context;
  readonly #tapes = new Map<number, ProductTape>();
  /** Per user, per product: the user's executions, oldest first. */
  readonly #mine = new Map<number, Map<number, MyExecutionRecord[]>>();

  constructor(context: Context) {
    this.#context = context;
  }

  #tape(productId: number): ProductTape {
    let tape = this.#tapes.get(productId);
    if (tape === undefined) {
      tape = { executions: [], lastEventMs: this.#context.nowMs() };
      this.#tapes.set(productId, tape);
    }
    return tape;
  }

  record(execution: ExecutionRecord): void {
    const tape = this.#tape(execution.productId);
    tape.executions.push(execution);
    tape.lastEventMs = this.#context.nowMs();
    this.#context.movedProducts.add(execution.productId);
    this.#context.dirtyProducts.add(execution.productId);
  }

  recordMine(execution: MyExecutionRecord): void {
    let byProduct = this.#mine.get(execution.userId);
    if (byProduct === undefined) {
      byProduct = new Map();
      this.#mine.set(execution.userId, byProduct);
    }
    let list = byProduct.get(execution.productId);
    if (list === undefined) {
      list = [];
      byProduct.set(execution.productId, list);
    }
    list.push(execution);
  }

  /** A book change counts as a product event (best prices moved). */
  touch(productId: number): void {
    this.#tape(productId).lastEventMs = this.#context.nowMs();
    this.#context.dirtyProducts.add(productId);
  }

  /** The last traded price, else the catalogue's reference price, else null. */
  lastPrice(product: ProductConfig): Decimal | null {
    const executions = this.#tapes.get(product.id)?.executions;
    const last = executions?.[executions.length - 1];
    return last?.price ?? product.referencePrice;
  }

  newestFirst(productId: number): ExecutionRecord[] {
    return (this.#tapes.get(productId)?.executions ?? []).map((execution) => ({ ...execution })).reverse();
  }

  since(productId: number, timestamp: number, limit: number | undefined): ExecutionRecord[] {
    const executions = this.#tapes.get(productId)?.executions ?? [];
    let low = 0;
    let high = executions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((executions[middle] as ExecutionRecord).createdAt < timestamp) low = middle + 1;
      else high = middle;
    }
    return executions.slice(low, limit === undefined ? undefined : low + limit).map((execution) => ({ ...execution }));
  }

  mine(userId: number, productId: number): MyExecutionRecord[] {
    return (this.#mine.get(userId)?.get(productId) ?? []).map((execution) => ({ ...execution })).reverse();
  }

  /** Every execution of the user on every product, oldest first per product. */
  allMine(userId: number): MyExecutionRecord[] {
    return [...(this.#mine.get(userId)?.values() ?? [])].flat();
  }

  productRecord(product: ProductConfig, book: OrderBook): ProductRecord {
    const nowMs = this.#context.nowMs();
    const tape = this.#tape(product.id);
    const windowStart = nowMs / 1000 - DAY_MS / 1000;
    const executions = tape.executions;
    let volume = ZERO;
    let low: Decimal | null = null;
    let high: Decimal | null = null;
    let index = executions.length - 1;
    for (; index >= 0; index -= 1) {
      const execution = executions[index] as ExecutionRecord;
      if (execution.createdAt <= windowStart) break;
      volume = volume.plus(execution.quantity);
      if (low === null || execution.price.lessThan(low)) low = execution.price;
      if (high === null || execution.price.greaterThan(high)) high = execution.price;
    }
    const beforeWindow = index >= 0 ? (executions[index] as ExecutionRecord) : undefined;
    const last = executions[executions.length - 1];
    const spec = product.spec;
    const marketBid = book.bestPrice('buy');
    const marketAsk = book.bestPrice('sell');
    return {
      id: product.id,
      productType: product.productType,
      code: product.code,
      name: spec.name ?? null,
      currency: product.quote,
      currencyPairCode: product.currencyPairCode,
      symbol: spec.symbol ?? null,
      baseCurrency: product.base,
      quotedCurrency: product.quote,
      pusherChannel: spec.pusherChannel ?? `product_cash_${product.currencyPairCode.toLowerCase()}_${product.id}`,
      tickSize: product.tickSize,
      takerFee: product.takerFee,
      makerFee: product.makerFee,
      disabled: product.disabled,
      marginEnabled: product.marginEnabled,
      cfdEnabled: spec.cfdEnabled ?? false,
      perpetualEnabled: spec.perpetualEnabled ?? false,
      minimumOrderQuantity: product.minimumOrderQuantity,
      fiatMinimumWithdraw:
        spec.fiatMinimumWithdraw === undefined || spec.fiatMinimumWithdraw === null
          ? null
          : new Decimal(spec.fiatMinimumWithdraw),
      marketBid,
      marketAsk,
      lowMarketBid: low ?? marketBid,
      highMarketAsk: high ?? marketAsk,
      volume24h: volume,
      lastPrice24h: beforeWindow?.price ?? product.referencePrice ?? last?.price ?? null,
      lastTradedPrice: last?.price ?? product.referencePrice,
      lastTradedQuantity: last?.quantity ?? null,
      multiplierUp: this.#context.config.bandUp,
      multiplierDown: this.#context.config.bandDown,
      lastEventTimestamp: tape.lastEventMs / 1000,
      timestamp: nowMs / 1000,
    };
  }
}
