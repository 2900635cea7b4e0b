/** The base every origin-form target is resolved against (the host part is never used). */
const BASE = 'http://sandbox';

/**
 * A request target (`/orders?product_id=1`, or the absolute form `http://host/orders`) parsed
 * without ever throwing: `undefined` when it is not a target the API can have (`*`, `//x:99999`,
 * a bare word…), which the server answers with 400. The JWT `path` claim is parsed the same way,
 * so a signed path and a requested one compare after the same normalization.
 */
export function parseTarget(target: string): URL | undefined {
  try {
    if (target.startsWith('/')) return new URL(BASE + target);
    if (/^https?:\/\//i.test(target)) return new URL(target);
  } catch {
    return undefined;
  }
  return undefined;
}
