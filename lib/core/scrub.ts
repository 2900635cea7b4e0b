/**
 * The one scrubber: keeps signed tokens and the API secret out of every error, whatever a
 * server, a proxy or a peer echoes back. REST and realtime both use it.
 *
 * - {@link redactTokens} replaces anything shaped like a JWT (three dot-separated base64url
 *   runs of 8+ characters) with `[redacted]`.
 * - {@link redactorFor} also replaces given exact strings: the secret, the token sent on this
 *   attempt and its signature segment alone (a server echoing only the signature would
 *   otherwise leak a replayable credential, the header and payload being guessable).
 * - {@link scrub} redacts, then bounds the length: server text ready for a message.
 * - {@link scrubError} rewrites every string reachable from an error, in place: `message`,
 *   `stack`, every own field (enumerable or not), nested objects and arrays, their keys
 *   (header names), and the `cause` chain.
 *
 * Redaction always runs before truncation, so a cut can never leave a partial token behind.
 * @module
 */

/** What a redacted token or secret is replaced with. */
export const REDACTED = '[redacted]';

/** A function that removes secrets from a text. */
export type Redactor = (text: string) => string;

/**
 * Starts only where a run of base64url characters starts (the lookbehind): without it, a long
 * run with no dot (a 5 MB message of letters) is rescanned from every position, which is
 * quadratic; with it, each run is scanned once.
 */
const JWT_SHAPE = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

/** `text` with every JWT-shaped token replaced by {@link REDACTED}. */
export function redactTokens(text: string): string {
  return text.replace(JWT_SHAPE, REDACTED);
}

/**
 * The shortest secret redacted by exact match. A shorter one (a test secret such as `s`) guards
 * nothing and would shred every text it occurs in; real API secrets are far longer (Liquid's
 * are 88 characters), and a token's signature is 43.
 */
export const MIN_REDACTED_SECRET = 8;

/**
 * A redactor for JWT-shaped tokens and for each of `secrets` (exact occurrences). For a signed
 * token, pass it and its signature: `redactorFor([secret, token, token.split('.')[2]])`.
 * Undefined entries and entries shorter than {@link MIN_REDACTED_SECRET} are ignored.
 */
export function redactorFor(secrets: ReadonlyArray<string | undefined>): Redactor {
  // Longest first, so a token is replaced whole before its signature could be.
  const exact = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_REDACTED_SECRET))].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const s of exact) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return redactTokens(out);
  };
}

/**
 * `text` cut to at most `max` characters, saying so: `abc… (truncated, 5000000 characters)`.
 * Only cut redacted text (see the module's note).
 */
export function bound(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (truncated, ${text.length} characters)` : text;
}

/** Longer than any token or secret worth redacting: what {@link scrub} reads past its cut. */
const TOKEN_MARGIN = 4096;

/**
 * Server text made safe for an error message: no token-shaped strings (nor what `redact`
 * removes), at most `max` characters, a cut said as such. Reads only the kept part and a margin
 * longer than any token, so a 5 MB text costs no more than a short one.
 */
export function scrub(text: string, max = 200, redact: Redactor = redactTokens): string {
  const window = text.length > max + TOKEN_MARGIN ? text.slice(0, max + TOKEN_MARGIN) : text;
  const clean = redact(window);
  if (clean.length <= max && window.length === text.length) return clean;
  return `${clean.slice(0, max)}… (truncated, ${text.length} characters)`;
}

/**
 * Rewrites, in place, every string reachable from `error` through `redact` (see the module's
 * note for what is reached) and returns the same error. Safe on cycles and frozen objects.
 */
export function scrubError<E>(error: E, redact: Redactor = redactTokens): E {
  scrubValue(error, redact, new WeakSet());
  return error;
}

function scrubValue(value: unknown, redact: Redactor, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => setField(value, String(i), scrubValue(item, redact, seen)));
    return value;
  }
  for (const key of Object.getOwnPropertyNames(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor === undefined) continue;
    if (!('value' in descriptor)) {
      // An own accessor (an engine may make `stack` one): rewrite through it when it can be set.
      if (descriptor.get && descriptor.set) setField(value, key, scrubValue(Reflect.get(value, key), redact, seen));
      continue;
    }
    const clean = scrubValue(descriptor.value, redact, seen);
    // Keys of data (header names) are server text; an error's own property names are the SDK's.
    const cleanKey = value instanceof Error ? key : redact(key);
    if (cleanKey !== key) {
      if (descriptor.configurable && Reflect.deleteProperty(value, key)) Object.defineProperty(value, cleanKey, { ...descriptor, value: clean });
    } else if (clean !== descriptor.value) {
      setField(value, key, clean);
    }
  }
  return value;
}

function setField(target: object, key: string, value: unknown): void {
  if (Reflect.set(target, key, value)) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (descriptor?.configurable) Object.defineProperty(target, key, { ...descriptor, value });
}
