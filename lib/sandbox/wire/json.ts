import { LosslessNumber, parse, stringify } from 'lossless-json';

/**
 * A value the sandbox can write on the wire. Decimals that a profile prints as JSON numbers are
 * `LosslessNumber`s built from the Decimal's exact text, so they never pass through a JS float.
 */
export type WireValue =
  null | boolean | string | number | LosslessNumber | readonly WireValue[] | { readonly [key: string]: WireValue };

/** A wire object (a JSON object whose values are wire values). */
export type WireObject = Record<string, WireValue>;

/** Raw JSON number text, written verbatim (e.g. `"976382.5"` is written as `976382.5`). */
export function rawNumber(text: string): LosslessNumber {
  return new LosslessNumber(text);
}

/** Serializes a wire value to JSON text; `LosslessNumber`s are written from their source text. */
export function writeJson(value: WireValue): string {
  const text = stringify(value);
  if (text === undefined) throw new TypeError('value is not serializable to JSON');
  return text;
}

/**
 * Parses a request body losslessly: every JSON number arrives as its source text (a string), so
 * `"0.1"` and `0.1` reach Decimal identically and ns-scale integers are not rounded.
 */
export function parseRequestJson(text: string): unknown {
  return parse(text, null, (source: string) => source);
}
