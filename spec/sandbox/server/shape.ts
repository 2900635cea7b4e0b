// Compares a response body with a fixture by keys and JSON types (not values).
import { readFileSync } from 'node:fs';
import { jsonType, lossless } from './helpers.js';

/** A fixture body parsed losslessly. */
export function fixture(era: 'quoine' | 'liquid', name: string): unknown {
  return lossless(readFileSync(new URL(`../../../fixtures/${era}/${name}.json`, import.meta.url), 'utf8'));
}

/**
 * The differences between `actual` and `expected` in keys and JSON types, as `path: message`
 * lines. `null` on either side matches any type (nullable fields hold null in one sample and a
 * value in another). Every element of an actual array is compared with the fixture's first element;
 * an empty array on either side is not compared further. Keys named in `freeForm` hold objects
 * whose keys vary by row (a fee rule's `conditions`) and are compared by type only.
 */
export function shapeDifferences(
  actual: unknown,
  expected: unknown,
  path = '$',
  freeForm: readonly string[] = [],
): string[] {
  const actualType = jsonType(actual);
  const expectedType = jsonType(expected);
  if (actualType === 'null' || expectedType === 'null') return [];
  if (actualType !== expectedType) return [`${path}: ${actualType}, fixture has ${expectedType}`];
  if (actualType === 'array') {
    const template = (expected as unknown[])[0];
    if (template === undefined) return [];
    return (actual as unknown[]).flatMap((item, index) =>
      shapeDifferences(item, template, `${path}[${index}]`, freeForm),
    );
  }
  if (actualType !== 'object') return [];
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const differences: string[] = [];
  for (const key of Object.keys(e)) if (!(key in a)) differences.push(`${path}.${key}: missing`);
  for (const key of Object.keys(a)) if (!(key in e)) differences.push(`${path}.${key}: not in the fixture`);
  for (const key of Object.keys(e)) {
    if (!(key in a)) continue;
    if (freeForm.includes(key)) {
      if (jsonType(a[key]) !== jsonType(e[key]) && a[key] !== null)
        differences.push(`${path}.${key}: ${jsonType(a[key])}, fixture has ${jsonType(e[key])}`);
    } else {
      differences.push(...shapeDifferences(a[key], e[key], `${path}.${key}`, freeForm));
    }
  }
  return differences;
}
