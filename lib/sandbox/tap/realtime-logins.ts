/**
 * Which realtime JWT authenticates which open connection. The official client (liquid-tap-python)
 * builds its `quoine:auth_request` once, at login, and re-sends that same JWT after every
 * reconnect (quoine-api.md §8.4), so a nonce sequence alone would lock it out of its private
 * channels after the first reconnect. The rule instead:
 * - a JWT seen for the first time must carry a nonce above the token's last (the verifier's
 *   sequence) and is then remembered, bound to the connection it authenticated;
 * - a remembered JWT authenticates again once the connection it was bound to has closed or left
 *   it (a failed or different re-auth), and is refused while that connection holds it;
 * - so a realtime JWT authenticates at most one open connection at a time.
 *
 * Memory: only JWTs that passed signature and nonce checks are remembered, as a SHA-256 digest
 * (never the token text), at most `perToken` per API token; past that the token's least recently
 * used released JWT is forgotten first (one still held only when none is released). A forgotten
 * JWT falls back to the nonce check, which refuses it: forgetting never lets a JWT authenticate a
 * second connection.
 * @module
 */
import { createHash } from 'node:crypto';
import type { AuthFailure, JwtVerifier, VerifiedCaller } from '../auth/jwt-verifier.js';

/** A connection's hold on a remembered JWT. */
export interface RealtimeLease {
  /** Lets the JWT authenticate another connection; idempotent, and a no-op once another holds it. */
  release(): void;
}

export type BindResult =
  | { readonly ok: true; readonly lease: RealtimeLease }
  | { readonly ok: false; readonly failure: AuthFailure | 'in-use' };

interface Login {
  /** The lease currently holding the JWT, or `undefined` when released. */
  holder: RealtimeLease | undefined;
}

/** Default number of remembered JWTs per API token. */
export const DEFAULT_LOGINS_PER_TOKEN = 100;

export class RealtimeLogins {
  /** Per token id: digest → login, in least-recently-used-first order. */
  readonly #byToken = new Map<string, Map<string, Login>>();

  constructor(
    private readonly verifier: JwtVerifier,
    private readonly perToken = DEFAULT_LOGINS_PER_TOKEN,
  ) {
    if (!Number.isSafeInteger(perToken) || perToken < 1)
      throw new RangeError(`perToken must be a positive integer, got ${perToken}`);
  }

  /**
   * Binds a verified realtime JWT (`jwt`, its text; `caller`, from
   * {@link JwtVerifier.verifyWithoutNonce}) to a new lease, or says why not.
   */
  bind(jwt: string, caller: VerifiedCaller): BindResult {
    const tokenId = caller.token.tokenId;
    const key = createHash('sha256').update(jwt).digest('base64');
    let logins = this.#byToken.get(tokenId);
    const known = logins?.get(key);
    if (logins !== undefined && known !== undefined) {
      if (known.holder !== undefined) return { ok: false, failure: 'in-use' };
      logins.delete(key); // re-inserted below: most recently used
      return { ok: true, lease: this.#hold(logins, key, known) };
    }
    const accepted = this.verifier.acceptNonce(caller, false);
    if (!accepted.ok) return accepted;
    if (logins === undefined) {
      logins = new Map();
      this.#byToken.set(tokenId, logins);
    }
    const lease = this.#hold(logins, key, { holder: undefined });
    if (logins.size > this.perToken) forgetOne(logins);
    return { ok: true, lease };
  }

  /** How many JWTs are remembered (for memory checks). */
  get size(): number {
    let size = 0;
    for (const logins of this.#byToken.values()) size += logins.size;
    return size;
  }

  #hold(logins: Map<string, Login>, key: string, login: Login): RealtimeLease {
    const lease: RealtimeLease = {
      release: () => {
        if (login.holder === lease) login.holder = undefined;
      },
    };
    login.holder = lease;
    logins.set(key, login);
    return lease;
  }
}

/** Forgets the least recently used released login, or the least recently used one if all are held. */
function forgetOne(logins: Map<string, Login>): void {
  for (const [key, login] of logins) {
    if (login.holder === undefined) {
      logins.delete(key);
      return;
    }
  }
  const oldest = logins.keys().next().value;
  if (oldest !== undefined) logins.delete(oldest);
}
