/**
 * The one scrubber: keeps signed tokens and the API secret out of every error, whatever a
 * server, a proxy or a peer echoes back. REST and realtime both use it.
 *
 * - {@link redactTokens} replaces anything shaped like a JWT (three dot-separated base64url
 *   runs of 8+ characters) with `[redacted]`.
 * - {@link redactorFor} also replaces given known strings: the secret, the token sent on this
 *   attempt and its signature segment alone (a server echoing only the signature would
 *   otherwise leak a replayable credential, the header and payload being guessable). Each is
 *   found however it is echoed: whole, cut or split (any run of {@link MIN_REDACTED_RUN} or
 *   more of its characters: `sig.slice(0, 20) + ' ' + sig.slice(20)` loses both halves), and
 *   base64- or base64url-encoded, alone or inside a longer encoded text (the encoding at each
 *   of the three byte alignments, again as runs), in any letter case.
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
 * The shortest run of a known secret's characters (or of its encodings) redacted where it
 * appears alone. Shorter than any signature half a split can leave worth replaying, and long
 * enough that ordinary text never matches one by chance: 16 base64 characters are 96 bits.
 */
export const MIN_REDACTED_RUN = 16;

/**
 * A redactor for JWT-shaped tokens and for each of `secrets`, however it is echoed (see the
 * module's note). For a signed token, pass it and its signature:
 * `redactorFor([secret, token, token.split('.')[2]])`. Undefined entries and entries shorter
 * than {@link MIN_REDACTED_SECRET} are ignored.
 */
export function redactorFor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const known = [
    ...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_REDACTED_SECRET)),
  ];
  // Encoded on first use: a redactor is made for every request, and most are never used.
  let targets: string[] | undefined;
  return (text) => {
    targets ??= [...new Set(known.flatMap((s) => [s, ...base64Forms(s)].map(foldCase)))];
    const folded = foldCase(text);
    // Both kinds of range are found in the text as it came, then redacted together: redacting
    // one kind first would cut the other's occurrences apart (a signature run redacted inside a
    // lower-cased JWT left the rest of the JWT no longer JWT-shaped, and in the clear).
    return redactRanges(text, [...tokenRanges(text), ...targets.flatMap((t) => occurrences(folded, t))]);
  };
}

/** Where `text` holds a JWT-shaped token, as [start, end) ranges. */
function tokenRanges(text: string): Array<[number, number]> {
  return Array.from(text.matchAll(JWT_SHAPE), (m): [number, number] => [m.index, m.index + m[0].length]);
}

/**
 * `text` with ASCII capitals in lower case, and so of the same length: known strings are found
 * in any case, since a header name comes back lower-cased and is still a credential to a reader
 * who tries each letter's case.
 */
function foldCase(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/**
 * The base64 and base64url text of `secret` wherever it sits in a longer encoded text: for each
 * of the three byte alignments, the characters that depend on the secret's bytes alone.
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms: string[] = [];
  for (let pad = 0; pad < 3; pad++) {
    const encoded = Buffer.concat([Buffer.alloc(pad), bytes]).toString('base64');
    const form = encoded.slice(Math.ceil((8 * pad) / 6), Math.floor((8 * (pad + bytes.length)) / 6));
    forms.push(form, form.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return forms.filter((f) => f.length >= MIN_REDACTED_SECRET);
}

/**
 * Where `target` occurs in `text`, whole, or (for a target of {@link MIN_REDACTED_RUN}
 * characters or more) as any run of at least that many of its characters, as [start, end)
 * ranges. Every such run contains one of the target's 8-character anchors at offsets 0, 8,
 * 16, …; each anchor is found with `indexOf` and the match extended both ways, so the cost is
 * a few native scans of the text per target.
 */
function occurrences(text: string, target: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  if (target.length < MIN_REDACTED_RUN) {
    for (let at = text.indexOf(target); at !== -1; at = text.indexOf(target, at + 1))
      found.push([at, at + target.length]);
    return found;
  }
  const step = MIN_REDACTED_RUN / 2;
  for (let j = 0; j + step <= target.length; j += step) {
    const anchor = target.slice(j, j + step);
    for (let at = text.indexOf(anchor); at !== -1; at = text.indexOf(anchor, at + 1)) {
      let left = 0;
      while (left < j && at - left > 0 && text[at - left - 1] === target[j - left - 1]) left++;
      let right = step;
      while (j + right < target.length && at + right < text.length && text[at + right] === target[j + right]) right++;
      if (left + right >= MIN_REDACTED_RUN) found.push([at - left, at + right]);
    }
  }
  return found;
}

/** `text` with each of `ranges` (merged where they overlap or touch) replaced by {@link REDACTED}. */
function redactRanges(text: string, ranges: Array<[number, number]>): string {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let end = 0; // the end of the last redacted stretch: text before it is written
  let stretch: [number, number] | undefined;
  for (const [from, to] of ranges) {
    if (stretch && from <= stretch[1]) {
      stretch[1] = Math.max(stretch[1], to);
      continue;
    }
    if (stretch) {
      out += text.slice(end, stretch[0]) + REDACTED;
      end = stretch[1];
    }
    stretch = [from, to];
  }
  if (stretch) {
    out += text.slice(end, stretch[0]) + REDACTED;
    end = stretch[1];
  }
  return out + text.slice(end);
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
      if (descriptor.configurable && Reflect.deleteProperty(value, key))
        Object.defineProperty(value, cleanKey, { ...descriptor, value: clean });
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
