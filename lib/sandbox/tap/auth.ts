/**
 * `quoine:auth_request` (quoine-api.md §8.2): `{"path":"/realtime","headers":{"X-Quoine-Auth": JWT}}`.
 * The JWT's signature and claims are checked by the {@link JwtVerifier} (HS256 only, secret by
 * `token_id`, an integer nonce); the `path` claim must be `/realtime` (a REST token replayed on the
 * feed is refused). Then {@link RealtimeLogins} decides on the nonce: a new JWT must carry a nonce
 * above the token's last, while the JWT a client built at login may be re-sent after a reconnect
 * once its previous connection has closed — never while it still authenticates an open one.
 * Refusals answer `API Authentication failed`, or `Nonce is too small` for a nonce not above the
 * last and for a JWT still held by another open connection (what the exchange said for a replay).
 *
 * Nonces: by default the tap has its own verifier, so realtime nonces form their own increasing
 * sequence per token, separate from REST's. A client's REST and realtime signers are independent
 * (the SDK's are), and a burst of REST calls can push REST nonces ahead of the clock; a shared
 * sequence would then refuse a correct realtime login. Pass the REST verifier to share it instead.
 * @module
 */
import type { JwtVerifier } from '../auth/jwt-verifier.js';
import { AUTH_FAILED_TEXT, NONCE_TOO_SMALL_TEXT } from '../settings.js';
import { dataObject } from './protocol.js';
import type { RealtimeLease, RealtimeLogins } from './realtime-logins.js';

/** The `path` claim a realtime JWT must carry. */
export const REALTIME_PATH = '/realtime';

export type TapAuthResult =
  | { readonly ok: true; readonly userId: number; readonly lease: RealtimeLease }
  | { readonly ok: false; readonly message: string };

/** Verifies the data of one `quoine:auth_request`. Never puts the token in the message. */
export function authenticate(verifier: JwtVerifier, logins: RealtimeLogins, data: unknown): TapAuthResult {
  const token = authHeader(dataObject(data)['headers']);
  const verified = verifier.verifyWithoutNonce(token);
  if (!verified.ok || token === undefined || verified.caller.path !== REALTIME_PATH)
    return { ok: false, message: AUTH_FAILED_TEXT };
  const bound = logins.bind(token, verified.caller);
  if (!bound.ok)
    return { ok: false, message: bound.failure === 'authentication' ? AUTH_FAILED_TEXT : NONCE_TOO_SMALL_TEXT };
  return { ok: true, userId: verified.caller.token.userId, lease: bound.lease };
}

/** `X-Quoine-Auth` of the request's `headers`, matched case-insensitively like an HTTP header. */
function authHeader(headers: unknown): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'x-quoine-auth' && typeof value === 'string') return value;
  }
  return undefined;
}
