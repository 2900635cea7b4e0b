import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unverifiedTokenId, type JwtVerifier } from './auth/jwt-verifier.js';
import { mapError } from './error-mapping.js';
import type { FaultAction, FaultInjector } from './faults.js';
import type { SlidingWindowLimiter } from './rate-limiter.js';
import { readBodyText, requestParams } from './request-body.js';
import { CONTENT_TYPE, HttpError, messageResponse, textResponse, type SandboxResponse } from './responses.js';
import type { RouteContext } from './route-context.js';
import type { Router } from './router.js';
import { AUTH_FAILED_TEXT, NONCE_TOO_SMALL_TEXT, RATE_LIMITED_TEXT, type ServerSettings } from './settings.js';
import { unwrap } from './params.js';
import { writeJson } from './wire/json.js';

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
 * The sandbox's HTTP server. It owns a plain `node:http` server (exposed so a websocket server can
 * attach to its `upgrade` event) and runs each request through: body → fault → rate limit → route
 * → auth → synchronous handler → (post-processing fault) → response.
 */
export class SandboxHttpServer {
  /** The underlying server (for `upgrade` listeners). */
  readonly server: Server;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly warned = new Set<string>();

  constructor(private readonly parts: HttpServerParts) {
    this.server = createServer((request, response) => {
      this.serve(request, response).catch((error: unknown) => {
        parts.settings.warn(`internal error: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent) write(response, messageResponse(500, 'Internal Server Error'));
        else response.destroy();
      });
    });
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

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const bodyText = await readBodyText(request).catch((error: unknown) => {
      if (error instanceof HttpError) return error;
      throw error;
    });
    if (bodyText instanceof HttpError) return write(response, bodyText.response);

    const control = this.parts.control;
    if (control !== undefined && url.pathname.startsWith('/__sandbox/') && isLoopback(request)) {
      return write(response, control(method, url.pathname, bodyText) ?? messageResponse(404, 'Not found'));
    }

    const fault = this.parts.faults.take(method, url.pathname);
    if (fault?.kind === 'reset-before') return void request.socket.destroy();
    if (fault?.kind === 'status') return write(response, faultStatusResponse(fault));
    // A client that gave up during the delay does not stop the exchange from acting on a request
    // it received whole: that is exactly the ambiguity a response timeout leaves a client with.
    if (fault?.kind === 'delay') await this.sleep(fault.ms);

    const answer = this.process(request, method, url, bodyText);
    if (fault === undefined || fault.kind === 'delay') return write(response, answer);
    this.deliverFaulty(response, answer, fault);
  }

  /** Everything from the rate limit to the handler: synchronous, so requests cannot interleave. */
  private process(request: IncomingMessage, method: string, url: URL, bodyText: string): SandboxResponse {
    const { router, verifier, limiter, settings, context } = this.parts;
    const match = router.match(method, url.pathname);
    const authHeader = headerText(request, 'x-quoine-auth');
    const tokenId = match?.route.auth && authHeader !== undefined ? unverifiedTokenId(authHeader) : undefined;
    const rateKey = tokenId !== undefined ? `token:${tokenId}` : `ip:${request.socket.remoteAddress ?? ''}`;
    if (limiter !== undefined) {
      const decision = limiter.take(rateKey);
      if (!decision.allowed) {
        return textResponse(429, RATE_LIMITED_TEXT, { 'Retry-After': String(decision.retryAfterSeconds) });
      }
    }
    if (match === undefined) return messageResponse(404, 'Not found');
    this.checkVersionHeader(request, rateKey);
    try {
      const params = requestParams(method, bodyText, url.searchParams);
      let userId: number | undefined;
      if (match.route.auth) {
        const exempt = method === 'POST' && match.route.template === '/orders' && hasClientOrderId(params);
        const result = verifier.verify(authHeader, exempt);
        if (!result.ok) return result.failure === 'nonce' ? nonceResponse(settings) : textResponse(401, AUTH_FAILED_TEXT);
        userId = result.caller.token.userId;
        if (pathMismatch(url, result.caller.path)) {
          const example = `${JSON.stringify(result.caller.path)} for ${method} ${url.pathname}${url.search}`;
          this.warnOnce(`path:${rateKey}`, `JWT path claims differ from the requested paths for ${rateKey}, e.g. ${example} (accepted; warned once)`);
        }
      }
      const body = match.route.handle({ ...context, path: match.params, query: url.searchParams, params, userId });
      return { status: 200, body: writeJson(body) };
    } catch (error) {
      const mapped = mapError(error);
      if (mapped !== undefined) return mapped;
      settings.warn(`internal error in ${method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`);
      return messageResponse(500, 'Internal Server Error');
    }
  }

  private checkVersionHeader(request: IncomingMessage, key: string): void {
    if (headerText(request, 'x-quoine-api-version') === '2') return;
    this.warnOnce(`version:${key}`, `request without "X-Quoine-API-Version: 2" from ${key} (accepted; warned once)`);
  }

  /** Soft checks warn once per kind and caller, so a client's habit does not flood the log. */
  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.parts.settings.warn(message);
  }

  /** The processed answer, spoiled as the fault says. */
  private deliverFaulty(response: ServerResponse, answer: SandboxResponse, fault: FaultAction): void {
    const body = Buffer.from(answer.body, 'utf8');
    const half = body.subarray(0, Math.floor(body.length / 2));
    switch (fault.kind) {
      case 'reset-after':
        response.socket?.destroy();
        return;
      case 'malformed-body':
        return write(response, { status: 200, body: fault.body ?? '<html><body>502 Bad Gateway</body></html>' });
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
      default:
        return write(response, answer);
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

function write(response: ServerResponse, answer: SandboxResponse): void {
  if (response.destroyed) return;
  const body = Buffer.from(answer.body, 'utf8');
  response.writeHead(answer.status, { ...answer.headers, 'Content-Type': CONTENT_TYPE, 'Content-Length': body.length });
  response.end(body);
}

function faultStatusResponse(fault: Extract<FaultAction, { kind: 'status' }>): SandboxResponse {
  const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
  const body = fault.body ?? (fault.status === 429 ? RATE_LIMITED_TEXT : JSON.stringify({ message: reasonPhrase(fault.status) }));
  return { status: fault.status, body, headers };
}

function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
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

function hasClientOrderId(params: Readonly<Record<string, unknown>>): boolean {
  const id = unwrap(params, 'order')['client_order_id'];
  return typeof id === 'string' && id !== '';
}

/**
 * §2.1: working clients signed other paths (no query, a full URL), so a mismatch is served and only
 * warned about. A trailing slash and a missing query do not count as mismatches.
 */
function pathMismatch(url: URL, signed: string | undefined): boolean {
  if (signed === undefined) return false;
  const strip = (path: string): string => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);
  const [signedPath = '', signedQuery] = signed.split('?', 2);
  const samePath = strip(signedPath) === strip(url.pathname);
  const sameQuery = signedQuery === undefined || `?${signedQuery}` === url.search;
  return !(samePath && sameQuery);
}

function isLoopback(request: IncomingMessage): boolean {
  const address = request.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
