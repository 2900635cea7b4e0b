/**
 * Builds request paths from user-supplied ids without letting them change the path: each
 * interpolated value is percent-encoded, and `.`/`..` or empty segments are refused.
 * @module
 */
import { QuoineRequestError } from './errors.js';

/** Tagged template: ``path`/orders/${id}/cancel` ``. */
export function path(strings: TemplateStringsArray, ...values: ReadonlyArray<string | number>): string {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const text = String(value);
    if (text === '' || text === '.' || text === '..') {
      throw new QuoineRequestError(`path segment ${JSON.stringify(text)} is not allowed`, 'path');
    }
    out += encodeURIComponent(text) + (strings[i + 1] ?? '');
  });
  return out;
}
