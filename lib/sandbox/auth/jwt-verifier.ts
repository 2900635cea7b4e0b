import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { parseRequestJson } from '../wire/json.js';
import { NonceTracker, parseNonce } from './nonce-tracker.js';
import type { SandboxToken, TokenRegistry } from './token-registry.js';

/** Why a request was refused: a bad token (any reason), or a nonce that did not increase. */
export type AuthFailure = 'authentication' | 'nonce';

/** A caller whose JWT is signed with a known token's secret. */
export interface VerifiedCaller {
  readonly token: SandboxToken;
  /** The `path` claim as signed (bound to the request by the REST server, `/realtime` on the feed). */
  readonly path: string | undefined;
  /** The `nonce` claim as a big integer; `undefined` when the token has none. */
  readonly nonce: bigint | undefined;
}

export type AuthResult =
  { readonly ok: true; readonly caller: VerifiedCaller } | { readonly ok: false; readonly failure: AuthFailure };

const REFUSED: AuthResult = { ok: false, failure: 'authentication' };

/**
 * Verifies `X-Quoine-Auth` JWTs: HS256 only (no `none`, no other algorithm), secret looked up by
 * the `token_id` claim (string or number), nonce strictly increasing per token.
 */
export class JwtVerifier {
  private readonly nonces = new NonceTracker();
  /**
   * One HMAC key object per secret: jsonwebtoken first tries to read a string secret as a PEM
   * key, which costs ~1 ms per verification (measured in bench/placement); a KeyObject skips that.
   * Bounded by the registered tokens (only a known token's secret gets here).
   */
  private readonly keys = new Map<string, KeyObject>();

  constructor(private readonly tokens: TokenRegistry) {}

  /**
   * Checks the signature and the claims WITHOUT comparing or recording the nonce: a known
   * `token_id`, an HS256 signature with its secret, and a nonce, when the token has one, that is
   * an integer. For realtime JWTs, which are bound to one open connection instead of a nonce
   * sequence; REST uses {@link JwtVerifier.verify}. Never throws; remembers nothing about refused tokens.
   */
  verifyWithoutNonce(header: string | undefined): AuthResult {
    if (header === undefined || header === '') return REFUSED;
    const claims = readClaims(header);
    if (claims === undefined) return REFUSED;
    const tokenId = claimText(claims['token_id']);
    const token = tokenId === undefined ? undefined : this.tokens.find(tokenId);
    if (token === undefined) return REFUSED;
    if (!verifiesHs256(header, claims, this.keyOf(token.secret))) return REFUSED;
    let nonce: bigint | undefined;
    if (Object.hasOwn(claims, 'nonce')) {
      const nonceText = claimText(claims['nonce']);
      nonce = nonceText === undefined ? undefined : parseNonce(nonceText);
      if (nonce === undefined) return REFUSED; // present but not an integer: never "absent"
    }
    return { ok: true, caller: { token, path: claimText(claims['path']), nonce } };
  }

  /**
   * Compares and records a verified caller's nonce: a nonce present is always compared with the
   * token's last one and recorded; an absent one is refused unless `nonceOptional`.
   */
  acceptNonce(caller: VerifiedCaller, nonceOptional: boolean): AuthResult {
    if (caller.nonce === undefined) return nonceOptional ? { ok: true, caller } : REFUSED;
    if (!this.nonces.accept(caller.token.tokenId, caller.nonce)) return { ok: false, failure: 'nonce' };
    return { ok: true, caller };
  }

  /**
   * {@link JwtVerifier.verifyWithoutNonce}, then {@link JwtVerifier.acceptNonce}.
   * @param nonceOptional the token may lack a nonce (the REST server passes true only for the
   *   exempt `POST /orders` with a `client_order_id`); a nonce that is present is checked anyway.
   */
  verify(header: string | undefined, nonceOptional: boolean): AuthResult {
    const verified = this.verifyWithoutNonce(header);
    return verified.ok ? this.acceptNonce(verified.caller, nonceOptional) : verified;
  }

  /** How many tokens have a recorded nonce (for memory checks). */
  get trackedNonces(): number {
    return this.nonces.size;
  }

  private keyOf(secret: string): KeyObject {
    let key = this.keys.get(secret);
    if (key === undefined) {
      key = createSecretKey(Buffer.from(secret, 'utf8'));
      this.keys.set(secret, key);
    }
    return key;
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

/** A claim that is a string, or a number (already its source text after lossless parsing). */
function claimText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The compact form jws accepts: three base64url segments, the signature possibly empty. */
const JWS_SHAPE = /^[a-zA-Z0-9\-_]+?\.[a-zA-Z0-9\-_]+?\.([a-zA-Z0-9\-_]+)?$/;

/**
 * What `jwt.verify(token, key, { algorithms: ['HS256'] })` answers, without its second decode of
 * the token: the jws shape, a header whose `alg` is HS256, a signature, and the signature's
 * base64url text equal to the HMAC-SHA256 of `header.payload` (compared as jws compares it).
 * A token with an `exp` or `nbf` claim goes to jsonwebtoken itself, which checks their times.
 */
function verifiesHs256(token: string, claims: Record<string, unknown>, key: KeyObject): boolean {
  if (Object.hasOwn(claims, 'exp') || Object.hasOwn(claims, 'nbf')) {
    try {
      jwt.verify(token, key, { algorithms: ['HS256'] });
      return true;
    } catch {
      return false;
    }
  }
  if (!JWS_SHAPE.test(token)) return false;
  const headerEnd = token.indexOf('.');
  const signatureStart = token.lastIndexOf('.') + 1;
  if (signatureStart === token.length) return false;
  if (!hs256Header(token.slice(0, headerEnd))) return false;
  const expected = Buffer.from(
    createHmac('sha256', key)
      .update(token.slice(0, signatureStart - 1))
      .digest('base64url'),
  );
  const given = Buffer.from(token.slice(signatureStart));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** True when the encoded header is a JSON object whose `alg` is `HS256` (decoded as jws decodes it). */
function hs256Header(encoded: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(encoded, 'base64').toString('binary'));
    return typeof header === 'object' && header !== null && (header as { alg?: unknown }).alg === 'HS256';
  } catch {
    return false;
  }
}
