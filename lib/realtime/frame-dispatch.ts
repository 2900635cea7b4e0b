/**
 * Frame dispatch: what each inbound Pusher frame means, handed to the part of the client that
 * handles it. Reads no state and keeps none.
 * @module
 */
import { decodeData, parseFrame, type InboundFrame } from './frames.js';
import { readLadderFrame, type ChannelMessage } from './ladder-frame.js';

/** What a frame can mean. Server text is passed as sent: handlers scrub it before showing it. */
export interface FrameHandlers {
  /** Text that is not a Pusher frame. */
  unreadable(raw: string): void;
  /** `pusher:connection_established`. */
  established(socketId: string): void;
  /** `pusher_internal:subscription_succeeded`. */
  subscribed(channel: string | undefined): void;
  /** `pusher:ping`: answer with a pong. */
  ping(): void;
  /** `quoine:auth_success`. */
  authSucceeded(): void;
  /** `quoine:auth_failure`, with the server's message ('' when none). */
  authRefused(message: string): void;
  /** `pusher:error`, its code when numeric. */
  pusherError(code: number | undefined, message: string): void;
  /** A channel message (`created` or `updated` on a channel): `data` still encoded, or a checked ladder. */
  channelEvent(channel: string, event: string, message: ChannelMessage, bytes: number): void;
}

/** The events that carry channel messages; any other event on a channel is ignored. */
const CHANNEL_EVENTS = new Set(['updated', 'created']);

/**
 * Parses one frame of `bytes` bytes and calls the handler for what it means. A price-ladder
 * message in the exact form the exchange sends is read in one scan (`readLadderFrame`); every
 * other frame, and any ladder not in that form, is parsed losslessly.
 */
export function dispatchFrame(raw: string, bytes: number, on: FrameHandlers): void {
  const ladder = readLadderFrame(raw);
  if (ladder !== undefined && CHANNEL_EVENTS.has(ladder.event)) {
    on.channelEvent(ladder.channel, ladder.event, ladder, bytes);
    return;
  }
  const frame = parseFrame(raw);
  if (!frame) {
    on.unreadable(raw);
    return;
  }
  switch (frame.event) {
    case 'pusher:connection_established': {
      const socketId = payloadOf(frame).socket_id;
      on.established(typeof socketId === 'string' ? socketId : '');
      return;
    }
    case 'pusher_internal:subscription_succeeded':
      on.subscribed(frame.channel);
      return;
    case 'pusher:ping':
      on.ping();
      return;
    case 'pusher:pong':
      return;
    case 'quoine:auth_success':
      on.authSucceeded();
      return;
    case 'quoine:auth_failure': {
      const message = payloadOf(frame).message;
      on.authRefused(typeof message === 'string' ? message : '');
      return;
    }
    case 'pusher:error': {
      const payload = payloadOf(frame);
      const code = typeof payload.code === 'string' && /^\d+$/.test(payload.code) ? Number(payload.code) : undefined;
      on.pusherError(code, typeof payload.message === 'string' ? payload.message : '');
      return;
    }
    default:
      if (frame.channel !== undefined && CHANNEL_EVENTS.has(frame.event))
        on.channelEvent(frame.channel, frame.event, { data: frame.data, ladder: undefined }, bytes);
  }
}

/** A frame's payload as an object; `{}` when it is not one. */
function payloadOf(frame: InboundFrame): Record<string, unknown> {
  try {
    const data = decodeData(frame.data);
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
