import type { AuthFailure, JwtVerifier, VerifiedCaller } from './jwt-verifier.js';
import { bindPathClaim, type PathTolerance } from './path-claim.js';

/** What REST authentication needs to know about a request to a private route. */
export interface RestRequest {
  readonly method: string;
  /** The parsed request target. */
  readonly url: URL;
  /** The matched route's template, e.g. `/orders`. */
  readonly template: string;
  /** The body's `client_order_id` (wrapped or not), when it is a non-empty string. */
  readonly clientOrderId: string | undefined;
}

export type RestAuthResult =
  | { readonly ok: true; readonly caller: VerifiedCaller; readonly tolerances: readonly PathTolerance[] }
  | { readonly ok: false; readonly failure: AuthFailure };

/**
 * Authenticates a REST request, in this order (a refusal at any step records nothing):
 * 1. signature and claims ({@link JwtVerifier.verifyWithoutNonce});
 * 2. the `path` claim names this request's endpoint ({@link bindPathClaim}): a realtime JWT
 *    (`/realtime`) or one signed for another endpoint or query is refused;
 * 3. the nonce: when present it is always compared and recorded; it may be absent only on
 *    `POST /orders` with a `client_order_id` (quoine-api.md §2.1; step 2 has bound the claim to
 *    `/orders`), whose uniqueness among the user's last 100 the exchange then enforces
 *    (422 `client_order_id: has_already_been_taken`: a replay with a used id never places an order).
 */
export function authenticateRest(
  verifier: JwtVerifier,
  header: string | undefined,
  request: RestRequest,
): RestAuthResult {
  const verified = verifier.verifyWithoutNonce(header);
  if (!verified.ok) return verified;
  const binding = bindPathClaim(verified.caller.path, request.url);
  if (!binding.ok) return { ok: false, failure: 'authentication' };
  const nonceOptional =
    request.method === 'POST' && request.template === '/orders' && request.clientOrderId !== undefined;
  const accepted = verifier.acceptNonce(verified.caller, nonceOptional);
  return accepted.ok ? { ok: true, caller: accepted.caller, tolerances: binding.tolerances } : accepted;
}
