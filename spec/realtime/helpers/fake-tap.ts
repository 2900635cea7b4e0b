/**
 * A small fake Liquid Tap server for specs: a `ws` WebSocketServer on 127.0.0.1:0 speaking the
 * protocol of quoine-api.md §8 (connection_established first, double-encoded `data`, subscribe →
 * subscription_succeeded, ping → pong, quoine:auth_request verified as a real HS256 JWT for
 * `/realtime`), with hooks to publish, drop, stall, refuse auth and send pusher:error.
 * Close it in `after`/`afterEach`.
 */
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { WebSocketServer, type WebSocket } from 'ws';
import { rawText } from '../../../lib/sandbox/tap/connection.js';

/** A frame a client sent, `data` as JSON.parse gave it. */
export interface ClientFrame {
  readonly event: string;
  readonly data: unknown;
}

/** One client connection as the server saw it. */
export interface FakeConnection {
  readonly id: number;
  readonly socket: WebSocket;
  readonly frames: ClientFrame[];
  /** Channels currently subscribed (confirmed). */
  readonly channels: Set<string>;
  authed: boolean;
  open: boolean;
  /** The stalled connection neither answers nor sends anything. */
  stalled: boolean;
}

/** Credentials the fake accepts. */
export const TAP_TOKEN_ID = '3041';
export const TAP_SECRET = 'fake-tap-secret-0123456789abcdef';

/** The running fake server. */
export class FakeTap extends EventEmitter {
  readonly url: string;
  readonly connections: FakeConnection[] = [];
  /** Protocol violations by the client (e.g. a user_* subscribe before auth_success). */
  readonly violations: string[] = [];
  /** Answer auth requests with quoine:auth_failure. */
  refuseAuth = false;
  /** Hostile: refuse auth with this message, made from the client's auth request (e.g. echoing it). */
  refuseAuthWith: ((request: ClientFrame) => string) | undefined;
  /** Ignore auth requests entirely. */
  ignoreAuth = false;
  /** Hostile: send this pusher:error on every new connection, right after connection_established. */
  errorOnConnect: { code: number; message: string } | undefined;
  /** Answer pusher:ping with pusher:pong. */
  answerPings = true;
  readonly #server: WebSocketServer;

  private constructor(server: WebSocketServer) {
    super();
    this.#server = server;
    const { port } = server.address() as AddressInfo;
    this.url = `ws://127.0.0.1:${port}/app/LiquidTapClient`;
    server.on('connection', (socket) => this.#accept(socket));
  }

  /** Starts a fake on a free loopback port. */
  static async start(): Promise<FakeTap> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    return new FakeTap(server);
  }

  /** The most recent connection that is still open. */
  get current(): FakeConnection | undefined {
    return this.connections.filter((c) => c.open).at(-1);
  }

  /** Every frame of `event` sent over all connections. */
  framesOf(event: string): ClientFrame[] {
    return this.connections.flatMap((c) => c.frames.filter((f) => f.event === event));
  }

  /**
   * Sends a channel event to every open connection subscribed to `channel`. `dataText` is the
   * payload's JSON text (so numbers keep their text); it is double-encoded as Tap does.
   * Returns how many connections received it.
   */
  publish(channel: string, event: string, dataText: string): number {
    let sent = 0;
    for (const c of this.connections) {
      if (c.open && !c.stalled && c.channels.has(channel)) {
        c.socket.send(JSON.stringify({ event, channel, data: dataText }));
        sent++;
      }
    }
    return sent;
  }

  /** Sends raw text on the current connection. */
  sendRaw(text: string): void {
    this.current?.socket.send(text);
  }

  /**
   * Hostile: writes, on the current connection's raw TCP socket, the header of one unmasked text
   * frame announcing `declaredBytes` of payload, then `sentBytes` of it (so a spec can announce a
   * 200 MB frame without allocating it). The connection cannot carry another frame after this.
   */
  sendOversizedFrameStart(declaredBytes: number, sentBytes: number): void {
    const header = Buffer.alloc(10);
    header[0] = 0x81; // FIN + text
    header[1] = 127; // 64-bit length follows
    header.writeBigUInt64BE(BigInt(declaredBytes), 2);
    const raw = (this.current?.socket as unknown as { _socket?: { write(b: Buffer): void } } | undefined)?._socket;
    if (!raw) throw new Error('fake tap: no open connection');
    raw.write(header);
    if (sentBytes > 0) raw.write(Buffer.alloc(sentBytes, 0x61));
  }

  /** Hostile: the current connection stops reading from its TCP socket (it never sees a close frame, nor anything else). */
  stopReading(): void {
    const raw = (this.current?.socket as unknown as { _socket?: { pause(): void } } | undefined)?._socket;
    if (!raw) throw new Error('fake tap: no open connection');
    raw.pause();
  }

  /** Closes the current connection with a close frame carrying `code` and `reason` (at most 123 bytes). */
  closeWith(code: number, reason: string): void {
    this.current?.socket.close(code, reason);
  }

  /** Sends `pusher:error` on the current connection. */
  sendError(code: number, message: string): void {
    this.sendRaw(JSON.stringify({ event: 'pusher:error', data: { code, message } }));
  }

  /** Cuts every open connection without a closing handshake. */
  dropAll(): void {
    for (const c of this.connections) if (c.open) c.socket.terminate();
  }

  /** The current connection goes silent: it sends nothing and answers nothing, but stays open. */
  stall(): void {
    const c = this.current;
    if (c) c.stalled = true;
  }

  /**
   * Resolves with `check()`'s first truthy value, re-checking after every server event (frames,
   * connections, disconnections). Rejects after `limitMs` naming `what`, so a broken client fails
   * the spec instead of hanging it. Not a timing assertion: the limit is a generous guard.
   */
  waitFor<T>(check: () => T | undefined | null | false, what: string, limitMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const first = check();
      if (first) {
        resolve(first);
        return;
      }
      const onEvent = (): void => {
        const value = check();
        if (value) {
          done();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`fake tap: timed out waiting for ${what}`));
      }, limitMs);
      const done = (): void => {
        clearTimeout(timer);
        this.off('activity', onEvent);
      };
      this.on('activity', onEvent);
    });
  }

  /** Closes every connection and the server. */
  async close(): Promise<void> {
    for (const c of this.connections) if (c.open) c.socket.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: WebSocket): void {
    const connection: FakeConnection = {
      id: this.connections.length + 1,
      socket,
      frames: [],
      channels: new Set(),
      authed: false,
      open: true,
      stalled: false,
    };
    this.connections.push(connection);
    socket.on('message', (raw) => {
      if (connection.stalled) return;
      let frame: ClientFrame;
      try {
        frame = JSON.parse(rawText(raw)) as ClientFrame;
      } catch {
        this.violations.push(`not JSON: ${rawText(raw)}`);
        return;
      }
      connection.frames.push(frame);
      this.#handle(connection, frame);
      this.emit('activity');
    });
    socket.on('close', () => {
      connection.open = false;
      this.emit('activity');
    });
    socket.on('error', () => undefined);
    const established = JSON.stringify({
      socket_id: `${connection.id}.${1000 + connection.id}`,
      activity_timeout: 120,
    });
    socket.send(JSON.stringify({ event: 'pusher:connection_established', data: established }));
    if (this.errorOnConnect) socket.send(JSON.stringify({ event: 'pusher:error', data: this.errorOnConnect }));
    this.emit('activity');
  }

  #handle(c: FakeConnection, frame: ClientFrame): void {
    const send = (event: string, data: string, channel?: string): void =>
      c.socket.send(JSON.stringify(channel === undefined ? { event, data } : { event, channel, data }));
    const channel = (frame.data as { channel?: unknown } | null)?.channel;
    switch (frame.event) {
      case 'pusher:ping':
        if (this.answerPings) send('pusher:pong', '{}');
        return;
      case 'pusher:subscribe':
        if (typeof channel !== 'string') {
          this.violations.push('subscribe without a channel');
          return;
        }
        if (channel.startsWith('user') && !c.authed) {
          this.violations.push(`subscribed to ${channel} before auth_success`);
          return;
        }
        c.channels.add(channel);
        send('pusher_internal:subscription_succeeded', '{}', channel);
        return;
      case 'pusher:unsubscribe':
        if (typeof channel === 'string') c.channels.delete(channel);
        return;
      case 'quoine:auth_request':
        if (this.ignoreAuth) return;
        if (this.refuseAuthWith) {
          send('quoine:auth_failure', JSON.stringify({ message: this.refuseAuthWith(frame) }));
          return;
        }
        if (!this.refuseAuth && this.#validAuth(frame.data)) {
          c.authed = true;
          send('quoine:auth_success', '{}');
        } else {
          send('quoine:auth_failure', JSON.stringify({ message: 'Authentication failed' }));
        }
        return;
      default:
        this.violations.push(`unexpected client event ${frame.event}`);
    }
  }

  #validAuth(data: unknown): boolean {
    const d = data as { path?: unknown; headers?: Record<string, unknown> } | null;
    const token = d?.headers?.['X-Quoine-Auth'];
    if (d?.path !== '/realtime' || typeof token !== 'string') return false;
    try {
      const claims = jwt.verify(token, TAP_SECRET, { algorithms: ['HS256'] }) as Record<string, unknown>;
      return (
        claims.path === '/realtime' && String(claims.token_id) === TAP_TOKEN_ID && typeof claims.nonce === 'number'
      );
    } catch {
      return false;
    }
  }
}
