/**
 * What the compact stores share: small tables of repeated strings (currencies, statuses, source
 * actions; a column keeps a value's index in a typed array, the table gives the value back), and
 * the check that an id fits a uint32 column.
 * @module
 */
export class StringTable<T extends string | null> {
  readonly #values: T[] = [];
  readonly #indexes = new Map<T, number>();
  /** How many values the column holding the indexes can tell apart. */
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The value last asked for and its index: columns write runs of one value (a side, a status). */
  #lastValue: T | undefined;
  #lastIndex = 0;

  indexOf(value: T): number {
    if (value === this.#lastValue) return this.#lastIndex;
    let index = this.#indexes.get(value);
    if (index === undefined) {
      index = this.#values.length;
      if (index === this.#limit) throw new Error(`string table: more than ${this.#limit} distinct values`);
      this.#values.push(value);
      this.#indexes.set(value, index);
    }
    this.#lastValue = value;
    this.#lastIndex = index;
    return index;
  }

  at(index: number): T {
    return this.#values[index] as T;
  }
}

/** An id as a column of uint32 keeps it: the exchange's ids are sequence numbers well below 2^32. */
export function uint32Id(id: number): number {
  if (!Number.isInteger(id) || id < 0 || id > 0xffff_ffff) throw new Error(`id ${id} does not fit a uint32 column`);
  return id;
}
