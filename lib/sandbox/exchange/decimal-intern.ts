/**
 * One shared {@link Decimal} per value for what the exchange keeps for long (the money of finished
 * orders): a replayed day repeats the same lots, prices and fees, and each Decimal with its digit
 * array costs ~110 bytes. Decimals are immutable, so sharing one is safe. The table is bounded:
 * when full it starts over (a value then just gets a new shared copy).
 * @module
 */
import type { Decimal } from './decimal.js';

const CAPACITY = 65_536;
const TABLE = new Map<string, Decimal>();

/** The shared Decimal equal to `value` (`value` itself the first time). -0 is kept apart from 0. */
export function interned(value: Decimal): Decimal {
  const key = value.isZero() && value.isNegative() ? '-0' : value.toFixed();
  const shared = TABLE.get(key);
  if (shared !== undefined) return shared;
  if (TABLE.size === CAPACITY) TABLE.clear();
  TABLE.set(key, value);
  return value;
}
