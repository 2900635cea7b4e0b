/**
 * The only module that talks HTTP. For every attempt of a call it waits on the rate limiter,
 * signs with a fresh nonce, sends with got (whose own retry and redirects are off), parses the
 * body losslessly and classifies the outcome; the retry policy decides whether to go again.
 * It knows nothing of entities: it returns lossless-parsed JSON (numbers as source strings).
 * @module
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import got, { RequestError, TimeoutError, type Agents, type Request } from 'got';
import type { Signer } from './auth.js';
import { BodyTooLargeError, readBoundedBody } from './body.js';
import { MAX_TIMER_MS, now, sleep } from './clock.js';
import {
  QuoineAbortError,
  QuoineConnectionError,
  QuoineRequestError,
  QuoineResponseError,
  QuoineResponseTooLargeError,
  QuoineTimeoutError,
  NonceTooSmallError,
  errorFromResponse,
  type ErrorBody,
  type FailureCause,
  type RequestTarget,
} from './errors.js';
import { JsonLimitError, parseLossless } from './json.js';
import { redactTokens, scrub, scrubError, type Redactor } from './scrub.js';
import type { RateLimiter } from './rate-limiter.js';
import {
  DEFAULT_BACKOFF,
  NOT_SENT_CODES,
  NOT_SENT_TIMEOUTS,
  isRetryable,
  parseRetryAfter,
  retryDelay,
  type AttemptFailure,
  type Backoff,
  type CallSafety,
} from './retry.js';

/**
 * Per-call options, accepted as the last argument of every resource method.
 * @group Client
 */
export interface CallOptions {
  /** Milliseconds one attempt may take (default: the client's `timeout`, 30 000). */
  readonly timeout?: number;
  /** Retries after the first attempt, where the call's safety allows them (default: the client's, 2). */
  readonly maxRetries?: number;
  /** Aborts the call, including waits for the rate limiter and between retries. */
  readonly signal?: AbortSignal;
  /**
   * The largest response body accepted, in bytes after decompression (default: the client's
   * `maxResponseBytes`, 16 MiB). A larger one fails with `QuoineResponseTooLargeError`.
   */
  readonly maxResponseBytes?: number;
}

/** Query parameters; `undefined` values are left out. */
export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

/** One call, as a resource describes it. */
export interface RequestSpec {
  /** HTTP method. */
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Path without query string, already encoded (see `path` in `core/path.ts`). */
  readonly path: string;
  /** Query parameters. */
  readonly query?: Query | undefined;
  /** JSON body: decimals already as their wire strings. */
  readonly body?: unknown;
  /** Whether the call is signed. */
  readonly auth: boolean;
  /** How the call may be retried. */
  readonly safety: CallSafety;
  /** Per-call options. */
  readonly options?: CallOptions | undefined;
}

/** A successful response. */
export interface TransportResponse {
  /** HTTP status (2xx). */
  readonly status: number;
  /** The body, parsed losslessly: every JSON number is its source string. */
  readonly body: unknown;
  /** The request it answers. */
  readonly target: RequestTarget;
  /** Removes the secret and this call's token from a text: for errors built from the body. */
  readonly redact: Redactor;
}

/** Settings of one transport (one client). */
export interface TransportSettings {
  readonly baseUrl: string;
  readonly signer: Signer | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeout: number;
  readonly connectTimeout: number;
  readonly maxRetries: number;
  readonly maxRetryAfterMs: number;
  /** The default of {@link CallOptions.maxResponseBytes}. */
  readonly maxResponseBytes: number;
  readonly limiter: RateLimiter | undefined;
  readonly backoff?: Backoff;
}

/**
 * How one attempt ended. A failed attempt carries how to build its error rather than the error:
 * the error tells how many attempts the call made, known only once the retry policy gives up.
 */
type AttemptResult =
  | { readonly ok: true; readonly response: TransportResponse }
  | {
      readonly ok: false;
      readonly failure: AttemptFailure;
      readonly error: ErrorFor;
      /** A "Nonce is too small" rejection: an auth refusal, so one re-signed retry is safe. */
      readonly nonceTooSmall?: boolean;
    };

/** Builds a failed call's error, given the number of attempts made. */
type ErrorFor = (attempts: number) => Error;

/** An error that does not depend on the number of attempts. */
const always =
  (error: Error): ErrorFor =>
  () =>
    error;

/** Sends calls for one client. */
export class Transport {
  readonly #settings: TransportSettings;
  readonly #backoff: Backoff;
  readonly #origin: string;
  /** Whether the base URL is https (a failed TLS handshake then proves nothing was sent). */
  readonly #secure: boolean;
  /** Public calls share a small keep-alive pool. */
  readonly #publicAgents: Agents;
  /**
   * Signed calls go one at a time over a single connection, so they reach the exchange in the
   * order their nonces were made (several sockets would let a larger nonce overtake a smaller
   * one and earn "Nonce is too small"). At the exchange's rate limit this costs nothing.
   */
  readonly #signedAgents: Agents;
  /**
   * The queue of signed attempts: each waits here for the previous one to finish, and only then
   * is signed and handed to got, so its timeout never counts time spent waiting its turn.
   */
  #signedLane: Promise<void> = Promise.resolve();

  /** @param settings the client's settings */
  constructor(settings: TransportSettings) {
    this.#settings = settings;
    this.#backoff = settings.backoff ?? DEFAULT_BACKOFF;
    const url = new URL(settings.baseUrl);
    this.#origin = url.origin + url.pathname.replace(/\/+$/, '');
    this.#secure = url.protocol === 'https:';
    // Only the base URL's protocol is ever used (redirects are not followed): one agent of its kind.
    const agents = (maxSockets: number): Agents =>
      this.#secure
        ? { https: new https.Agent({ keepAlive: true, maxSockets }) }
        : { http: new http.Agent({ keepAlive: true, maxSockets }) };
    this.#publicAgents = agents(8);
    this.#signedAgents = agents(1);
  }

  /** Whether signed calls are possible (credentials were given). */
  get canSign(): boolean {
    return this.#settings.signer !== undefined;
  }

  /** Closes idle keep-alive connections. The transport stays usable. */
  close(): void {
    for (const agents of [this.#publicAgents, this.#signedAgents]) {
      if (agents.http) agents.http.destroy();
      if (agents.https) agents.https.destroy();
    }
  }

  /** Performs a call with the retry policy; resolves with the parsed 2xx body or throws a typed error. */
  async request(spec: RequestSpec): Promise<TransportResponse> {
    const target: RequestTarget = { method: spec.method, path: withQuery(spec.path, spec.query) };
    const signer = spec.auth ? this.#settings.signer : undefined;
    if (spec.auth && !signer) {
      throw new QuoineRequestError(
        `${target.method} ${spec.path} is a private call: create the client with tokenId and secret`,
        'tokenId',
      );
    }
    // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing -- a null from a plain-JS caller must reach checkCallOptions and be refused, not replaced
    const options = checkCallOptions(spec.options === undefined ? {} : spec.options);
    const maxRetries = options.maxRetries ?? this.#settings.maxRetries;
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let retries = 0;
    let nonceRetried = false;
    for (let attempt = 1; ; attempt++) {
      const slot = await this.#settings.limiter?.acquire(options.signal);
      let result: AttemptResult;
      try {
        result = await this.#attempt(spec, target, signer, body, options);
      } finally {
        slot?.release(); // the slot counts from now: the exchange saw the request before this
      }
      if (result.ok) return result.response;
      const { failure, error } = result;
      if (result.nonceTooSmall === true && !nonceRetried) {
        nonceRetried = true; // an auth rejection: re-signing cannot execute anything twice
        continue;
      }
      const retryAfterMs = failure.kind === 'status' ? failure.retryAfterMs : undefined;
      // The shared limiter holds every call for the server's wait, but never longer than one
      // call would wait out itself (maxRetryAfterMs): an absurd Retry-After (10^9 s) fails its
      // own call fast and must not stall every later call for decades.
      if (retryAfterMs !== undefined)
        this.#settings.limiter?.pauseUntil(now() + Math.min(retryAfterMs, this.#settings.maxRetryAfterMs));
      const waitTooLong = retryAfterMs !== undefined && retryAfterMs > this.#settings.maxRetryAfterMs;
      if (retries >= maxRetries || waitTooLong || !isRetryable(spec.safety, failure)) {
        throw error(attempt);
      }
      retries++;
      await sleep(retryDelay(retries, retryAfterMs, this.#backoff), options.signal);
    }
  }

  async #attempt(
    spec: RequestSpec,
    target: RequestTarget,
    signer: Signer | undefined,
    body: string | undefined,
    options: CallOptions,
  ): Promise<AttemptResult> {
    if (!signer) return this.#send(spec, target, undefined, body, options);
    const turn = this.#signedLane;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    this.#signedLane = turn.then(() => finished);
    try {
      await abortable(turn, options.signal, target);
      return await this.#send(spec, target, signer, body, options);
    } finally {
      done();
    }
  }

  /**
   * One attempt. Every error it returns has been scrubbed of the secret, of the token this
   * attempt sent (whole or its signature alone) and of anything JWT-shaped, in every field.
   */
  async #send(
    spec: RequestSpec,
    target: RequestTarget,
    signer: Signer | undefined,
    body: string | undefined,
    options: CallOptions,
  ): Promise<AttemptResult> {
    const headers: Record<string, string> = { ...this.#settings.headers };
    // Signed right before sending, with no await in between: nonce order is send order.
    const token = signer?.sign(target.path);
    if (token !== undefined) headers['X-Quoine-Auth'] = token;
    const redact = this.#settings.signer?.redactor(token) ?? redactTokens;
    const result = await this.#exchange(spec, target, headers, body, options, redact);
    if (result.ok) return result;
    const { error } = result;
    return { ...result, error: (attempts) => scrubError(error(attempts), redact) };
  }

  async #exchange(
    spec: RequestSpec,
    target: RequestTarget,
    headers: Readonly<Record<string, string>>,
    body: string | undefined,
    options: CallOptions,
    redact: Redactor,
  ): Promise<AttemptResult> {
    const timeout = options.timeout ?? this.#settings.timeout;
    const limit = options.maxResponseBytes ?? this.#settings.maxResponseBytes;
    const connectTimeout = Math.min(timeout, this.#settings.connectTimeout);
    // A stream, not a buffered body: got's buffering and decompression cannot be bounded, so
    // the body is read (and inflated) under the byte limit by readBoundedBody.
    const stream = got.stream(this.#origin + target.path, {
      method: spec.method,
      headers: { ...headers, 'Accept-Encoding': 'gzip, deflate, br' },
      // A stream without a body option waits for the caller to end it: a bodiless PUT sends ''.
      ...(body === undefined ? (spec.method === 'GET' ? {} : { body: '' }) : { body }),
      decompress: false,
      throwHttpErrors: false,
      followRedirect: false,
      retry: { limit: 0 },
      timeout: { request: timeout, connect: connectTimeout, lookup: connectTimeout, secureConnect: connectTimeout },
      agent: spec.auth ? this.#signedAgents : this.#publicAgents,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    // Errors while the head and body are read reach responseHead and readBoundedBody, which listen
    // for them; one that comes after (bytes a broken server sends past the end of its response)
    // would otherwise be an unhandled 'error' event that kills the process. The answer is complete
    // by then, so it is dropped.
    stream.on('error', ignoreLateError);
    let head: ResponseHead;
    try {
      head = await responseHead(stream);
    } catch (e) {
      stream.destroy();
      return connectionFailure(e, target, options.signal, this.#secure);
    }
    const declared = Number(head.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      stream.destroy();
      return tooLarge(target, head.status, limit);
    }
    let text: string;
    try {
      text = await readBoundedBody(stream, head.headers['content-encoding'], limit);
    } catch (e) {
      stream.destroy();
      if (e instanceof BodyTooLargeError) return tooLarge(target, head.status, limit);
      if (isDecodingError(e)) {
        const error = new QuoineResponseError(
          `the exchange answered ${head.status} with a body that does not decode as ${head.headers['content-encoding']}; the request was processed`,
          target,
          head.status,
        );
        return { ok: false, failure: { kind: 'response' }, error: always(error) };
      }
      return connectionFailure(e, target, options.signal, this.#secure);
    }
    return classifyResponse({ ...head, body: text }, target, redact);
  }
}

/** Status and headers of a response whose body is still to be read. */
interface ResponseHead {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
}

/** A response read whole (its body under the limit). */
interface ReadResponse extends ResponseHead {
  readonly body: string;
}

/** The listener that keeps a stream's late errors from crashing the process (see #exchange). */
function ignoreLateError(): void {
  // nothing to do: the attempt has already settled
}

/** Waits for the status line and headers of `stream`. */
function responseHead(stream: Request): Promise<ResponseHead> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.once('response', (response: { statusCode: number; headers: IncomingHttpHeaders }) => {
      stream.off('error', reject);
      resolve({ status: response.statusCode, headers: response.headers });
    });
  });
}

/** A body over the limit: never retried (the same request would bring the same body). */
function tooLarge(target: RequestTarget, status: number, limit: number): AttemptResult {
  return {
    ok: false,
    failure: { kind: 'final' },
    error: always(new QuoineResponseTooLargeError(target, status, limit)),
  };
}

/** zlib's and brotli's errors for a body that is not what its Content-Encoding says. */
function isDecodingError(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.includes('BROTLI'));
}

/** Per-call options, refused with a QuoineRequestError naming the option when out of range. */
function checkCallOptions(options: CallOptions): CallOptions {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime check of options from plain-JS callers
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new QuoineRequestError(
      `per-call options must be an object such as { timeout, maxRetries, maxResponseBytes, signal }, got ${typeof options}`,
      'options',
    );
  }
  const { timeout, maxRetries, maxResponseBytes, signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new QuoineRequestError('signal must be an AbortSignal', 'signal');
  }
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0 && timeout <= MAX_TIMER_MS)) {
    throw new QuoineRequestError(
      `timeout must be a number of milliseconds from 1 to ${MAX_TIMER_MS}, got ${String(timeout)}`,
      'timeout',
    );
  }
  if (maxRetries !== undefined && !(Number.isSafeInteger(maxRetries) && maxRetries >= 0)) {
    throw new QuoineRequestError(`maxRetries must be a whole number ≥ 0, got ${String(maxRetries)}`, 'maxRetries');
  }
  if (maxResponseBytes !== undefined && !(Number.isSafeInteger(maxResponseBytes) && maxResponseBytes >= 1)) {
    throw new QuoineRequestError(
      `maxResponseBytes must be a whole number ≥ 1, got ${String(maxResponseBytes)}`,
      'maxResponseBytes',
    );
  }
  return options;
}

/** Waits for `turn`, unless the caller's signal aborts first. */
function abortable(turn: Promise<void>, signal: AbortSignal | undefined, target: RequestTarget): Promise<void> {
  if (!signal) return turn;
  const aborted = (): QuoineAbortError => new QuoineAbortError(`${target.method} ${target.path}: the call was aborted`);
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    void turn.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

function classifyResponse(response: ReadResponse, target: RequestTarget, redact: Redactor): AttemptResult {
  const status = response.status;
  if (status >= 200 && status < 300) {
    try {
      return { ok: true, response: { status, body: parseLossless(response.body), target, redact } };
    } catch (e) {
      if (e instanceof JsonLimitError) {
        // Never retried, like a body over maxResponseBytes: the same request would bring the same body.
        const error = new QuoineResponseError(
          `the exchange answered ${status} with a body beyond what the SDK parses (${e.message}); the request was processed`,
          target,
          status,
        );
        return { ok: false, failure: { kind: 'final' }, error: always(error) };
      }
      const error = new QuoineResponseError(
        `the exchange answered ${status} with a body that is not JSON (${describeBody(response)}); the request was processed`,
        target,
        status,
      );
      return { ok: false, failure: { kind: 'response' }, error: always(error) };
    }
  }
  if (status >= 300 && status < 400) {
    const error = new QuoineResponseError(
      `unexpected redirect ${status} (redirects are not followed: the signed token must not travel)`,
      target,
      status,
    );
    return { ok: false, failure: { kind: 'status', status, retryAfterMs: undefined }, error: always(error) };
  }
  const headers = responseHeaders(response);
  const said = parseErrorBody(response.body, redact);
  const retryAfterMs =
    status === 429 || status === 503 ? parseRetryAfter(headers['retry-after'], response.body, now()) : undefined;
  const error: ErrorFor = (attempts) =>
    errorFromResponse({ ...target, ...said, status, headers, retryAfterMs, attempts });
  return {
    ok: false,
    failure: { kind: 'status', status, retryAfterMs },
    error,
    nonceTooSmall: status === 401 && error(1) instanceof NonceTooSmallError,
  };
}

function connectionFailure(
  e: unknown,
  target: RequestTarget,
  signal: AbortSignal | undefined,
  secure: boolean,
): AttemptResult {
  if (signal?.aborted) throw new QuoineAbortError(`${target.method} ${target.path}: the call was aborted`);
  const code = e instanceof RequestError ? e.code : undefined;
  const event = e instanceof TimeoutError ? e.event : undefined;
  const message = e instanceof Error ? e.message : String(e);
  const cause: FailureCause = { code, event, message };
  const sent =
    event !== undefined
      ? !NOT_SENT_TIMEOUTS.has(event)
      : !(code !== undefined && NOT_SENT_CODES.has(code)) && connectionWasUp(e, secure);
  const error: ErrorFor = (attempts) =>
    e instanceof TimeoutError
      ? new QuoineTimeoutError(target, cause, sent, attempts)
      : new QuoineConnectionError(target, cause, sent, attempts);
  return { ok: false, failure: { kind: 'connection', sent }, error };
}

/**
 * Whether the connection was ever ready to carry the request: TCP connected, and for https the
 * TLS handshake finished (no request byte leaves before it does; Node sends no early data). A
 * failed handshake, whatever its error code (a bad certificate, a reset, a server that does not
 * speak TLS), therefore proves the request was not sent. Unknown failures count as sent.
 */
function connectionWasUp(e: unknown, secure: boolean): boolean {
  const timings = e instanceof RequestError ? e.timings : undefined;
  if (timings === undefined) return true;
  return secure ? timings.secureConnect !== undefined : timings.connect !== undefined;
}

/** The most characters kept of one message of an error body (the rest is said to be cut). */
export const MAX_MESSAGE_CHARS = 500;
/** The most messages (and the most fields of `errors`) kept from one error body. */
export const MAX_MESSAGES = 50;

/**
 * Reads both error body shapes, and the plain-text bodies of 401 and 429. Whatever the body's
 * size, the result is bounded: at most {@link MAX_MESSAGES} messages and fields of at most
 * {@link MAX_MESSAGE_CHARS} characters each, every cut said as such.
 */
export function parseErrorBody(text: string, redact: Redactor = redactTokens): ErrorBody {
  // Each text is redacted before it is cut: a cut must not leave part of a token behind.
  const cut = (m: string): string => scrub(m, MAX_MESSAGE_CHARS, redact);
  const trimmed = text.trim();
  if (trimmed === '') return { messages: [], errors: {} };
  const whole = (): ErrorBody => ({ messages: [cut(trimmed)], errors: {} });
  let parsed: unknown;
  try {
    parsed = parseLossless(trimmed);
  } catch {
    return whole();
  }
  if (typeof parsed === 'string') return { messages: [cut(parsed)], errors: {} };
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return whole();
  const record = parsed as Record<string, unknown>;
  const messages: string[] = [];
  const errors: Record<string, string[]> = {};
  const say = (m: string): void => void messages.push(cut(m));
  if (typeof record.message === 'string') say(record.message);
  if (typeof record.errors === 'object' && record.errors !== null) {
    if (Array.isArray(record.errors)) {
      for (const m of record.errors.slice(0, MAX_MESSAGES)) say(String(m));
    } else {
      for (const [field, codes] of Object.entries(record.errors as Record<string, unknown>).slice(0, MAX_MESSAGES)) {
        const list = (Array.isArray(codes) ? codes : [codes]).slice(0, MAX_MESSAGES).map((c) => cut(String(c)));
        const name = cut(field);
        errors[name] = list;
        for (const c of list) messages.push(`${name}: ${c}`);
      }
    }
  }
  if (messages.length === 0) return whole();
  if (messages.length > MAX_MESSAGES) {
    const more = messages.length - MAX_MESSAGES;
    messages.length = MAX_MESSAGES;
    messages.push(`… and ${more} more`);
  }
  return { messages, errors };
}

function responseHeaders(response: ReadResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (name === 'set-cookie' || value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function describeBody(response: ReadResponse): string {
  const type = response.headers['content-type'] ?? 'no content type';
  return `${type}, ${response.body.length} characters`;
}

/** `path` with its query string, exactly as sent and signed. */
export function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}
