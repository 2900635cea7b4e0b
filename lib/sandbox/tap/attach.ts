/**
 * {@link attachTap}: serves Liquid Tap (the Pusher-protocol websocket of quoine-api.md §8) on an
 * existing HTTP server, fed by an {@link Exchange}.
 * @module
 */
import { randomInt } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Exchange } from '../exchange/index.js';
import { JwtVerifier } from '../auth/jwt-verifier.js';
import type { TokenRegistry } from '../auth/token-registry.js';
import type { Profile } from '../profile.js';
import { ChannelRegistry } from './channels.js';
import { TapConnection } from './connection.js';
import { TapPayloads } from './payloads/index.js';
import { DEFAULT_ACTIVITY_GRACE_MS, DEFAULT_ACTIVITY_TIMEOUT_MS, TapCloseCode } from './protocol.js';
import { TapPublisher } from './publisher.js';
import { DEFAULT_LOGINS_PER_TOKEN, RealtimeLogins } from './realtime-logins.js';
import { isTapPath, refuseUpgrade } from './upgrade.js';

/** Options of {@link attachTap}. */
export interface TapOptions {
  /** The HTTP server whose `upgrade` requests for `/app/<key>` (any key, any query) become tap sockets. */
  readonly server: Server;
  /** The exchange whose events feed the channels. */
  readonly exchange: Exchange;
  /** The API tokens `quoine:auth_request` JWTs are checked against (the REST server's registry). */
  readonly tokens: TokenRegistry;
  /**
   * The verifier to check realtime JWTs with. Default: the tap's own over `tokens`, so realtime
   * nonces form their own increasing sequence per token; pass the REST server's verifier to make
   * REST and realtime share one sequence.
   */
  readonly verifier?: JwtVerifier;
  /**
   * Realtime JWTs remembered per API token, so a client may re-send the JWT it built at login
   * after a reconnect (at most one open connection per JWT; the least recently used is forgotten first). Default 100.
   */
  readonly loginsPerToken?: number;
  /** Wire type profile of the payloads (the REST server's). */
  readonly profile: Profile;
  /** Announced as `activity_timeout` (rounded up to seconds), ms. Default 120,000. */
  readonly activityTimeoutMs?: number;
  /**
   * Extra time past `activityTimeoutMs` before a socket with no frame in either direction (the
   * client's or the tap's own) is closed with 4201, ms. Default 30,000 (Pusher's pong timeout).
   */
  readonly activityGraceMs?: number;
  /** Unsent bytes above which a socket that does not read is dropped. Default 4 MiB. */
  readonly maxBufferedBytes?: number;
  /** Largest client frame accepted, bytes (larger ones close the socket with 1009). Default 64 KiB. */
  readonly maxFrameBytes?: number;
  /**
   * Channels one connection may hold. Default 100: a client of the feed follows a few pairs and its
   * own user channels; with {@link maxConnections} this bounds what unauthenticated sockets can make
   * the tap hold (100,000 subscriptions).
   */
  readonly maxChannels?: number;
  /** Open sockets at once; an upgrade beyond it answers 503. Default 1,000. */
  readonly maxConnections?: number;
  /** Levels per side on `price_ladders_cash_…` channels. Default 40. */
  readonly ladderDepth?: number;
  /** Receives notices (a dropped slow reader); never a token or a secret. Default: ignored. */
  readonly warn?: (message: string) => void;
}

/** A running tap. */
export interface Tap {
  /** Open sockets. */
  readonly connectionCount: number;
  /** Stops serving: closes every socket, clears every timer, stops listening to the exchange. */
  close(): Promise<void>;
}

/**
 * Serves Liquid Tap on `server`:
 *
 * ```ts
 * const tap = attachTap({ server: httpServer, exchange, tokens, profile: 'liquid' });
 * // ws://HOST:PORT/app/LiquidTapClient
 * await tap.close();
 * ```
 */
export function attachTap(options: TapOptions): Tap {
  const warn = options.warn ?? (() => undefined);
  const registry = new ChannelRegistry<TapConnection>();
  const publisher = new TapPublisher({
    exchange: options.exchange,
    registry,
    payloads: new TapPayloads(options.exchange, options.profile === 'liquid'),
    ladderDepth: options.ladderDepth ?? 40,
  });
  const connections = new Set<TapConnection>();
  const activityTimeoutMs = options.activityTimeoutMs ?? DEFAULT_ACTIVITY_TIMEOUT_MS;
  const verifier = options.verifier ?? new JwtVerifier(options.tokens);
  const settings = {
    registry,
    verifier,
    logins: new RealtimeLogins(verifier, options.loginsPerToken ?? DEFAULT_LOGINS_PER_TOKEN),
    activityTimeoutMs,
    silenceLimitMs: activityTimeoutMs + (options.activityGraceMs ?? DEFAULT_ACTIVITY_GRACE_MS),
    maxBufferedBytes: options.maxBufferedBytes ?? 4 * 1024 * 1024,
    maxChannels: options.maxChannels ?? 100,
    warn,
    closed: (connection: TapConnection) => {
      connections.delete(connection);
      if (connections.size === 0) publisher.stop();
    },
  };
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxFrameBytes ?? 64 * 1024,
    clientTracking: false,
  });
  let closing = false;

  const accept = (socket: WebSocket): void => {
    if (closing) {
      socket.terminate();
      return;
    }
    connections.add(new TapConnection(socket, socketId(), settings));
    publisher.start();
  };

  const maxConnections = options.maxConnections ?? 1_000;
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (closing || !isTapPath(request.url)) {
      refuseUpgrade(socket);
      return;
    }
    if (connections.size >= maxConnections) {
      refuseUpgrade(socket, 503);
      return;
    }
    wss.handleUpgrade(request, socket, head, accept);
  };
  options.server.on('upgrade', onUpgrade);

  let closed: Promise<void> | undefined;
  const shutDown = async (): Promise<void> => {
    closing = true;
    options.server.off('upgrade', onUpgrade);
    publisher.stop();
    const open = [...connections];
    for (const connection of open) {
      connection.close(TapCloseCode.goingAway, 'Server closing');
      connection.terminate();
    }
    await Promise.all(open.map((connection) => connection.whenClosed));
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };

  return {
    get connectionCount() {
      return connections.size;
    },
    close: () => {
      closed ??= shutDown();
      return closed;
    },
  };
}

/** A Pusher-style socket id: two random integers joined by a dot. */
function socketId(): string {
  return `${randomInt(1, 2 ** 31 - 1)}.${randomInt(1, 2 ** 31 - 1)}`;
}
