import type { Decimal } from 'decimal.js';
import { WireValueError, toDate, toDecimal, type WireConverter } from '../core/wire-values.js';

/**
 * One OHLC candle (`GET /products/{id}/ohlc`). The exchange's response was never recorded; this
 * reads the rows the sandbox serves: `[start_seconds, open, high, low, close, volume]`.
 * @group Entities
 * @hideconstructor
 */
export class Candle {
  /** Start of the period. */
  readonly start: Date;
  /** First price. */
  readonly open: Decimal;
  /** Highest price. */
  readonly high: Decimal;
  /** Lowest price. */
  readonly low: Decimal;
  /** Last price. */
  readonly close: Decimal;
  /** Quantity traded, in base currency. */
  readonly volume: Decimal;

  /**
   * @param start start of the period
   * @param open first price
   * @param high highest price
   * @param low lowest price
   * @param close last price
   * @param volume quantity traded
   */
  constructor(start: Date, open: Decimal, high: Decimal, low: Decimal, close: Decimal, volume: Decimal) {
    this.start = start;
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.volume = volume;
  }
}

/** `[[start, open, high, low, close, volume], …]` → Candle[]. */
export const toCandles: WireConverter<Candle[]> = (value) => {
  if (!Array.isArray(value)) throw new WireValueError('expected an array of candles');
  return value.map((row, i) => {
    if (!Array.isArray(row) || row.length < 6)
      throw new WireValueError(`[${i}]: expected [start, open, high, low, close, volume]`);
    try {
      const [start, open, high, low, close, volume] = row as unknown[];
      return new Candle(
        toDate(start),
        toDecimal(open),
        toDecimal(high),
        toDecimal(low),
        toDecimal(close),
        toDecimal(volume),
      );
    } catch (e) {
      throw new WireValueError(`[${i}]: ${(e as Error).message}`);
    }
  });
};
