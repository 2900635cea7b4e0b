import type { LosslessNumber } from 'lossless-json';
import { rawNumber } from '../json.js';

/** Anything that prints its exact value with `toFixed()` (the exchange's Decimal). */
export interface ExactNumber {
  toFixed(): string;
}

/**
 * The exact text of a decimal as the Rails server printed BigDecimals: at least one fractional
 * digit (`"976382.0"`, `"0.0"`, `"0.01"`), never an exponent.
 */
export function decimalText(value: ExactNumber): string {
  const fixed = value.toFixed();
  return fixed.includes('.') ? fixed : `${fixed}.0`;
}

/** A decimal as a JSON string (`"976382.5"`), or null. */
export function text(value: ExactNumber | null | undefined): string | null {
  return value === null || value === undefined ? null : decimalText(value);
}

/** A decimal as a raw JSON number written from its exact text (`976382.5`), or null. */
export function number(value: ExactNumber | null | undefined): LosslessNumber | null {
  return value === null || value === undefined ? null : rawNumber(decimalText(value));
}

/** A decimal as a JSON number when `asNumber`, else as a string: one profile switch per field. */
export function decimal(value: ExactNumber | null | undefined, asNumber: boolean): LosslessNumber | string | null {
  return asNumber ? number(value) : text(value);
}

/** Unix seconds (possibly fractional) as the integer seconds of `created_at`-style fields. */
export function epochSeconds(seconds: number): number {
  return Math.floor(seconds);
}

/** Unix seconds as the `"1596962820.000797146"`-style text of `timestamp` fields. */
export function timestampText(seconds: number): string {
  const milliseconds = Math.round(seconds * 1000);
  return `${Math.floor(milliseconds / 1000)}.${String(milliseconds % 1000).padStart(3, '0')}`;
}

/** What the docs print for an unset stop loss / take profit (`"0.0"`). */
export const ZERO_TEXT = '0.0';
