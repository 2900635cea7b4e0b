/**
 * Request signing: a JWT (HS256) over `{ path, nonce, token_id }` per request, as the exchange
 * requires. The secret lives in a private field of {@link Signer}; nothing else holds it.
 *
 * The token is written here, byte for byte what `jsonwebtoken.sign(payload, key, { algorithm:
 * 'HS256', noTimestamp: true })` writes (a property spec holds it to that): one HMAC over two
 * base64url texts, without jsonwebtoken's option checks, key checks and stream plumbing, which
 * cost more than the HMAC on every call.
 * @module
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
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

/** The JOSE header of every token, `{"alg":"HS256","typ":"JWT"}`, base64url-encoded. */
const HS256_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' }), 'utf8').toString('base64url');

/** Signs request paths for one API token. */
export class Signer {
  readonly #tokenId: string | number;
  /**
   * The secret as an HMAC key object, made once (a string secret would be imported per HMAC).
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
    const input = `${HS256_HEADER}.${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
    return `${input}.${createHmac('sha256', this.#key).update(input, 'utf8').digest('base64url')}`;
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
