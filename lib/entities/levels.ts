import {
  WireValueError,
  wireDecimalText,
  fromDecimal,
  toDecimal,
  type WireCodec,
  type WireConverter,
} from '../core/wire-values.js';
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

/**
 * A ladder as exact decimal texts, in the order sent: level `i` is `prices[i]` × `quantities[i]`.
 * What a live order book keeps, building a {@link PriceLevel} only when one is read.
 * @internal
 */
export interface LevelTexts {
  readonly prices: readonly string[];
  readonly quantities: readonly string[];
}

/**
 * `[["price", "quantity"], …]` → {@link LevelTexts}, refusing exactly what {@link toLevels}
 * refuses, with the same messages, but building no Decimal (see `wireDecimalText`).
 * @internal
 */
export const toLevelTexts: WireConverter<LevelTexts> = (value) => {
  if (!Array.isArray(value)) throw new WireValueError('expected an array of [price, quantity] levels');
  const n = value.length;
  const prices = new Array<string>(n);
  const quantities = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const level: unknown = value[i];
    if (!Array.isArray(level) || level.length < 2) throw new WireValueError(`[${i}]: expected [price, quantity]`);
    try {
      prices[i] = wireDecimalText(level[0]);
      quantities[i] = wireDecimalText(level[1]);
    } catch (e) {
      throw new WireValueError(`[${i}]: ${(e as Error).message}`);
    }
  }
  return { prices, quantities };
};

/**
 * The {@link PriceLevel}s of a ladder's texts: what {@link toLevels} reads from the same
 * `[[price, quantity], …]` strings, with the same errors, without the pairs being built first
 * (the realtime ladder reader hands texts it has already checked).
 * @internal
 */
export function levelsOfTexts(texts: LevelTexts): PriceLevel[] {
  const { prices, quantities } = texts;
  const levels = new Array<PriceLevel>(prices.length);
  for (let i = 0; i < prices.length; i++) {
    try {
      levels[i] = new PriceLevel(toDecimal(prices[i]), toDecimal(quantities[i]));
    } catch (e) {
      throw new WireValueError(`[${i}]: ${(e as Error).message}`);
    }
  }
  return levels;
}

/** Levels written back as the wire sends them: `[["price", "quantity"], …]`, exact strings. */
export const levelsCodec: WireCodec<PriceLevel[]> = {
  read: toLevels,
  write: (levels) => levels.map((l) => [fromDecimal(l.price), fromDecimal(l.quantity)]),
};
