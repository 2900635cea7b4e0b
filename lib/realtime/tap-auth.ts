/**
 * Authentication of a Tap connection for `user_*` channels: one `quoine:auth_request` per
 * connection carrying a JWT for `/realtime`, its answer or its timeout, and the redaction of what
 * was sent from every text a server may echo back. The JWT's nonce comes from the token's signing
 * lane, held from signing until the answer, like a REST request's.
 * @module
 */
import type { Signer } from '../core/auth.js';
import type { Coordinator, LaneLease } from '../core/coordinator.js';
import { REDACTED, redactorFor, type Redactor } from '../core/scrub.js';

/** Where authentication of the current connection stands. */
export type AuthState = 'none' | 'pending' | 'ok' | 'failed';

/** What authentication needs from the client. */
export interface AuthHooks {
  /** Sends a frame on the current connection. */
  send(event: string, data: unknown): void;
  /** The connection will not be authenticated: `message` says why (server text scrubbed already). */
  failed(message: string): void;
}

/** How many of the last tokens sent stay redacted: a server may echo an older one. */
const REMEMBERED_TOKENS = 4;

/**
 * Runs of base64url characters long enough to be a piece of a token part or of the secret. A
 * message may quote a value cut short (a decoding error quotes 20 characters), which no exact
 * match catches.
 */
const PIECE = /[A-Za-z0-9_-]{8,}/g;

/**
 * Core's redactor for `secrets` (exact occurrences, JWT shapes), then every base64url run of 8+
 * characters found inside one of them: the cut-short pieces. Linear in the text for a fixed set.
 */
function redactorWithPieces(secrets: readonly string[]): Redactor {
  const exact = redactorFor(secrets);
  return (text) => exact(text).replace(PIECE, (run) => (secrets.some((s) => s.includes(run)) ? REDACTED : run));
}

/** The auth state of one client's current connection. */
export class TapAuth {
  readonly #signer: Signer | undefined;
  readonly #secret: string | undefined;
  readonly #timeoutMs: number;
  readonly #coordinator: Coordinator;
  readonly #hooks: AuthHooks;
  /** The lane held by the pending request, released when it is answered or abandoned. */
  #lease: LaneLease | undefined;
  /** Counts requests: a lane granted after its request was abandoned is given back at once. */
  #attempt = 0;
  /** The last tokens sent: a server may echo one, or one of its parts, on its own. */
  readonly #sentTokens: string[] = [];
  #redact: Redactor;
  #state: AuthState = 'none';
  #timer: NodeJS.Timeout | undefined;

  /**
   * @param signer signs the tokens; without one, private channels are refused before this is reached
   * @param secret the API secret, only to redact it
   * @param timeoutMs how long an auth request may go unanswered (from when it is sent)
   * @param coordinator the token's signing lane
   * @param hooks sending and failure reporting
   */
  constructor(
    signer: Signer | undefined,
    secret: string | undefined,
    timeoutMs: number,
    coordinator: Coordinator,
    hooks: AuthHooks,
  ) {
    this.#signer = signer;
    this.#secret = secret;
    this.#timeoutMs = timeoutMs;
    this.#coordinator = coordinator;
    this.#hooks = hooks;
    this.#redact = redactorWithPieces(secret === undefined ? [] : [secret]);
  }

  /** Whether the current connection is authenticated. */
  get ok(): boolean {
    return this.#state === 'ok';
  }

  /**
   * Removes from server text every JWT-shaped string, the secret, and each token sent lately
   * whole and part by part (header, payload, signature: a server may echo a part on its own),
   * and any piece of 8+ characters of these (a message may quote a value cut short).
   */
  redact(text: string): string {
    return this.#redact(text);
  }

  /**
   * Sends `quoine:auth_request` unless one is pending or done on this connection, once the
   * signing lane is free (a lane that cannot be had refuses the request, naming why).
   */
  request(): void {
    const signer = this.#signer;
    if (this.#state === 'pending' || this.#state === 'ok' || !signer) return;
    this.#state = 'pending';
    const attempt = ++this.#attempt;
    const current = (): boolean => attempt === this.#attempt && this.#state === 'pending';
    this.#coordinator.acquireLane().then(
      (lease) => {
        if (!current()) {
          lease.release();
          return;
        }
        this.#lease = lease;
        // The JWT goes into the frame and nowhere else.
        const token = signer.sign('/realtime', lease.nonce);
        this.#remember(token);
        this.#hooks.send('quoine:auth_request', { path: '/realtime', headers: { 'X-Quoine-Auth': token } });
        this.#timer = setTimeout(
          () => this.refused(`no answer to quoine:auth_request within ${this.#timeoutMs} ms`),
          this.#timeoutMs,
        );
      },
      (error: unknown) => {
        if (current()) this.refused(`the signing lane is unavailable: ${(error as Error).message}`);
      },
    );
  }

  /** `quoine:auth_success`: true when it answers a pending request (private channels may now subscribe). */
  succeeded(): boolean {
    if (this.#state !== 'pending') return false;
    this.#stopTimer();
    this.#state = 'ok';
    return true;
  }

  /** `quoine:auth_failure`, or no answer in time. */
  refused(message: string): void {
    this.#stopTimer();
    this.#state = 'failed';
    this.#hooks.failed(message);
  }

  /** The connection is gone: the next one starts unauthenticated. */
  reset(): void {
    this.#stopTimer();
    this.#state = 'none';
  }

  /** The request is answered or abandoned: its timer stops and its lane goes to the next holder. */
  #stopTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#attempt++;
    this.#lease?.release();
    this.#lease = undefined;
  }

  #remember(token: string): void {
    this.#sentTokens.push(token);
    this.#sentTokens.splice(0, this.#sentTokens.length - REMEMBERED_TOKENS);
    const parts = this.#sentTokens.flatMap((t) => [t, ...t.split('.')]);
    this.#redact = redactorWithPieces(this.#secret === undefined ? parts : [this.#secret, ...parts]);
  }
}
