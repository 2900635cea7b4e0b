// Test helpers: the sandbox over real loopback HTTP, driven with plain got + jsonwebtoken
// (never the SDK's client, so a bug cannot hide in both).
import got, { type Got, type Method, type Response } from 'got';
import jwt from 'jsonwebtoken';
import { isLosslessNumber, parse } from 'lossless-json';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../lib/sandbox/index.js';

/** Credentials of a sandbox token. */
export interface Credentials {
  readonly tokenId: string;
  readonly secret: string;
}

/** A sandbox on 127.0.0.1:0 without the market maker unless asked, warnings collected. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<Sandbox & { warnings: string[] }> {
  const warnings: string[] = [];
  const sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    market: false,
    seed: 7,
    warn: (m) => warnings.push(m),
    ...options,
  });
  return Object.assign(sandbox, { warnings });
}

/** got bound to the sandbox: no retries, no throwing on HTTP errors, body as text. */
export function httpClient(sandbox: Sandbox): Got {
  return got.extend({
    prefixUrl: sandbox.url,
    retry: { limit: 0 },
    throwHttpErrors: false,
    responseType: 'text',
    followRedirect: false,
    timeout: { request: 10_000 },
    headers: { 'X-Quoine-API-Version': '2', 'Content-Type': 'application/json' },
  });
}

let lastNonce = BigInt(Date.now()) * 1000n;

/** A strictly increasing nonce across the whole test run (µs-scale, as some clients used). */
export function nextNonce(): bigint {
  lastNonce += 1n;
  return lastNonce;
}

/** Signs the claims of quoine-api.md §2.1 with HS256. */
export function sign(credentials: Credentials, path: string, extra: Record<string, unknown> = {}): string {
  return jwt.sign({ path, nonce: Number(nextNonce()), token_id: credentials.tokenId, ...extra }, credentials.secret, {
    algorithm: 'HS256',
    noTimestamp: true,
  });
}

/** A signed (private) or unsigned (public) request; `path` starts with `/` and may carry a query. */
export async function call(
  client: Got,
  method: Method,
  path: string,
  options: { credentials?: Credentials; body?: unknown; rawBody?: string; token?: string } = {},
): Promise<Response<string>> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers['X-Quoine-Auth'] = options.token;
  else if (options.credentials !== undefined) headers['X-Quoine-Auth'] = sign(options.credentials, path);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return client(path.slice(1), { method, headers, ...(body === undefined ? {} : { body }) });
}

/** Parses a body keeping numbers as LosslessNumber (so a spec can tell a JSON number from a string). */
export function lossless(text: string): unknown {
  return parse(text);
}

/** A body parsed with plain JSON.parse (for simple value checks). */
export function json<T = unknown>(response: Response<string>): T {
  return JSON.parse(response.body) as T;
}

/** The JSON type of a value parsed by {@link lossless}: number, string, boolean, null, array or object. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (isLosslessNumber(value)) return 'number';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A scheduler whose timers run only when the test says so (for the `scheduler` option). */
export class ManualScheduler {
  private readonly timers = new Map<number, { readonly callback: () => void; readonly ms: number }>();
  private nextHandle = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.timers.set(handle, { callback, ms });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Delays of the pending timers, in the order they were set. */
  get pending(): number[] {
    return [...this.timers.values()].map((timer) => timer.ms);
  }

  /** Runs the pending timers (not those they set). */
  runPending(): void {
    const due = [...this.timers.entries()];
    this.timers.clear();
    for (const [, timer] of due) timer.callback();
  }
}
