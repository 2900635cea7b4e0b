import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JwtVerifier } from '../auth/jwt-verifier.js';
import { authenticateRest } from '../auth/rest-auth.js';
import { browserRequestRefusal } from './control-guard.js';
import { mapError } from './error-mapping.js';
import type { FaultAction, FaultInjector } from './faults.js';
import { logText } from './log-text.js';
import type { SlidingWindowLimiter } from './rate-limiter.js';
import { MAX_BODY_BYTES, readBodyText, requestParams } from './request-body.js';
import { parseTarget } from '../wire/request-target.js';
import { CONTENT_TYPE, HttpError, messageResponse, textResponse, type SandboxResponse } from './responses.js';
import type { RouteContext } from './route-context.js';
import type { Router } from './router.js';
import {
  AUTH_FAILED_TEXT,
  NONCE_TOO_SMALL_TEXT,
  RATE_LIMIT_WINDOW_SECONDS,
  rateLimitedMessage,
  type ServerSettings,
} from '../settings.js';
import { unwrap } from './params.js';
import { OnceWarner } from './warn-once.js';
import { writeJson } from '../wire/json.js';

/** What the HTTP layer needs from the rest of the sandbox. */
export interface HttpServerParts {
  readonly router: Router;
  readonly verifier: JwtVerifier;
  readonly faults: FaultInjector;
  /** `undefined` when the rate limit is off. */
  readonly limiter: SlidingWindowLimiter | undefined;
  readonly settings: ServerSettings;
  /** The handler context without the per-request fields. */
  readonly context: Omit<RouteContext, 'path' | 'query' | 'params' | 'userId'>;
  /** Optional loopback-only control routes (`/__sandbox/...`); answers `undefined` when not one. */
  readonly control?: (method: string, path: string, bodyText: string) => SandboxResponse | undefined;
}

/**
 * What the server holds on to, for memory checks: each count has a fixed bound.
 * @group Sandbox
 */
export interface SandboxStats {
  /** Requests received and not yet answered (including those held by a `delay` fault). */
  readonly inFlight: number;
  /** Keys of the rate limiter (verified tokens and client IPs with requests in the window). */
  readonly rateLimitKeys: number;
  /** Remembered once-only warnings. */
  readonly warningKeys: number;
  /** Tokens with a recorded nonce. */
  readonly nonceTokens: number;
  /** Pending faults. */
  readonly pendingFaults: number;
}

/**
 * The sandbox's HTTP server. It owns a plain `node:http` server (exposed so a websocket server can
 * attach to its `upgrade` event) and runs each request through: target → body → control routes
 * or fault → route → auth → rate limit → synchronous handler → (post-processing fault) → response.
 */
export class SandboxHttpServer {
  /** The underlying server (for `upgrade` listeners). */
  readonly server: Server;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly warnings: OnceWarner;
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly parts: HttpServerParts) {
    const { requestTimeoutMs, headersTimeoutMs } = parts.settings;
    this.warnings = new OnceWarner(parts.settings.warn);
    this.server = createServer(
      {
        // A slow client (slowloris, or a body trickled forever) is cut with 408 once these pass;
        // Node checks them every connectionsCheckingInterval, so that is kept well below both.
        requestTimeout: requestTimeoutMs,
        headersTimeout: headersTimeoutMs,
        connectionsCheckingInterval: Math.max(
          50,
          Math.min(1000, Math.floor(Math.min(requestTimeoutMs, headersTimeoutMs) / 4)),
        ),
      },
      (request, response) => {
        this.inFlight += 1;
        response.once('close', this.finished);
        void this.serveGuarded(request, response);
      },
    );
  }

  /** Listens; resolves with the bound address (use port 0 for any free port). */
  listen(port: number, host: string): Promise<AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve(this.server.address() as AddressInfo);
      });
    });
  }

  /** Stops listening, drops every connection (including stalled ones) and clears pending timers. */
  close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Resolves once no request is in flight (at once when none is). */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** What the server holds on to (see {@link SandboxStats}). */
  stats(): SandboxStats {
    return {
      inFlight: this.inFlight,
      rateLimitKeys: this.parts.limiter?.size ?? 0,
      warningKeys: this.warnings.size,
      nonceTokens: this.parts.verifier.trackedNonces,
      pendingFaults: this.parts.faults.size,
    };
  }

  /** One listener for every response's `close` (not a closure per request). */
  private readonly finished = (): void => {
    this.inFlight -= 1;
    if (this.inFlight > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  private async serveGuarded(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      await this.serve(request, response);
    } catch (error) {
      this.parts.settings.warn(`internal error: ${logText(error instanceof Error ? error.message : String(error))}`);
      if (!response.headersSent) write(response, messageResponse(500, 'Internal Server Error'));
      else response.destroy();
    }
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = parseTarget(request.url ?? '');
    if (url === undefined) {
      write(response, closing(messageResponse(400, 'Bad Request: invalid request target')));
      return;
    }
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      write(response, closing(tooLarge()));
      return;
    }
    // A stream error while reading is the client's doing (it aborted, or the request timeout cut it).
    const bodyText = await readBodyText(request).catch((error: unknown) =>
      error instanceof HttpError ? error : CLIENT_GONE,
    );
    if (bodyText === CLIENT_GONE) return void response.destroy();
    if (bodyText instanceof HttpError) {
      write(response, closing(bodyText.response));
      return;
    }

    const control = this.parts.control;
    if (control !== undefined && url.pathname.startsWith('/__sandbox/') && isLoopback(request)) {
      const refusal = browserRequestRefusal(method, request.headers);
      if (refusal !== undefined) {
        write(response, messageResponse(403, `Forbidden: ${refusal}`));
        return;
      }
      write(response, control(method, url.pathname, bodyText) ?? messageResponse(404, 'Not found'));
      return;
    }

    const fault = this.parts.faults.take(method, url.pathname, bodyText);
    if (fault?.kind === 'reset-before') return void request.socket.destroy();
    if (fault?.kind === 'status') {
      write(response, faultStatusResponse(fault));
      return;
    }
    // A client that gave up during the delay does not stop the exchange from acting on a request
    // it received whole: that is exactly the ambiguity a response timeout leaves a client with.
    if (fault?.kind === 'delay') await this.sleep(fault.ms);

    const answer = this.process(request, method, url, bodyText);
    if (fault === undefined || fault.kind === 'delay') {
      write(response, answer);
      return;
    }
    this.deliverFaulty(response, answer, fault);
  }

  /**
   * Everything from routing to the handler: synchronous, so requests cannot interleave. Only
   * verified requests count against a token's rate limit (a forged token spends nobody's budget),
   * and nothing is remembered about a caller before it is verified.
   */
  private process(request: IncomingMessage, method: string, url: URL, bodyText: string): SandboxResponse {
    const { router, verifier, limiter, settings, context } = this.parts;
    const match = router.match(method, url.pathname);
    if (match === undefined) return messageResponse(404, 'Not found');
    try {
      const params = requestParams(method, bodyText, url.searchParams);
      let userId: number | undefined;
      let caller: string;
      if (!match.route.auth) caller = `ip ${request.socket.remoteAddress ?? ''}`;
      else {
        const clientOrderId = clientOrderIdOf(params);
        const result = authenticateRest(verifier, headerText(request, 'x-quoine-auth'), {
          method,
          url,
          template: match.route.template,
          clientOrderId,
        });
        if (!result.ok)
          return result.failure === 'nonce' ? nonceResponse(settings) : textResponse(401, AUTH_FAILED_TEXT);
        const { token, path } = result.caller;
        userId = token.userId;
        caller = `token ${token.tokenId}`;
        if (result.tolerances.length > 0) {
          const kinds = result.tolerances.join(', ');
          this.warnings.once(
            `path:${token.tokenId}:${kinds}`,
            () =>
              `JWT path claim ${logText(path ?? '')} for ${method} ${logText(url.pathname + url.search)} from ${logText(caller)}: accepted (${kinds}, as the exchange did for clients that signed it so); warned once`,
          );
        }
      }
      if (limiter !== undefined) {
        const decision = limiter.take(caller);
        if (!decision.allowed) return rateLimitedResponse(decision.retryAfterSeconds, decision.retryAfterSeconds);
      }
      if (headerText(request, 'x-quoine-api-version') !== '2') {
        this.warnings.once(
          `version:${caller}`,
          () => `request without "X-Quoine-API-Version: 2" from ${logText(caller)} (accepted; warned once)`,
        );
      }
      const body = match.route.handle({
        exchange: context.exchange,
        catalogue: context.catalogue,
        profile: context.profile,
        liquid: context.liquid,
        path: match.params,
        query: url.searchParams,
        params,
        userId,
      });
      return { status: 200, body: writeJson(body) };
    } catch (error) {
      const mapped = mapError(error);
      if (mapped !== undefined) return mapped;
      settings.warn(
        `internal error in ${logText(method)} ${logText(url.pathname)}: ${logText(error instanceof Error ? error.message : String(error))}`,
      );
      return messageResponse(500, 'Internal Server Error');
    }
  }

  /** The processed answer, spoiled as the fault says. */
  private deliverFaulty(response: ServerResponse, answer: SandboxResponse, fault: FaultAction): void {
    const body = Buffer.from(answer.body, 'utf8');
    const half = body.subarray(0, Math.floor(body.length / 2));
    switch (fault.kind) {
      case 'reset-after':
        response.socket?.destroy();
        return;
      case 'malformed-body': {
        write(response, { status: 200, body: fault.body ?? '<html><body>502 Bad Gateway</body></html>' });
        return;
      }
      case 'truncated-body':
        response.writeHead(200, { 'Content-Type': CONTENT_TYPE, 'Content-Length': body.length });
        response.write(half, () => response.socket?.destroy());
        return;
      case 'slow-body': {
        response.writeHead(200, { 'Content-Type': CONTENT_TYPE, 'Content-Length': body.length });
        response.write(half);
        if (fault.stallMs === undefined) return;
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (!response.destroyed) response.end(body.subarray(half.length));
        }, fault.stallMs);
        this.timers.add(timer);
        return;
      }
      default: {
        write(response, answer);
        return;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

/** Marks a request whose body could not be read to its end because the client went away. */
const CLIENT_GONE = Symbol('client gone');

function write(response: ServerResponse, answer: SandboxResponse): void {
  if (response.destroyed) return;
  const body = Buffer.from(answer.body, 'utf8');
  const headers: Record<string, string | number> = Object.assign({}, answer.headers);
  headers['Content-Type'] = CONTENT_TYPE;
  headers['Content-Length'] = body.length;
  response.writeHead(answer.status, headers);
  response.end(body);
}

/** The answer, with the connection closed after it (the rest of the request is not worth reading). */
function closing(answer: SandboxResponse): SandboxResponse {
  return {
    status: answer.status,
    body: answer.body,
    headers: Object.assign({}, answer.headers, { Connection: 'close' }),
  };
}

function tooLarge(): SandboxResponse {
  return messageResponse(413, 'Request Entity Too Large');
}

/** 429 `{"message":"API rate limit exceeded. Please retry after Ns"}` with `Retry-After: <header>`. */
function rateLimitedResponse(seconds: number, header: number | string | undefined): SandboxResponse {
  const response = messageResponse(429, rateLimitedMessage(seconds));
  return header === undefined
    ? response
    : { status: response.status, body: response.body, headers: { 'Retry-After': String(header) } };
}

function faultStatusResponse(fault: Extract<FaultAction, { kind: 'status' }>): SandboxResponse {
  if (fault.status === 429 && fault.body === undefined) {
    const said = Number(fault.retryAfter);
    const seconds =
      fault.retryAfter !== undefined && Number.isFinite(said) && said >= 0
        ? Math.ceil(said)
        : RATE_LIMIT_WINDOW_SECONDS;
    return rateLimitedResponse(seconds, fault.retryAfter);
  }
  const headers: Record<string, string> =
    fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
  return { status: fault.status, body: fault.body ?? JSON.stringify({ message: reasonPhrase(fault.status) }), headers };
}

function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = {
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return phrases[status] ?? `Error ${status}`;
}

function nonceResponse(settings: ServerSettings): SandboxResponse {
  const { status, shape } = settings.nonceError;
  return shape === 'json' ? messageResponse(status, NONCE_TOO_SMALL_TEXT) : textResponse(status, NONCE_TOO_SMALL_TEXT);
}

function headerText(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function clientOrderIdOf(params: Readonly<Record<string, unknown>>): string | undefined {
  const id = unwrap(params, 'order')['client_order_id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function isLoopback(request: IncomingMessage): boolean {
  const address = request.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
