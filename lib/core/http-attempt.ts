/**
 * One HTTP attempt over `node:http` / `node:https`: the request written in one chunk, the
 * timeouts of each phase, the caller's abort, and what the retry policy must know of a failure
 * (whether the connection was ever up to carry the request). Redirects are never followed (Node
 * does not follow them); the body is left to the caller (`core/body.ts` reads it under a limit).
 *
 * Phases, as got named them: `request` bounds the whole attempt, from the request's creation
 * until its body is read; `lookup` (a host name's DNS lookup), `connect` (TCP, from the lookup's
 * end) and `secureConnect` (the TLS handshake, from TCP's end) bound a new connection's set-up,
 * each from when the agent hands the request a socket (a request queued for a busy pool does not
 * spend its connect budget waiting). A reused keep-alive connection skips all three.
 *
 * The listeners are static methods shared by every attempt, which find theirs through the
 * emitter (no closure per request). The request and its response always keep an `'error'`
 * listener: an error after the answer was read (bytes a broken server sends past the end of its
 * response) is dropped instead of crashing the process.
 * @module
 */
import http, { type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import net, { type Socket } from 'node:net';
import { ignoreLateError } from './response-stream.js';

/** Where the attempts of one transport go: the base URL, taken apart once. */
export interface Origin {
  readonly secure: boolean;
  /** The host as `http.request` takes it (an IPv6 address without its brackets). */
  readonly hostname: string;
  readonly port: number | undefined;
  /** The base URL's path without a trailing slash (`''` for most). */
  readonly basePath: string;
  /** Whether `hostname` is an IP address (no DNS lookup, so no `lookup` phase). */
  readonly isIp: boolean;
}

/** The origin of a base URL. */
export function originOf(baseUrl: string): Origin {
  const url = new URL(baseUrl);
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    secure: url.protocol === 'https:',
    hostname,
    port: url.port === '' ? undefined : Number(url.port),
    basePath: url.pathname.replace(/\/+$/, ''),
    isIp: net.isIP(hostname) !== 0,
  };
}

/** One request to send. */
export interface AttemptRequest {
  readonly method: string;
  /** The path under the origin's base path, with its query string. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body; `undefined` sends none (a GET), `''` an empty one. */
  readonly body: string | undefined;
  /** A keep-alive agent of the origin's protocol. */
  readonly agent: http.Agent;
  /** Milliseconds the whole attempt may take. */
  readonly timeout: number;
  /** Milliseconds each phase of a new connection's set-up may take. */
  readonly connectTimeout: number;
  readonly signal: AbortSignal | undefined;
}

/**
 * A phase ran out of time. Its message and code are those got (the SDK's earlier HTTP client)
 * gave, which users may match.
 */
export class HttpTimeoutError extends Error {
  override name = 'TimeoutError';
  readonly code = 'ETIMEDOUT';

  /**
   * @param event the phase: `request`, `lookup`, `connect` or `secureConnect`
   * @param ms its budget
   */
  constructor(
    readonly event: string,
    ms: number,
  ) {
    super(`Timeout awaiting '${event}' for ${ms}ms`);
  }
}

/** The caller's signal fired (the transport turns this into `QuoineAbortError`). */
class HttpAbortError extends Error {
  override name = 'AbortError';
  readonly code = 'ABORT_ERR';

  constructor() {
    super('The operation was aborted');
  }
}

/** A response whose head has arrived; its body is `body`, still to be read. */
export interface OpenResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: IncomingMessage;
}

/** How the emitters (the request, a new socket) find their attempt. */
const ATTEMPT = Symbol('quoine.attempt');
type Tagged<T> = T & { [ATTEMPT]?: HttpAttempt | undefined };

/**
 * One request in flight. {@link response} settles with the head or the failure; the caller then
 * reads the body and calls {@link close} whatever happened.
 */
export class HttpAttempt {
  /** The head of the response, or why none came. */
  readonly response: Promise<OpenResponse>;
  /**
   * Whether the connection was ever ready to carry the request: TCP connected and, for https,
   * the TLS handshake finished (no request byte leaves before it does; Node sends no early data).
   * A failure before that, whatever its code, proves the request was not sent.
   */
  connected = false;
  #resolve!: (response: OpenResponse) => void;
  #reject!: (error: Error) => void;
  #request: ClientRequest | undefined;
  #body: IncomingMessage | undefined;
  /** The whole attempt's timer. */
  #timer: NodeJS.Timeout | undefined;
  /** The timer of the connection phase under way (one at a time: each starts when the one before ends). */
  #phaseTimer: NodeJS.Timeout | undefined;
  readonly #connectTimeout: number;
  readonly #secure: boolean;
  readonly #isIp: boolean;
  #signal: AbortSignal | undefined;
  /** Whether {@link response} has settled. */
  #settled = false;
  #closed = false;

  /** Sends `request` to `origin`. Never throws: a failure rejects {@link response}. */
  constructor(origin: Origin, request: AttemptRequest) {
    this.response = new Promise<OpenResponse>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.#connectTimeout = request.connectTimeout;
    this.#secure = origin.secure;
    this.#isIp = origin.isIp;
    const { signal } = request;
    if (signal?.aborted === true) {
      this.#fail(new HttpAbortError());
      return;
    }
    let req: Tagged<ClientRequest>;
    try {
      req = (origin.secure ? https : http).request({
        hostname: origin.hostname,
        port: origin.port,
        path: origin.basePath + request.path,
        method: request.method,
        headers: request.headers,
        agent: request.agent,
      });
    } catch (e) {
      // Refused before anything was written (a header Node will not send): provably not sent.
      this.#fail(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    req[ATTEMPT] = this;
    this.#request = req;
    req.on('error', HttpAttempt.#onRequestError);
    req.once('response', HttpAttempt.#onResponse);
    req.once('socket', HttpAttempt.#onSocket);
    this.#timer = setTimeout(HttpAttempt.#onTimeout, request.timeout, this, 'request', request.timeout);
    if (signal) {
      this.#signal = signal;
      signal.addEventListener('abort', this, { once: true });
    }
    // Ended at once with the body: Node joins the head and a string body into one chunk (one
    // write to the socket, not got's head and body written apart).
    req.end(request.body);
  }

  /** Releases timers and the abort listener; destroys the connection unless the body was read to its end. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#clearTimers();
    this.#signal?.removeEventListener('abort', this);
    if (this.#body?.readableEnded !== true) {
      this.#body?.destroy();
      this.#request?.destroy();
    }
  }

  /** The caller's signal fired (an `EventTarget` listener object: no closure per request). */
  handleEvent(): void {
    this.#fail(new HttpAbortError());
  }

  /** Fails the attempt with `error`: the wait for the head, or the body's read once the head came. */
  #fail(error: Error): void {
    this.#clearTimers();
    if (this.#body) {
      if (!this.#body.readableEnded) this.#body.destroy(error);
    } else if (!this.#settled) {
      this.#settled = true;
      this.#reject(error);
    }
    this.#request?.destroy();
  }

  #clearTimers(): void {
    clearTimeout(this.#timer);
    clearTimeout(this.#phaseTimer);
    this.#timer = this.#phaseTimer = undefined;
  }

  #startPhase(event: 'lookup' | 'connect' | 'secureConnect'): void {
    clearTimeout(this.#phaseTimer);
    if (this.#settled || this.#closed) return;
    this.#phaseTimer = setTimeout(HttpAttempt.#onTimeout, this.#connectTimeout, this, event, this.#connectTimeout);
  }

  #endPhase(): void {
    clearTimeout(this.#phaseTimer);
    this.#phaseTimer = undefined;
  }

  // The listeners below are shared by every attempt: `this` is the emitter, tagged with its attempt.

  static #onSocket(this: Tagged<ClientRequest>, socket: Tagged<Socket>): void {
    const attempt = this[ATTEMPT];
    if (!attempt) return;
    if (!socket.connecting) {
      attempt.connected = true; // a kept-alive connection, set up (TLS included) long ago
      return;
    }
    socket[ATTEMPT] = attempt;
    if (attempt.#isIp) attempt.#startPhase('connect');
    else {
      attempt.#startPhase('lookup');
      socket.once('lookup', HttpAttempt.#onLookup);
    }
    socket.once('connect', HttpAttempt.#onConnect);
  }

  static #onLookup(this: Tagged<Socket>, error: Error | null): void {
    const attempt = this[ATTEMPT];
    if (!attempt) return;
    attempt.#endPhase();
    if (error === null) attempt.#startPhase('connect');
  }

  static #onConnect(this: Tagged<Socket>): void {
    const attempt = this[ATTEMPT];
    if (!attempt) return;
    attempt.#endPhase();
    if (attempt.#secure) {
      attempt.#startPhase('secureConnect');
      this.once('secureConnect', HttpAttempt.#onSecureConnect);
      return;
    }
    attempt.connected = true;
    this[ATTEMPT] = undefined; // the socket outlives the attempt (keep-alive)
  }

  static #onSecureConnect(this: Tagged<Socket>): void {
    const attempt = this[ATTEMPT];
    if (!attempt) return;
    attempt.#endPhase();
    attempt.connected = true;
    this[ATTEMPT] = undefined;
  }

  static #onResponse(this: Tagged<ClientRequest>, response: IncomingMessage): void {
    response.on('error', ignoreLateError);
    const attempt = this[ATTEMPT];
    if (!attempt || attempt.#settled) {
      response.destroy();
      return;
    }
    attempt.#settled = true;
    attempt.#body = response;
    attempt.#resolve({ status: response.statusCode ?? 0, headers: response.headers, body: response });
  }

  static #onRequestError(this: Tagged<ClientRequest>, error: Error): void {
    const attempt = this[ATTEMPT];
    if (!attempt) return;
    const body = attempt.#body;
    if (body) {
      // The body's reader sees a failure through the body (Node destroys it when its socket
      // fails); after the body's end, the error is late and dropped.
      if (!body.readableEnded && !body.destroyed) body.destroy(error);
      return;
    }
    if (attempt.#settled) return;
    attempt.#settled = true;
    attempt.#clearTimers();
    attempt.#reject(error);
  }

  static #onTimeout(attempt: HttpAttempt, event: string, ms: number): void {
    if (attempt.#closed || attempt.#body?.readableEnded === true) return;
    attempt.#fail(new HttpTimeoutError(event, ms));
  }
}
