import { WireValueError, fromDecimal, toDecimal, type WireCodec, type WireConverter } from '../core/wire-values.js';
import { PriceLevel } from './price-level.js';

/** `[["price", "quantity"], …]` (strings or numbers) → PriceLevel[]. */
export const toLevels: WireConverter<PriceLevel[]> = (value) => {
  if (!Array.isArray(value)) throw new WireValueError('expected an array of [price, quantity] levels');
  return value.map((level, i) => {
    if (!Array.isArray(level) || level.length < 2) throw new WireValueError(`[${i}]: expected [price, quantity]`);
    try {
      return new PriceLevel(toDecimal(level[0]), toDecimal(level[1]));
    } catch (e) {
      throw new WireValueError(`[${i}]: ${(e as Error).message}`);
    }
  });
};

/** Levels written back as the wire sends them: `[["price", "quantity"], …]`, exact strings. */
export const levelsCodec: WireCodec<PriceLevel[]> = {
  read: toLevels,
  write: (levels) => levels.map((l) => [fromDecimal(l.price), fromDecimal(l.quantity)]),
};
