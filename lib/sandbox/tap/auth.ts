/**
 * `quoine:auth_request` (quoine-api.md §8.2): `{"path":"/realtime","headers":{"X-Quoine-Auth": JWT}}`.
 * The JWT is checked by the REST server's {@link JwtVerifier} (HS256 only, secret by `token_id`,
 * nonce strictly increasing per token); unlike REST, whose path check only warns, the `path` claim
 * must be `/realtime` (a REST token replayed on the feed is refused).
 *
 * Nonces: by default the tap has its own verifier, so realtime nonces form their own increasing
 * sequence per token, separate from REST's. A client's REST and realtime signers are independent
 * (the SDK's are), and a burst of REST calls can push REST nonces ahead of the clock; a shared
 * sequence would then refuse a correct realtime login. Pass the REST verifier to share it instead.
 * @module
 */
import type { JwtVerifier } from '../server/auth/jwt-verifier.js';
import { AUTH_FAILED_TEXT, NONCE_TOO_SMALL_TEXT } from '../server/settings.js';
import { dataObject } from './protocol.js';

/** The `path` claim a realtime JWT must carry. */
export const REALTIME_PATH = '/realtime';

export type TapAuthResult = { readonly ok: true; readonly userId: number } | { readonly ok: false; readonly message: string };

/** Verifies the data of one `quoine:auth_request`. Never puts the token in the message. */
export function authenticate(verifier: JwtVerifier, data: unknown): TapAuthResult {
  const token = authHeader(dataObject(data)['headers']);
  const result = verifier.verify(token, false);
  if (!result.ok) return { ok: false, message: result.failure === 'nonce' ? NONCE_TOO_SMALL_TEXT : AUTH_FAILED_TEXT };
  if (result.caller.path !== REALTIME_PATH) return { ok: false, message: AUTH_FAILED_TEXT };
  return { ok: true, userId: result.caller.token.userId };
}

/** `X-Quoine-Auth` of the request's `headers`, matched case-insensitively like an HTTP header. */
function authHeader(headers: unknown): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'x-quoine-auth' && typeof value === 'string') return value;
  }
  return undefined;
}
