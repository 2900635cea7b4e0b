/**
 * One product's public executions, oldest first, in columns: id and time as doubles, price and
 * quantity as scaled integers ({@link DecimalColumn}), the taker's side as a byte: 43 bytes an
 * execution and no heap object per row (the arrays double as they fill, so up to twice that).
 * Records are built only for the rows asked for. Times are assumed not to go backwards (the clock
 * of one exchange); `timestamp` queries and the rolling 24 h window find their start by binary
 * search, and the window's statistics are summed per block of {@link BLOCK} rows.
 * @module
 */
import { Decimal, ZERO, compareDecimals } from './decimal.js';
import { DecimalColumn } from './decimal-column.js';
import type { ExecutionRecord } from './records.js';

/** Rows per block of the 24 h statistics. */
const BLOCK = 512;
const FIRST_CAPACITY = 64;

/** Volume, low and high of a run of executions. */
export interface TapeStatistics {
  readonly volume: Decimal;
  readonly low: Decimal | null;
  readonly high: Decimal | null;
}

const EMPTY: TapeStatistics = { volume: ZERO, low: null, high: null };

function combine(a: TapeStatistics, volume: Decimal, low: Decimal | null, high: Decimal | null): TapeStatistics {
  return {
    volume: a.volume.plus(volume),
    low: a.low === null || (low !== null && compareDecimals(low, a.low) < 0) ? low : a.low,
    high: a.high === null || (high !== null && compareDecimals(high, a.high) > 0) ? high : a.high,
  };
}

export class ExecutionTape {
  readonly productId: number;
  #length = 0;
  #capacity = FIRST_CAPACITY;
  #ids = new Float64Array(FIRST_CAPACITY);
  #times = new Float64Array(FIRST_CAPACITY);
  #takerBuys = new Uint8Array(FIRST_CAPACITY);
  readonly #prices = new DecimalColumn(FIRST_CAPACITY);
  readonly #quantities = new DecimalColumn(FIRST_CAPACITY);
  /** Statistics of each full block, then of the block being filled. */
  readonly #blocks: TapeStatistics[] = [];
  #open: TapeStatistics = EMPTY;
  /** The last execution's price and quantity as recorded (read on every order's validation). */
  #lastPrice: Decimal | null = null;
  #lastQuantity: Decimal | null = null;

  constructor(productId: number) {
    this.productId = productId;
  }

  get length(): number {
    return this.#length;
  }

  get lastPrice(): Decimal | null {
    return this.#lastPrice;
  }

  get lastQuantity(): Decimal | null {
    return this.#lastQuantity;
  }

  /** Bytes of the columns (capacity included). */
  get byteLength(): number {
    return (
      this.#ids.byteLength +
      this.#times.byteLength +
      this.#takerBuys.byteLength +
      this.#prices.byteLength +
      this.#quantities.byteLength
    );
  }

  append(execution: ExecutionRecord): void {
    if (this.#length === this.#capacity) this.#grow();
    const row = this.#length;
    this.#ids[row] = execution.id;
    this.#times[row] = execution.createdAt;
    this.#takerBuys[row] = execution.takerSide === 'buy' ? 1 : 0;
    this.#prices.set(row, execution.price);
    this.#quantities.set(row, execution.quantity);
    this.#length = row + 1;
    this.#lastPrice = execution.price;
    this.#lastQuantity = execution.quantity;
    this.#open = combine(this.#open, execution.quantity, execution.price, execution.price);
    if (this.#length % BLOCK === 0) {
      this.#blocks.push(this.#open);
      this.#open = EMPTY;
    }
  }

  /** A fresh record of row `row` (0 = oldest). */
  at(row: number): ExecutionRecord {
    const time = this.#times[row] as number;
    // The last row's Decimals are at hand (an order's record reads the fill it just made).
    const last = row === this.#length - 1;
    return {
      id: this.#ids[row] as number,
      productId: this.productId,
      quantity: last ? (this.#lastQuantity as Decimal) : this.#quantities.get(row),
      price: last ? (this.#lastPrice as Decimal) : this.#prices.get(row),
      takerSide: this.#takerBuys[row] === 1 ? 'buy' : 'sell',
      createdAt: time,
      timestamp: time,
    };
  }

  price(row: number): Decimal {
    return this.#prices.get(row);
  }

  /** The first row whose time is at or after `seconds` (the length when none is). */
  firstAtOrAfter(seconds: number): number {
    return this.#search((time) => time < seconds);
  }

  /** The first row whose time is after `seconds`. */
  firstAfter(seconds: number): number {
    return this.#search((time) => time <= seconds);
  }

  /** Volume, low and high of the rows from `start` to the end. */
  statisticsFrom(start: number): TapeStatistics {
    let statistics = EMPTY;
    const fullRows = this.#blocks.length * BLOCK;
    const byRow = (from: number, to: number): void => {
      for (let row = from; row < to; row += 1) {
        const price = this.#prices.get(row);
        statistics = combine(statistics, this.#quantities.get(row), price, price);
      }
    };
    if (start >= fullRows) {
      byRow(start, this.#length);
      return statistics;
    }
    // The rows up to the next block boundary one by one, then whole blocks, then the open block.
    const boundary = Math.ceil(start / BLOCK) * BLOCK;
    byRow(start, boundary);
    for (let block = boundary / BLOCK; block < this.#blocks.length; block += 1) {
      const { volume, low, high } = this.#blocks[block] as TapeStatistics;
      statistics = combine(statistics, volume, low, high);
    }
    if (fullRows < this.#length) statistics = combine(statistics, this.#open.volume, this.#open.low, this.#open.high);
    return statistics;
  }

  /** The first row for which `before(time)` is false (rows where it holds come first). */
  #search(before: (time: number) => boolean): number {
    let low = 0;
    let high = this.#length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (before(this.#times[middle] as number)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  #grow(): void {
    const capacity = this.#capacity * 2;
    const ids = new Float64Array(capacity);
    ids.set(this.#ids);
    this.#ids = ids;
    const times = new Float64Array(capacity);
    times.set(this.#times);
    this.#times = times;
    const takerBuys = new Uint8Array(capacity);
    takerBuys.set(this.#takerBuys);
    this.#takerBuys = takerBuys;
    this.#prices.grow(capacity);
    this.#quantities.grow(capacity);
    this.#capacity = capacity;
  }
}
