import { HttpError } from './responses.js';

/** Request parameters: JSON values with every number kept as its source text. */
export type Params = Readonly<Record<string, unknown>>;

/**
 * The resource's fields whether the body was wrapped (`{"order": {...}}`, Rails `wrap_parameters`)
 * or flat. Top-level fields stay visible (e.g. `auth_code` beside `crypto_withdrawal`); the wrapped
 * ones win.
 */
export function unwrap(params: Params, wrapper: string): Params {
  const inner = params[wrapper];
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return params;
  // The usual body is the wrapper alone: its fields, without the merge below (an object spread
  // followed by more properties costs microseconds per call in V8).
  const keys = Object.keys(params);
  if (keys.length === 1 && keys[0] === wrapper) return { ...(inner as Params) };
  const { [wrapper]: _wrapped, ...outer } = params;
  // eslint-disable-next-line no-restricted-syntax -- the rare mixed body: spread keeps own `__proto__` keys as data, where Object.assign would set the prototype
  return { ...outer, ...(inner as Params) };
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^\d{1,15}$/;

/** A parameter that is present (not undefined, null or an empty string). */
function present(params: Params, name: string): unknown {
  const value = params[name];
  return value === undefined || value === null || value === '' ? undefined : value;
}

/**
 * A decimal parameter as its exact text (a JSON number's source text or a numeric string), for the
 * exchange's Decimal. Missing and required: 400 missing parameters; not a number: 422
 * `{"errors":{name:["is_not_a_number"]}}` (Rails' numericality message, snake-cased like the
 * exchange's other codes: `is_invalid`, `has_already_been_taken`).
 */
export function decimalParam(params: Params, name: string): string;
export function decimalParam(params: Params, name: string, optional: 'optional'): string | undefined;
export function decimalParam(params: Params, name: string, optional?: 'optional'): string | undefined {
  const value = present(params, name);
  if (value === undefined) {
    if (optional) return undefined;
    throw HttpError.missingParameters();
  }
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (text === undefined || !DECIMAL.test(text)) throw HttpError.invalid(name, 'is_not_a_number');
  return text;
}

/** An id parameter (number or numeric string) as a safe integer; 400 when missing and required. */
export function idParam(params: Params, name: string): number;
export function idParam(params: Params, name: string, optional: 'optional'): number | undefined;
export function idParam(params: Params, name: string, optional?: 'optional'): number | undefined {
  const value = present(params, name);
  if (value === undefined) {
    if (optional) return undefined;
    throw HttpError.missingParameters();
  }
  const id = typeof value === 'string' ? parseId(value.trim()) : undefined;
  if (id === undefined) throw HttpError.invalid(name, 'is_invalid');
  return id;
}

/** An integer parameter (leverage levels), number or numeric string. */
export function integerParam(params: Params, name: string): number;
export function integerParam(params: Params, name: string, optional: 'optional'): number | undefined;
export function integerParam(params: Params, name: string, optional?: 'optional'): number | undefined {
  return optional ? idParam(params, name, 'optional') : idParam(params, name);
}

/** A string parameter; 400 when missing and required. */
export function stringParam(params: Params, name: string): string;
export function stringParam(params: Params, name: string, optional: 'optional'): string | undefined;
export function stringParam(params: Params, name: string, optional?: 'optional'): string | undefined {
  const value = present(params, name);
  if (value === undefined) {
    if (optional) return undefined;
    throw HttpError.missingParameters();
  }
  if (typeof value !== 'string') throw HttpError.invalid(name, 'is_invalid');
  return value;
}

/** One of a fixed set of strings; 422 `is_invalid` otherwise. */
export function enumParam<T extends string>(params: Params, name: string, allowed: readonly T[]): T;
export function enumParam<T extends string>(
  params: Params,
  name: string,
  allowed: readonly T[],
  optional: 'optional',
): T | undefined;
export function enumParam<T extends string>(
  params: Params,
  name: string,
  allowed: readonly T[],
  optional?: 'optional',
): T | undefined {
  const value = optional ? stringParam(params, name, 'optional') : stringParam(params, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw HttpError.invalid(name, 'is_invalid');
  return value as T;
}

/** A boolean: JSON true/false, or "true"/"false"/"1"/"0" (a flat form body may stringify it). */
export function booleanParam(params: Params, name: string): boolean {
  const value = present(params, name);
  if (value === true || value === 'true' || value === '1') return true;
  if (value === false || value === 'false' || value === '0') return false;
  if (value === undefined) throw HttpError.missingParameters();
  throw HttpError.invalid(name, 'is_invalid');
}

/** A path id: a decimal integer, or `undefined` (the route then answers 404). */
export function parseId(text: string): number | undefined {
  return INTEGER.test(text) ? Number(text) : undefined;
}

/** The query string as parameters (GET endpoints read their filters here). */
export function queryParams(query: URLSearchParams): Params {
  return Object.fromEntries(query);
}

/** A Unix-seconds query filter (`timestamp`, `timestamp_gte`…): digits with an optional fraction. */
export function secondsParam(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (!/^\d{1,12}(\.\d{1,9})?$/.test(value)) throw HttpError.invalid(name, 'is_invalid');
  return Number(value);
}

/** A query flag such as `with_details=1` (ccxt sends `with_details=true`). */
export function flagParam(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  return value === '1' || value === 'true';
}
