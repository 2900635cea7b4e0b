/**
 * Small tables of repeated strings (currencies, statuses, source actions) for the compact stores:
 * a column keeps a value's index in a typed array, the table gives the value back.
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

  indexOf(value: T): number {
    let index = this.#indexes.get(value);
    if (index === undefined) {
      index = this.#values.length;
      if (index === this.#limit) throw new Error(`string table: more than ${this.#limit} distinct values`);
      this.#values.push(value);
      this.#indexes.set(value, index);
    }
    return index;
  }

  at(index: number): T {
    return this.#values[index] as T;
  }
}
