// Shared setup of the tap specs: an exchange and a bare HTTP server on 127.0.0.1:0 with the tap
// attached, and a raw `ws` client that records every frame (never the SDK's realtime client).
import { createServer, type Server } from 'node:http';
import { expect } from 'chai';
import { isLosslessNumber, parse } from 'lossless-json';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { WebSocket } from 'ws';
import type { Exchange } from '../../../lib/sandbox/exchange/index.js';
import type { Sandbox } from '../../../lib/sandbox/index.js';
import { TokenRegistry, type SandboxToken } from '../../../lib/sandbox/auth/token-registry.js';
import type { Profile } from '../../../lib/sandbox/profile.js';
import { attachTap, type Tap, type TapOptions } from '../../../lib/sandbox/tap/index.js';
import { rawText } from '../../../lib/sandbox/tap/connection.js';
import { makeExchange } from '../exchange/helpers.js';

/** A tap on its own loopback server. */
export interface TapServer {
  readonly exchange: Exchange;
  readonly tokens: TokenRegistry;
  readonly tap: Tap;
  readonly server: Server;
  readonly port: number;
  /** `ws://127.0.0.1:PORT/app/LiquidTapClient` */
  readonly url: string;
  /** A new user funded with `balances`, and a token for it. */
  user(balances?: Record<string, string>): SandboxToken;
  close(): Promise<void>;
}

export async function startTapServer(
  options: { profile?: Profile } & Partial<Omit<TapOptions, 'server' | 'exchange' | 'tokens' | 'profile'>> = {},
): Promise<TapServer> {
  const { exchange } = makeExchange();
  const tokens = new TokenRegistry();
  const server = createServer((_request, response) => {
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const { profile = 'quoine', ...rest } = options;
  const tap = attachTap({ server, exchange, tokens, profile, ...rest });
  return {
    exchange,
    tokens,
    tap,
    server,
    port,
    url: `ws://127.0.0.1:${port}/app/LiquidTapClient`,
    user: (balances = { USD: '1000000', BTC: '100', ETH: '1000', JPY: '100000000' }) =>
      tokens.issue(exchange.createUser(balances)),
    close: async () => {
      await tap.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

let lastNonce = Date.now();

/** A realtime JWT (quoine-api.md §8.2): `{token_id, path: "/realtime", nonce}` signed HS256. */
export function realtimeJwt(token: { tokenId: string; secret: string }, claims: Record<string, unknown> = {}): string {
  lastNonce += 1;
  return jwt.sign({ token_id: token.tokenId, path: '/realtime', nonce: lastNonce, ...claims }, token.secret, {
    algorithm: 'HS256',
    noTimestamp: true,
  });
}

/** A frame as received: `data` still as sent (a string when double-encoded). */
export interface Frame {
  readonly event: string;
  readonly channel?: string;
  readonly data: unknown;
}

/** A raw websocket client that queues every frame and lets a spec await the next matching one. */
export class RawClient {
  readonly socket: WebSocket;
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #cursor = 0;
  #waiters: Array<{ match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }> = [];

  private constructor(socket: WebSocket) {
    this.socket = socket;
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    socket.on('message', (data) => {
      const frame = JSON.parse(rawText(data)) as Frame;
      this.frames.push(frame);
      this.#serve();
    });
  }

  /** Connects and waits for the socket to open (not for `pusher:connection_established`). */
  static async connect(url: string): Promise<RawClient> {
    const socket = new WebSocket(url);
    const client = new RawClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  send(event: string, data: unknown): void {
    this.socket.send(JSON.stringify({ event, data }));
  }

  sendRaw(text: string): void {
    this.socket.send(text);
  }

  /** The next frame (after those already taken) for which `match` holds; earlier non-matching ones are skipped. */
  next(match: (frame: Frame) => boolean = () => true): Promise<Frame> {
    return new Promise((resolve) => {
      this.#waiters.push({ match, resolve });
      this.#serve();
    });
  }

  /** The next frame with this event (and channel). */
  nextEvent(event: string, channel?: string): Promise<Frame> {
    return this.next((frame) => frame.event === event && (channel === undefined || frame.channel === channel));
  }

  /**
   * Every frame up to the pong answering a ping sent now: the server handles frames in order and
   * publishes synchronously, so this is everything it sent before.
   */
  async drain(): Promise<Frame[]> {
    const start = this.#cursor;
    this.send('pusher:ping', {});
    await this.nextEvent('pusher:pong');
    return this.frames.slice(start, this.#cursor - 1);
  }

  async subscribe(channel: string): Promise<void> {
    this.send('pusher:subscribe', { channel });
    await this.nextEvent('pusher_internal:subscription_succeeded', channel);
  }

  async authenticate(token: { tokenId: string; secret: string }): Promise<Frame> {
    this.send('quoine:auth_request', { path: '/realtime', headers: { 'X-Quoine-Auth': realtimeJwt(token) } });
    return this.next((frame) => frame.event === 'quoine:auth_success' || frame.event === 'quoine:auth_failure');
  }

  close(): void {
    this.socket.terminate();
  }

  #serve(): void {
    while (this.#waiters.length > 0) {
      const waiter = this.#waiters[0]!;
      let found = false;
      while (this.#cursor < this.frames.length) {
        const frame = this.frames[this.#cursor]!;
        this.#cursor += 1;
        if (waiter.match(frame)) {
          found = true;
          this.#waiters.shift();
          waiter.resolve(frame);
          break;
        }
      }
      if (!found) return;
    }
  }
}

/** A connected client past `pusher:connection_established`. */
export async function connected(url: string): Promise<RawClient> {
  const client = await RawClient.connect(url);
  await client.nextEvent('pusher:connection_established');
  return client;
}

/** The channel events of `frames` on `channel`, their data decoded once (it must be a string). */
export function payloads(frames: readonly Frame[], channel: string): unknown[] {
  return frames
    .filter((frame) => frame.channel === channel && !frame.event.startsWith('pusher'))
    .map((frame) => decode(frame.data));
}

/** Decodes double-encoded data; fails the spec when data is not a string. */
export function decode(data: unknown): unknown {
  if (typeof data !== 'string') throw new Error(`data is not a JSON string: ${JSON.stringify(data)}`);
  return JSON.parse(data);
}

/** Lets the tap's end-of-turn flush (products, ladders) run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Waits (by event-loop turns, at most 10,000) until the tap has at most `left` connections (none by default). */
export async function serverSideClosed(server: TapServer, left = 0): Promise<void> {
  for (let turn = 0; turn < 10_000 && server.tap.connectionCount > left; turn += 1) await nextTurn();
  if (server.tap.connectionCount > left) throw new Error(`${server.tap.connectionCount} tap connections still open`);
}

/** startSandbox() serves its own tap: tokens it issues work there as over REST. */
export function sandboxTokens(sandbox: Sandbox): { token: (balances: Record<string, string>) => SandboxToken } {
  return { token: (balances) => sandbox.createToken(balances) };
}

/**
 * Makes `client` keep alive as pysher (inside the official Liquid Tap client) does: a
 * `pusher:ping` (data `""`) at open, then one whenever `activityTimeoutMs` passes without a
 * *received* frame; it never pings while frames arrive. Uses the global `setTimeout` (a spec's
 * fake clock drives it). Returns how many pings it sent so far.
 */
export function pysherKeepalive(client: RawClient, activityTimeoutMs: number): { readonly pings: number } {
  const state = { pings: 0 };
  let timer: NodeJS.Timeout | undefined;
  const ping = (): void => {
    state.pings += 1;
    client.sendRaw(JSON.stringify({ event: 'pusher:ping', data: '' }));
  };
  const rearm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(ping, activityTimeoutMs);
  };
  client.socket.on('message', rearm);
  client.socket.on('close', () => clearTimeout(timer));
  ping();
  rearm();
  return state;
}

/** The tap of one test: a server of the profile, a connected raw client, and two funded users. */
export interface TapTest {
  readonly server: TapServer;
  readonly client: RawClient;
  /** The user whose orders rest. */
  readonly maker: SandboxToken;
  /** The user whose orders take. */
  readonly taker: SandboxToken;
}

/**
 * Registers hooks in the calling `describe` that give each of its tests a fresh {@link TapTest}
 * (closed after the test); read its fields inside the tests.
 */
export function freshTapPerTest(profile: Profile): TapTest {
  const test = {} as { -readonly [K in keyof TapTest]: TapTest[K] };
  beforeEach(async () => {
    test.server = await startTapServer({ profile });
    test.client = await connected(test.server.url);
    test.maker = test.server.user();
    test.taker = test.server.user();
  });
  afterEach(async () => {
    test.client.close();
    await test.server.close();
  });
  return test;
}

/** A channel frame's data parsed losslessly (a JSON number keeps its source text, told from a string). */
export function losslessData(frame: Frame): Record<string, unknown> {
  expect(frame.data, `${frame.channel} data`).to.be.a('string');
  return parse(frame.data as string) as Record<string, unknown>;
}

/** The JSON type of a value parsed by {@link losslessData} (or of a plain sample). */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (isLosslessNumber(value) || typeof value === 'number') return 'number';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The `created` and `updated` frames of one channel. */
export function updatesOn(frames: readonly Frame[], channel: string): Frame[] {
  return frames.filter(
    (frame) => frame.channel === channel && (frame.event === 'updated' || frame.event === 'created'),
  );
}
