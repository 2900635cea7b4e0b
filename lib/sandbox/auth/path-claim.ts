import { parseTarget } from '../wire/request-target.js';

/**
 * A form of the `path` claim that differs from the request but that a client which worked against
 * the exchange signed (quoine-api.md §2.1), so the sandbox accepts it:
 * - `no-query`: the path without the request's query string (quoinex-go-client signs the path and
 *   puts the query on the URL only). The query is then not covered by the signature.
 * - `trailing-slash`: the path with or without a trailing slash the request lacks or has
 *   (quoinex-go-client signs `/orders/` and requests `/orders`, as Go's `path.Join` drops the slash).
 * - `no-leading-slash`: `orders` for `/orders`.
 * - `full-url`: `https://api.liquid.com/orders` for `/orders` (the threefold client); the scheme
 *   and host are not compared (a sandbox token only works on the sandbox anyway).
 */
export type PathTolerance = 'no-query' | 'trailing-slash' | 'no-leading-slash' | 'full-url';

/**
 * How a `path` claim relates to the request: `exact`, accepted through `tolerances`, or refused
 * (another endpoint, another query, no claim at all).
 */
export type PathBinding = { readonly ok: true; readonly tolerances: readonly PathTolerance[] } | { readonly ok: false };

/**
 * Binds a verified token's `path` claim to the request: the claim must name the requested path
 * (after the same URL normalization as the request line), and its query, when it has one, must be
 * the request's query exactly. Only the tolerances of {@link PathTolerance} are accepted.
 */
export function bindPathClaim(claim: string | undefined, request: URL): PathBinding {
  if (claim === undefined) return { ok: false };
  const tolerances: PathTolerance[] = [];
  let target = claim;
  if (/^https?:\/\//i.test(claim)) tolerances.push('full-url');
  else if (!claim.startsWith('/')) {
    tolerances.push('no-leading-slash');
    target = `/${claim}`;
  }
  const signed = parseTarget(target);
  if (signed === undefined) return { ok: false };
  if (signed.pathname !== request.pathname) {
    if (withoutTrailingSlash(signed.pathname) !== withoutTrailingSlash(request.pathname)) return { ok: false };
    tolerances.push('trailing-slash');
  }
  if (!claim.includes('?')) {
    if (request.search !== '') tolerances.push('no-query');
  } else if (signed.search !== request.search) {
    return { ok: false };
  }
  return { ok: true, tolerances };
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
