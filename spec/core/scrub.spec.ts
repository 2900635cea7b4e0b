/**
 * The scrubber (core/scrub.ts), shared by REST, realtime and the CLI: whatever a server echoes
 * of a signed token or of the secret, whole, cut, split, encoded or in another letter case,
 * nothing of 16 characters or more of a signature or of the secret survives it, and text that
 * holds no credential comes out as it went in.
 *
 * The properties run from a fixed seed, so a run is reproducible; `FC_SEED=<n>` explores another.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { MIN_REDACTED_RUN, REDACTED, redactTokens, redactorFor, scrub, scrubError } from '../../lib/core/scrub.js';
import { decodedRuns, leakedRun, views, windowsOf } from '../helpers/leak-views.js';
import { runs } from '../helpers/property-runs.js';

const SECRET = 'Echoed-Secret-0123456789abcdefXYZ';
const b64 = (text: string, url = false): string => Buffer.from(text).toString(url ? 'base64url' : 'base64');
const HEADER = b64('{"alg":"HS256","typ":"JWT"}', true);

/**
 * An HS256 signature: 32 random bytes, or one with a long run of no capitals (what a lower-cased
 * echo leaves unchanged, the case that once cut a JWT apart), which random bytes rarely give.
 */
const signature = fc.oneof(
  fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  fc.stringMatching(/^[A-Za-z0-9_-]{0,20}[a-z0-9_-]{16,30}[A-Za-z0-9_-]{0,10}$/),
);

/** A signed token as the client sends one: header, a payload with a path and nonce, signature. */
const token = fc
  .record({ nonce: fc.nat(), path: fc.stringMatching(/^\/[a-z_/0-9?=&]{0,40}$/), sig: signature })
  .map(({ nonce, path, sig }) => {
    const jwt = `${HEADER}.${b64(JSON.stringify({ path, nonce, token_id: 777 }), true)}.${sig}`;
    return { jwt, sig };
  });

/** How a server may echo a credential `c`: whole, split by a separator, or encoded at a byte offset. */
const echoOf = (c: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(c),
    fc
      .tuple(fc.nat({ max: c.length }), fc.constantFrom(' ', '\n', '|', '.', '", "', '%20'))
      .map(([at, sep]) => `${c.slice(0, at)}${sep}${c.slice(at)}`),
    fc
      .tuple(fc.constantFrom('', 'x', 'xy', '{"a":"'), fc.boolean())
      .map(([prefix, url]) => b64(`${prefix}${c}"}`, url)),
  );

/** The text around an echo, base64url characters included (they lengthen the echo's runs). */
const around = fc.stringMatching(/^[A-Za-z0-9_ :="'İẞ-]{0,12}$/);

/** A letter case a server may put text in: a header name comes back lower-cased. */
const inCase = fc.constantFrom(
  (t: string) => t,
  (t: string) => t.toLowerCase(),
  (t: string) => t.toUpperCase(),
);

describe('the scrubber (core/scrub.ts, shared by REST, realtime and the CLI)', () => {
  it('redacts JWT shapes, bounds after redacting, and rewrites every field, key and cause of an error', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJwYXRoIjoiL29yZGVycyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    expect(redactTokens(`a ${jwt} b`)).to.equal(`a ${REDACTED} b`);
    const text = `${'z'.repeat(195)} ${jwt}`;
    expect(scrub(text, 200)).to.equal(
      `${'z'.repeat(195)} ${REDACTED.slice(0, 4)}… (truncated, ${text.length} characters)`,
    );
    expect(scrub(`${jwt} ${'q'.repeat(5_000_000)}`, 50)).to.equal(
      `${REDACTED} ${'q'.repeat(39)}… (truncated, ${jwt.length + 5_000_001} characters)`,
    );
    const inner = new Error(`inner ${jwt}`);
    const e = Object.assign(new Error(`outer ${jwt}`, { cause: inner }), {
      headers: { [jwt]: jwt },
      list: [jwt, { deep: jwt }],
    });
    Object.defineProperty(e, 'hidden', { value: jwt, enumerable: false, writable: false, configurable: true });
    scrubError(e);
    for (const view of views(e)) expect(view).not.to.include(jwt);
  });

  it('redacts a known secret encoded (base64, base64url, any byte offset) or as any run of 16+ of its characters', () => {
    const redact = redactorFor([SECRET]);
    for (const echo of [
      b64(SECRET),
      b64(SECRET, true),
      b64(`x${SECRET}`),
      b64(`xy${SECRET}yx`, true),
      `${SECRET.slice(0, 16)} ${SECRET.slice(16)}`,
      SECRET.slice(3, 3 + MIN_REDACTED_RUN),
      SECRET.toLowerCase(),
      SECRET.slice(5).toUpperCase(),
    ]) {
      const out = redact(`<${echo}>`);
      expect(out, echo).to.include(REDACTED);
      expect(leakedRun([out, ...decodedRuns(out)], [SECRET], MIN_REDACTED_RUN), echo).to.equal(undefined);
    }
    // 15 characters of it, in any case, and ordinary text, are left alone.
    for (const short of [SECRET.slice(0, MIN_REDACTED_RUN - 1), SECRET.slice(0, MIN_REDACTED_RUN - 1).toLowerCase()])
      expect(redact(`<${short}>`)).to.equal(`<${short}>`);
    expect(redact('Order not found (code 404): Echoed request')).to.equal('Order not found (code 404): Echoed request');
    // A secret shorter than a run is redacted where it stands whole, in any case.
    expect(redactorFor(['s3cr3t-value'])('is s3cr3t-value! S3CR3T-VALUE s3cr3t-valu')).to.equal(
      `is ${REDACTED}! ${REDACTED} s3cr3t-valu`,
    );
  });

  it('redacts a lower-cased JWT whole when its signature holds 16+ characters that have no case', () => {
    // The header name a server echoes comes back lower-cased. The signature's uncased run then
    // matched as a known string and was redacted first, which left the rest of the JWT no longer
    // JWT-shaped: `eyj….eyj….3ab[redacted]z60zpx8-z6ro39qs…` went out with 27 characters of it.
    const sig = '3ab0123456789_-abcdefghZ60Zpx8-Z6RO39qSxYz1';
    const jwt = `${HEADER}.${b64('{"path":"/orders/42","nonce":1}', true)}.${sig}`;
    // With the JWT known, and with only its signature known (the JWT is then found by its shape).
    for (const redact of [redactorFor([SECRET, jwt, sig]), redactorFor([SECRET, sig])])
      for (const echo of [jwt, jwt.toLowerCase(), jwt.toUpperCase(), `x ${jwt.toLowerCase()}: 1`])
        expect(redact(echo), echo).to.equal(
          echo.replace(jwt, REDACTED).replace(jwt.toLowerCase(), REDACTED).replace(jwt.toUpperCase(), REDACTED),
        );
  });

  it('leaves no 16 characters of a signature or of the secret, however they are echoed (property)', () => {
    const echoed = token.chain(({ jwt, sig }) => {
      const credentials = [jwt, sig, SECRET];
      const piece = fc
        .tuple(around, fc.constantFrom(...credentials).chain(echoOf))
        .map(([before, echo]) => before + echo);
      return fc
        .tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), around, inCase)
        .map(([pieces, tail, caseOf]) => ({ jwt, sig, text: caseOf(pieces.join('') + tail) }));
    });
    fc.assert(
      fc.property(echoed, ({ jwt, sig, text }) => {
        const out = redactorFor([SECRET, jwt, sig])(text);
        expect(leakedRun([out], [sig, SECRET], MIN_REDACTED_RUN), out).to.equal(undefined);
        expect(leakedRun(decodedRuns(out), [sig, SECRET], MIN_REDACTED_RUN), out).to.equal(undefined);
      }),
      runs(1500),
    );
  });

  it('leaves text that holds no credential as it was, apart from JWT shapes, in any script (property)', () => {
    // Near misses: 15 characters of the signature or secret, in any case, between characters
    // that are no base64 (they cannot join two runs), and letters whose lower case is longer.
    fc.assert(
      fc.property(
        token,
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 12, unit: 'binary' }),
            fc.constantFrom('İ', 'ẞ', 'ǅ', '\u0130\u0130', 'Σ'),
            fc
              .tuple(fc.boolean(), fc.nat({ max: 27 }), inCase)
              .map(([secret, at, caseOf]) => ` ${caseOf((secret ? SECRET : 'x'.repeat(43)).slice(at, at + 15))} `),
          ),
          { maxLength: 8 },
        ),
        ({ jwt, sig }, parts) => {
          const text = parts.join('');
          fc.pre(leakedRun([text], [sig, SECRET], MIN_REDACTED_RUN) === undefined);
          expect(redactorFor([SECRET, jwt, sig])(text)).to.equal(redactTokens(text));
        },
      ),
      runs(500),
    );
  });

  it('redacts a JWT and a secret that touch, and keeps what stands between redactions', () => {
    const sig = 'Zz9_Zz9_Zz9_Zz9_Zz9_Zz9_Zz9_Zz9_Zz9_Zz9_Zz9';
    const jwt = `${HEADER}.${b64('{"nonce":2}', true)}.${sig}`;
    const redact = redactorFor([SECRET, jwt, sig]);
    expect(redact(`${jwt}${SECRET}`)).to.equal(REDACTED);
    expect(redact(`İ${SECRET}İ|${jwt}|ẞ`)).to.equal(`İ${REDACTED}İ|${REDACTED}|ẞ`);
    expect(windowsOf(sig, MIN_REDACTED_RUN).some((w) => redact(`a ${jwt} b`).includes(w))).to.equal(false);
  });
});
