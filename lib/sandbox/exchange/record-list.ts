/**
 * {@link RecordList}s over what the exchange keeps: by position, or filtered, newest first.
 * @module
 */
import type { RecordList } from './records.js';

/** `Array.slice`'s reading of `start` and `end` for a list of `length` items: `[from, to)`. */
function bounds(length: number, start = 0, end = length): readonly [number, number] {
  const clamp = (index: number): number =>
    index < 0 ? Math.max(0, length + index) : Math.min(Math.trunc(index) || 0, length);
  return [clamp(start), clamp(end)];
}

/** The list whose item `index` is `at(index)`, built on demand. */
export function listOf<T>(length: number, at: (index: number) => T): RecordList<T> {
  return {
    length,
    slice(start?: number, end?: number): T[] {
      const [from, to] = bounds(length, start, end);
      const items: T[] = [];
      for (let index = from; index < to; index += 1) items.push(at(index));
      return items;
    },
  };
}

/**
 * The items of `stored` (oldest first) that pass `keep`, newest first, as records made by
 * `record` (see {@link filteredList}).
 */
export function newestFirst<S, T>(
  stored: readonly S[],
  record: (item: S) => T,
  keep?: (item: S) => boolean,
): RecordList<T> {
  const last = stored.length - 1;
  return filteredList(stored.length, (index) => stored[last - index] as S, record, keep);
}

/**
 * The items `itemAt(0 .. count - 1)` that pass `keep`, in that order, as records made by `record`.
 * Without a filter it is a view by position; with one, `length` counts the matches (once) and
 * `slice` walks from the first item to the end of the part taken: never a copy of the whole list.
 */
export function filteredList<S, T>(
  count: number,
  itemAt: (index: number) => S,
  record: (item: S) => T,
  keep?: (item: S) => boolean,
): RecordList<T> {
  if (keep === undefined) return listOf(count, (index) => record(itemAt(index)));
  let matches: number | undefined;
  return {
    get length(): number {
      if (matches === undefined) {
        matches = 0;
        for (let index = 0; index < count; index += 1) if (keep(itemAt(index))) matches += 1;
      }
      return matches;
    },
    slice(start?: number, end?: number): T[] {
      const [from, to] =
        (start ?? 0) < 0 || (end ?? 0) < 0 ? bounds(this.length, start, end) : [start ?? 0, end ?? Infinity];
      const items: T[] = [];
      let seen = 0;
      for (let index = 0; index < count && seen < to; index += 1) {
        const item = itemAt(index);
        if (!keep(item)) continue;
        if (seen >= from) items.push(record(item));
        seen += 1;
      }
      return items;
    },
  };
}

/**
 * The items `iterate()` yields, as records made by `record`: `length` walks the sequence once (and
 * remembers), `slice` walks it to the end of the part taken. For lists merged from several stores.
 */
export function sequenceList<S, T>(iterate: () => Iterable<S>, record: (item: S) => T): RecordList<T> {
  let count: number | undefined;
  return {
    get length(): number {
      if (count === undefined) {
        count = 0;
        for (const _item of iterate()) count += 1;
      }
      return count;
    },
    slice(start?: number, end?: number): T[] {
      const [from, to] =
        (start ?? 0) < 0 || (end ?? 0) < 0 ? bounds(this.length, start, end) : [start ?? 0, end ?? Infinity];
      const items: T[] = [];
      let seen = 0;
      for (const item of iterate()) {
        if (seen >= to) break;
        if (seen >= from) items.push(record(item));
        seen += 1;
      }
      return items;
    },
  };
}
