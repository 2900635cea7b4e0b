import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { parseRequestJson } from '../wire/json.js';
import { NonceTracker, parseNonce } from './nonce-tracker.js';
import type { SandboxToken, TokenRegistry } from './token-registry.js';

/** Why a request was refused: a bad token (any reason), or a nonce that did not increase. */
export type AuthFailure = 'authentication' | 'nonce';

/** A verified caller. */
export interface VerifiedCaller {
  readonly token: SandboxToken;
  /** The `path` claim, for the lenient path check (a mismatch only warns, quoine-api.md §2.1). */
  readonly path: string | undefined;
}

export type AuthResult = { readonly ok: true; readonly caller: VerifiedCaller } | { readonly ok: false; readonly failure: AuthFailure };

/**
 * Verifies `X-Quoine-Auth` JWTs: HS256 only (no `none`, no other algorithm), secret looked up by
 * the `token_id` claim (string or number), nonce strictly increasing per token.
 */
export class JwtVerifier {
  private readonly nonces = new NonceTracker();
  /**
   * One HMAC key object per secret: jsonwebtoken first tries to read a string secret as a PEM
   * key, which costs ~1 ms per verification (measured in bench/placement); a KeyObject skips that.
   */
  private readonly keys = new Map<string, KeyObject>();

  constructor(private readonly tokens: TokenRegistry) {}

  /**
   * @param nonceExempt the request is a POST /orders carrying a `client_order_id`: the nonce may be
   *   absent and, as the docs allow parallel placement this way, is not compared (the exchange
   *   enforces the id's uniqueness instead).
   */
  private keyOf(secret: string): KeyObject {
    let key = this.keys.get(secret);
    if (key === undefined) {
      key = createSecretKey(Buffer.from(secret, 'utf8'));
      this.keys.set(secret, key);
    }
    return key;
  }

  verify(header: string | undefined, nonceExempt: boolean): AuthResult {
    const refused: AuthResult = { ok: false, failure: 'authentication' };
    if (header === undefined || header === '') return refused;
    const claims = readClaims(header);
    if (claims === undefined) return refused;
    const tokenId = claimText(claims['token_id']);
    const token = tokenId === undefined ? undefined : this.tokens.find(tokenId);
    if (token === undefined) return refused;
    try {
      jwt.verify(header, this.keyOf(token.secret), { algorithms: ['HS256'] });
    } catch {
      return refused;
    }
    const path = claimText(claims['path']);
    const caller: VerifiedCaller = { token, path };
    if (nonceExempt) return { ok: true, caller };
    const nonceText = claimText(claims['nonce']);
    const nonce = nonceText === undefined ? undefined : parseNonce(nonceText);
    if (nonce === undefined) return refused;
    if (!this.nonces.accept(token.tokenId, nonce)) return { ok: false, failure: 'nonce' };
    return { ok: true, caller };
  }
}

/**
 * The payload read losslessly (jsonwebtoken's own decode goes through JSON.parse, which rounds
 * nanosecond nonces). Unverified: signature checking is left to `jwt.verify`.
 */
export function readClaims(token: string): Record<string, unknown> | undefined {
  const segments = token.split('.');
  if (segments.length !== 3 || segments[1] === undefined) return undefined;
  try {
    const payload = parseRequestJson(Buffer.from(segments[1], 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The unverified `token_id` claim of a token, e.g. to key a rate limit before verification. */
export function unverifiedTokenId(token: string): string | undefined {
  const claims = readClaims(token);
  return claims === undefined ? undefined : claimText(claims['token_id']);
}

/** A claim that is a string, or a number (already its source text after lossless parsing). */
function claimText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
