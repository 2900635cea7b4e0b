/**
 * Lists the exchange answers without copying them.
 * @module
 */

/**
 * A list in its endpoint's order that builds records only for the part taken: `length` items, and
 * `slice` as an array's (an array is one). A server pages it without copying the whole list.
 * @group Exchange records
 */
export interface RecordList<T> {
  /** How many items the whole list has. */
  readonly length: number;
  /** Fresh records of the items from `start` (default 0) up to `end` (default the length), like `Array.slice`. */
  slice(start?: number, end?: number): T[];
}
