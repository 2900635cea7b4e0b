/**
 * Liquid Tap for the sandbox: the Pusher-protocol websocket feed of quoine-api.md §8, attached to
 * the sandbox's HTTP server and fed by its exchange. See {@link attachTap}; the protocol choices
 * are stated in protocol.ts (frames, error codes), connection.ts (ordering, auth, silence, slow
 * readers), auth.ts (JWT and nonces), publisher.ts (coalescing) and payloads.ts (payload shapes).
 * @module
 */
export { attachTap, type Tap, type TapOptions } from './attach.js';
export { TapChannels } from './channels.js';
export { TapCloseCode, TapErrorCode, DEFAULT_ACTIVITY_TIMEOUT_MS, DEFAULT_ACTIVITY_GRACE_MS } from './protocol.js';
export { REALTIME_PATH } from './auth.js';
