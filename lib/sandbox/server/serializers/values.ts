import type { LosslessNumber } from 'lossless-json';
import { rawNumber } from '../wire/json.js';

/** Anything that prints its exact value with `toFixed()` (the exchange's Decimal). */
export interface ExactNumber {
  toFixed(): string;
}

/** A decimal as a JSON string (`"976382.5"`), or null. */
export function text(value: ExactNumber | null | undefined): string | null {
  return value === null || value === undefined ? null : value.toFixed();
}

/** A decimal as a raw JSON number written from its exact text (`976382.5`), or null. */
export function number(value: ExactNumber | null | undefined): LosslessNumber | null {
  return value === null || value === undefined ? null : rawNumber(value.toFixed());
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
