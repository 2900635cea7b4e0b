/**
 * Request signing: a JWT (HS256) over `{ path, nonce, token_id }` per request, as the exchange
 * requires. The secret lives in a private field of {@link Signer}; nothing else holds it.
 * @module
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { QuoineRequestError } from './errors.js';
import { redactorFor, type Redactor } from './scrub.js';

/**
 * Strictly increasing nonces in milliseconds, for the signing lane of one process
 * (`LocalCoordinator`): `max(Date.now(), last + 1)`. Never goes back on a
 * clock step, never repeats within a millisecond, and stays on the millisecond scale that other
 * clients of the same token use (a larger scale would poison the token for them).
 */
export class NonceSource {
  #last = 0;

  /** The next nonce. */
  next(): number {
    this.#last = Math.max(Date.now(), this.#last + 1);
    return this.#last;
  }
}

/** Signs request paths for one API token. */
export class Signer {
  readonly #tokenId: string | number;
  /**
   * The secret as an HMAC key object: jsonwebtoken first tries to parse a string secret as a PEM
   * key, which costs ~1 ms per signature; a KeyObject signs in microseconds (bench/placement).
   */
  readonly #key: KeyObject;
  /** Kept only to scrub it from errors (see {@link redactor}). */
  readonly #secret: string;

  /**
   * @param tokenId the API token id
   * @param secret the API token secret
   */
  constructor(tokenId: string | number, secret: string) {
    if ((typeof tokenId !== 'string' && typeof tokenId !== 'number') || String(tokenId).trim() === '') {
      throw new QuoineRequestError('tokenId must be a non-empty string or number', 'tokenId');
    }
    if (typeof secret !== 'string' || secret === '') {
      throw new QuoineRequestError('secret must be a non-empty string', 'secret');
    }
    this.#tokenId = tokenId;
    this.#secret = secret;
    this.#key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  /** The token id (not secret; it is in every JWT). */
  get tokenId(): string | number {
    return this.#tokenId;
  }

  /**
   * A JWT for `path` (including its query string) carrying `nonce`, which the caller takes from
   * the token's signing lane (see `core/coordinator.ts`). Without a nonce the JWT has none: only
   * for placements the exchange exempts (`POST /orders` with a `client_order_id`).
   */
  sign(path: string, nonce: number | undefined): string {
    const payload = nonce === undefined ? { path, token_id: this.#tokenId } : { path, nonce, token_id: this.#tokenId };
    return jwt.sign(payload, this.#key, { algorithm: 'HS256', noTimestamp: true });
  }

  /**
   * A redactor for errors of a call: removes the secret, `token` (the JWT sent on that attempt)
   * and its signature segment alone, however they are echoed (whole, split or cut into runs of
   * 16+ characters, base64- or base64url-encoded; see {@link redactorFor}), and every
   * JWT-shaped string.
   */
  redactor(token?: string): Redactor {
    // Made on first use: every call gets a redactor, and almost none ever uses it.
    let redact: Redactor | undefined;
    return (text) => (redact ??= redactorFor([this.#secret, token, token?.split('.')[2]]))(text);
  }

  /** Never show the secret. */
  toJSON(): Record<string, unknown> {
    return { tokenId: this.#tokenId };
  }
}
