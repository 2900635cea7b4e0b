/**
 * The only module that makes HTTP calls. For every attempt of a call it waits on the rate
 * limiter, signs with a fresh nonce, sends over `node:http`/`node:https` (one attempt is a
 * `core/http-attempt.ts` HttpAttempt: phase timeouts, abort, no redirects), reads the body under
 * its byte limit (`core/body.ts`), parses it losslessly and classifies the outcome; the retry
 * policy decides whether to go again. It knows nothing of entities: it returns lossless-parsed
 * JSON (numbers as source strings).
 * @module
 */
import http from 'node:http';
import https from 'node:https';
import { always, classifyResponse, connectionFailure, tooLarge, type AttemptResult } from './attempt-outcome.js';
import type { Signer } from './auth.js';
import { BodyTooLargeError, readBoundedBody } from './body.js';
import { checkCallOptions, type CallOptions } from './call-options.js';
import { sleep } from './clock.js';
import type { Coordinator } from './coordinator.js';
import { QuoineRequestError, QuoineResponseError, type RequestTarget } from './errors.js';
import { HttpAttempt, originOf, type OpenResponse, type Origin } from './http-attempt.js';
import type { RequestSpec, TransportResponse } from './request-spec.js';
import { withQuery } from './request-spec.js';
import { isDecodingError } from './response-stream.js';
import { redactTokens, scrubError, type Redactor } from './scrub.js';
import type { RateLimit } from './rate-limiter.js';
import { DEFAULT_BACKOFF, isRetryable, retryDelay, type Backoff } from './retry.js';

/** How long a kept-alive connection may stay idle, at most (the server's hint can make it shorter). */
const IDLE_SOCKET_MS = 30_000;

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
  /** The signing lane and the rate-limit window of the client's token. */
  readonly coordinator: Coordinator;
  /** The client-side rate limit, or `undefined` when it is off. */
  readonly rateLimit: RateLimit | undefined;
  readonly backoff?: Backoff;
}

/** The per-call options of a call that gave none. */
const NO_OPTIONS: CallOptions = Object.freeze({});

/** Sends calls for one client. */
export class Transport {
  readonly #settings: TransportSettings;
  readonly #backoff: Backoff;
  readonly #origin: Origin;
  /** The client's headers and the encodings the body reader decodes. */
  readonly #headers: Readonly<Record<string, string>>;
  /** Public calls share a small keep-alive pool. */
  readonly #publicAgent: http.Agent;
  /**
   * Signed calls go one at a time (the coordinator's signing lane) over a single connection, so
   * they reach the exchange in the order their nonces were made (several sockets would let a
   * larger nonce overtake a smaller one and earn "Nonce is too small"). At the exchange's rate
   * limit this costs nothing.
   */
  readonly #signedAgent: http.Agent;

  /** @param settings the client's settings */
  constructor(settings: TransportSettings) {
    this.#settings = settings;
    this.#backoff = settings.backoff ?? DEFAULT_BACKOFF;
    this.#origin = originOf(settings.baseUrl);
    this.#headers = { ...settings.headers, 'Accept-Encoding': 'gzip, deflate, br' };
    // Only the base URL's protocol is ever used (redirects are not followed): agents of its kind.
    // An idle socket's timeout: Node's agent honours a server's `Keep-Alive: timeout=N` hint (and
    // drops the socket a second before it) only when the agent has a timeout of its own. Without
    // it, a request can leave on a connection the server is closing, and be reset "maybe processed".
    const options = (maxSockets: number): http.AgentOptions => ({
      keepAlive: true,
      maxSockets,
      timeout: IDLE_SOCKET_MS,
    });
    const agent = (maxSockets: number): http.Agent =>
      this.#origin.secure ? new https.Agent(options(maxSockets)) : new http.Agent(options(maxSockets));
    this.#publicAgent = agent(8);
    this.#signedAgent = agent(1);
  }

  /** Whether signed calls are possible (credentials were given). */
  get canSign(): boolean {
    return this.#settings.signer !== undefined;
  }

  /** Closes idle keep-alive connections. The transport stays usable. */
  close(): void {
    this.#publicAgent.destroy();
    this.#signedAgent.destroy();
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
    // A null from a plain-JS caller must reach checkCallOptions and be refused, not replaced.
    const options = spec.options === undefined ? NO_OPTIONS : checkCallOptions(spec.options);
    const maxRetries = options.maxRetries ?? this.#settings.maxRetries;
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let retries = 0;
    let nonceRetried = false;
    for (let attempt = 1; ; attempt++) {
      const { coordinator, rateLimit } = this.#settings;
      const slot = rateLimit ? await coordinator.acquireSlot(rateLimit, options.signal) : undefined;
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
      if (retryAfterMs !== undefined && rateLimit)
        coordinator.pause(Math.min(retryAfterMs, this.#settings.maxRetryAfterMs));
      const waitTooLong = retryAfterMs !== undefined && retryAfterMs > this.#settings.maxRetryAfterMs;
      if (retries >= maxRetries || waitTooLong || !isRetryable(spec.safety, failure)) {
        throw error(attempt);
      }
      retries++;
      await sleep(retryDelay(retries, retryAfterMs, this.#backoff), options.signal);
    }
  }

  /**
   * One attempt, holding the signing lane from signing until the response when it is signed
   * with a nonce: the next holder's request then cannot reach the exchange before this one.
   */
  async #attempt(
    spec: RequestSpec,
    target: RequestTarget,
    signer: Signer | undefined,
    body: string | undefined,
    options: CallOptions,
  ): Promise<AttemptResult> {
    if (!signer || spec.nonceExempt === true) return this.#send(spec, target, signer, undefined, body, options);
    const lease = await this.#settings.coordinator.acquireLane(options.signal);
    try {
      return await this.#send(spec, target, signer, lease.nonce, body, options);
    } finally {
      lease.release();
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
    nonce: number | undefined,
    body: string | undefined,
    options: CallOptions,
  ): Promise<AttemptResult> {
    // Signed right before sending, with no await in between: nonce order is send order.
    const token = signer?.sign(target.path, nonce);
    const headers = token === undefined ? this.#headers : { ...this.#headers, 'X-Quoine-Auth': token };
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
    const attempt = new HttpAttempt(this.#origin, {
      method: spec.method,
      path: target.path,
      headers,
      // A bodiless PUT or POST sends an empty body (Content-Length: 0); a GET sends none.
      body: body ?? (spec.method === 'GET' ? undefined : ''),
      agent: spec.auth && spec.nonceExempt !== true ? this.#signedAgent : this.#publicAgent,
      timeout,
      connectTimeout: Math.min(timeout, this.#settings.connectTimeout),
      signal: options.signal,
    });
    try {
      let response: OpenResponse;
      try {
        response = await attempt.response;
      } catch (e) {
        return connectionFailure(e, target, options.signal, attempt.connected);
      }
      const { status, headers: head } = response;
      const declared = Number(head['content-length']);
      if (Number.isFinite(declared) && declared > limit) return tooLarge(target, status, limit);
      let text: string;
      try {
        text = await readBoundedBody(response.body, head['content-encoding'], limit);
      } catch (e) {
        if (e instanceof BodyTooLargeError) return tooLarge(target, status, limit);
        if (isDecodingError(e)) {
          const error = new QuoineResponseError(
            `the exchange answered ${status} with a body that does not decode as ${head['content-encoding']}; the request was processed`,
            target,
            status,
          );
          return { ok: false, failure: { kind: 'response' }, error: always(error) };
        }
        return connectionFailure(e, target, options.signal, attempt.connected);
      }
      return classifyResponse({ status, headers: head, body: text }, target, redact);
    } finally {
      // Timers and the abort listener go; a connection whose body was not read to its end is destroyed.
      attempt.close();
    }
  }
}
