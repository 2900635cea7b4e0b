/**
 * The Pusher-protocol frames Liquid Tap speaks (quoine-api.md §8.2): event names, the tap's error
 * codes, and the encoding of server frames. Where the reference records no value, the tap chooses
 * (and says so here):
 * - `pusher_internal:subscription_succeeded` and `quoine:auth_success` carry the data `"{}"`;
 *   `quoine:auth_failure` carries `"{\"message\":\"…\"}"` (both JSON strings, like every data the
 *   exchange sent); `pusher:pong` and `pusher:error` carry an object, as Pusher servers do.
 * - `pusher:error` codes are in Pusher's 4300–4399 range ("any other error"), so Pusher clients
 *   (and the SDK) keep the connection open: {@link TapErrorCode}.
 * @module
 */

/** Server → client events. */
export const ServerEvent = {
  connectionEstablished: 'pusher:connection_established',
  subscriptionSucceeded: 'pusher_internal:subscription_succeeded',
  pong: 'pusher:pong',
  error: 'pusher:error',
  authSuccess: 'quoine:auth_success',
  authFailure: 'quoine:auth_failure',
} as const;

/** Client → server events the tap understands; every other event is ignored. */
export const ClientEvent = {
  subscribe: 'pusher:subscribe',
  unsubscribe: 'pusher:unsubscribe',
  ping: 'pusher:ping',
  authRequest: 'quoine:auth_request',
} as const;

/** The `code` of the tap's `pusher:error` frames. None of them closes the connection. */
export const TapErrorCode = {
  /** A frame that is not JSON, not a `{event, …}` object, or a subscribe without a valid channel name. */
  malformed: 4300,
  /** More channels than the per-connection limit. */
  tooManyChannels: 4302,
  /** A `user…` channel before `quoine:auth_success` (mirrors Pusher's 4009 "unauthorized", without the close). */
  unauthorized: 4309,
} as const;

export type TapErrorCodeValue = (typeof TapErrorCode)[keyof typeof TapErrorCode];

/** WebSocket close codes the tap uses (Pusher's ranges: 4200–4299 "reconnect immediately"). */
export const TapCloseCode = {
  /** No frame either way for the activity timeout plus its grace (Pusher 4201, "pong reply not received"). */
  silent: 4201,
  /** The tap is shutting down. */
  goingAway: 1001,
} as const;

/** Default announced `activity_timeout`: 120 s (quoine-api.md §8.4). */
export const DEFAULT_ACTIVITY_TIMEOUT_MS = 120_000;

/**
 * Default time past `activity_timeout` before a socket with no frame in either direction is closed:
 * 30 s, Pusher's pong timeout. A Pusher client pings once `activity_timeout` passes without a
 * received frame; without this grace the server's deadline (counted from when it sent its last
 * frame) would fall before the ping arrives, by the network's latency.
 */
export const DEFAULT_ACTIVITY_GRACE_MS = 30_000;

/** Pusher's limit on channel names: 164 characters of `[A-Za-z0-9_\-=@,.;]`. */
const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]{1,164}$/;

/** Whether `name` is a channel name Pusher accepts. */
export function isChannelName(name: unknown): name is string {
  return typeof name === 'string' && CHANNEL_NAME.test(name);
}

/** Whether a channel needs `quoine:auth_success` first: every `user…` channel (quoine-api.md §8.5). */
export function isPrivateChannel(channel: string): boolean {
  return channel.startsWith('user');
}

/** A server frame as JSON text. `data` is written as given (a string stays a JSON string). */
export function frame(event: string, data: unknown, channel?: string): string {
  return JSON.stringify(channel === undefined ? { event, data } : { event, data, channel });
}

/** `pusher:connection_established`, data double-encoded. */
export function connectionEstablished(socketId: string, activityTimeoutSeconds: number): string {
  return frame(
    ServerEvent.connectionEstablished,
    JSON.stringify({ socket_id: socketId, activity_timeout: activityTimeoutSeconds }),
  );
}

/** `pusher:error`; `channel` names the channel a refused subscription was for. */
export function errorFrame(code: TapErrorCodeValue, message: string, channel?: string): string {
  return frame(ServerEvent.error, { code, message }, channel);
}

/** A channel event: `data` is the payload's JSON text, sent as a string (double encoding, §8.1). */
export function channelEvent(event: 'updated' | 'created', channel: string, payloadJson: string): string {
  return frame(event, payloadJson, channel);
}

/** One client message of a frame: an object with a string `event`. */
export interface ClientMessage {
  readonly event: string;
  readonly data: unknown;
}

/**
 * The messages of one client frame, in order: a `{event, data}` object, or a JSON array of them
 * (one client batched subscribes this way, §8.3). `undefined` when the frame is malformed.
 */
export function parseClientFrame(text: string): ClientMessage[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const items = Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
  const messages: ClientMessage[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
    const { event, data } = item as Record<string, unknown>;
    if (typeof event !== 'string') return undefined;
    messages.push({ event, data });
  }
  return messages;
}

/**
 * A message's `data` as an object: clients send an object, some Pusher libraries a JSON string of
 * one; anything else (including `""` of a ping) is an empty object.
 */
export function dataObject(data: unknown): Record<string, unknown> {
  let value = data;
  if (typeof value === 'string' && value !== '') {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
