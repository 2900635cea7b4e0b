/**
 * Pusher-protocol frames: `{"event", "data", "channel"?}` as JSON text. The server double-encodes
 * `data` (a JSON string holding JSON); both layers are parsed losslessly, so a price sent as the
 * number `976382.10` reaches `Decimal` as the text `"976382.10"`. The envelope parse is cheap: its
 * one big string is skipped whole by {@link parseLossless}. A price ladder in the exchange's exact
 * form skips both parses (`ladder-frame.ts`); this is the general path every other frame takes.
 * @module
 */
import { parseLossless } from '../core/json.js';

/** A frame received from the server. `data` is the decoded payload (numbers as strings). */
export interface InboundFrame {
  readonly event: string;
  readonly channel: string | undefined;
  /** The raw `data` member: usually a JSON string still to decode with {@link decodeData}. */
  readonly data: unknown;
}

/** Parses one frame; `null` when the text is not a Pusher frame. */
export function parseFrame(text: string): InboundFrame | null {
  let parsed: unknown;
  try {
    parsed = parseLossless(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { event, channel, data } = parsed as Record<string, unknown>;
  if (typeof event !== 'string') return null;
  return { event, channel: typeof channel === 'string' ? channel : undefined, data };
}

/**
 * The payload of a frame: a JSON string is decoded losslessly (the exchange's double encoding);
 * an object or array is taken as is (some Pusher servers send it undecoded). Throws
 * `SyntaxError` on a string that is not JSON.
 */
export function decodeData(data: unknown): unknown {
  return typeof data === 'string' ? parseLossless(data) : data;
}

/** The text of a client frame. */
export function encodeFrame(event: string, data: unknown): string {
  return JSON.stringify({ event, data });
}
