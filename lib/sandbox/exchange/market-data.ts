/**
 * Public market data: each product's executions (an {@link ExecutionTape}: compact columns, records
 * built for the rows asked for), each user's own executions, and the statistics that move with them.
 * @module
 */
import type { ProductConfig } from './config.js';
import type { Context } from './context.js';
import { Decimal } from './decimal.js';
import { ExecutionTape } from './execution-tape.js';
import { Fills } from './fills.js';
import type { OrderBook } from './order-book.js';
import type { OrderState } from './order-state.js';
import { listOf } from './record-list.js';
import type { ExecutionRecord, MyExecutionRecord, ProductRecord, RecordList } from './records.js';

const DAY_MS = 86_400_000;

interface ProductTape {
  readonly executions: ExecutionTape;
  lastEventMs: number;
}

export class MarketData {
  readonly #context: Context;
  readonly #tapes = new Map<number, ProductTape>();
  /** Every order's fills (a user's executions, an order's executions), records built on reading. */
  readonly fills = new Fills((productId) => this.#tape(productId).executions);

  constructor(context: Context) {
    this.#context = context;
  }

  #tape(productId: number): ProductTape {
    let tape = this.#tapes.get(productId);
    if (tape === undefined) {
      tape = { executions: new ExecutionTape(productId), lastEventMs: this.#context.nowMs() };
      this.#tapes.set(productId, tape);
    }
    return tape;
  }

  /** Appends the execution to its product's tape; answers its row there. */
  record(execution: ExecutionRecord): number {
    const tape = this.#tape(execution.productId);
    tape.executions.append(execution);
    tape.lastEventMs = this.#context.nowMs();
    this.#context.movedProducts.add(execution.productId);
    this.#context.markProduct(execution.productId);
    return tape.executions.length - 1;
  }

  /** The order's side of the execution at `tapeRow` of its product's tape. */
  recordMine(order: OrderState, tapeRow: number): void {
    this.fills.add(order, tapeRow);
  }

  /** A book change counts as a product event (best prices moved). */
  touch(productId: number): void {
    this.#tape(productId).lastEventMs = this.#context.nowMs();
    this.#context.markProduct(productId);
  }

  /** The last traded price, else the catalogue's reference price, else null. */
  lastPrice(product: ProductConfig): Decimal | null {
    return this.#tapes.get(product.id)?.executions.lastPrice ?? product.referencePrice;
  }

  /** The product's public executions, newest first. */
  newestFirst(productId: number): RecordList<ExecutionRecord> {
    const tape = this.#tapes.get(productId)?.executions;
    if (tape === undefined) return listOf(0, () => undefined as never);
    const last = tape.length - 1;
    return listOf(tape.length, (index) => tape.at(last - index));
  }

  /** At most `limit` executions at or after `timestamp` (Unix seconds), oldest first. */
  since(productId: number, timestamp: number, limit: number | undefined): ExecutionRecord[] {
    const tape = this.#tapes.get(productId)?.executions;
    if (tape === undefined) return [];
    const first = tape.firstAtOrAfter(timestamp);
    const end = limit === undefined ? tape.length : Math.min(tape.length, first + limit);
    const records: ExecutionRecord[] = [];
    for (let row = first; row < end; row += 1) records.push(tape.at(row));
    return records;
  }

  /** The user's executions on the product, newest first. */
  mine(userId: number, productId: number): RecordList<MyExecutionRecord> {
    return this.fills.mine(userId, productId);
  }

  /** Every execution of the user on every product, oldest first per product, as fresh records. */
  allMine(userId: number): Iterable<MyExecutionRecord> {
    return this.fills.allMine(userId);
  }

  productRecord(product: ProductConfig, book: OrderBook): ProductRecord {
    const nowMs = this.#context.nowMs();
    const tape = this.#tape(product.id);
    const windowStart = nowMs / 1000 - DAY_MS / 1000;
    const executions = tape.executions;
    // The rolling 24 h window: the rows after its start (binary search), summed per block.
    const start = executions.firstAfter(windowStart);
    const { volume, low, high } = executions.statisticsFrom(start);
    const beforeWindow = start > 0 ? executions.price(start - 1) : undefined;
    const lastPrice = executions.lastPrice ?? undefined;
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
      lastPrice24h: beforeWindow ?? product.referencePrice ?? lastPrice ?? null,
      lastTradedPrice: lastPrice ?? product.referencePrice,
      lastTradedQuantity: executions.lastQuantity,
      multiplierUp: this.#context.config.bandUp,
      multiplierDown: this.#context.config.bandDown,
      lastEventTimestamp: tape.lastEventMs / 1000,
      timestamp: nowMs / 1000,
    };
  }
}
