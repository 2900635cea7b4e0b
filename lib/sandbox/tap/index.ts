/**
 * Liquid Tap for the sandbox: the Pusher-protocol websocket feed of quoine-api.md §8, attached to
 * the sandbox's HTTP server and fed by its exchange. See {@link attachTap}; the protocol choices
 * are stated in protocol.ts (frames, error codes, keep-alive grace), connection.ts (ordering,
 * auth, activity in both directions, slow readers), auth.ts and realtime-logins.ts (JWTs, nonces,
 * the login JWT re-sent after a reconnect), publisher.ts (coalescing), payloads.ts and wire/*
 * (payload shapes and types per channel).
 * @module
 */
export { attachTap, type Tap, type TapOptions } from './attach.js';
export { TapChannels } from './channels.js';
export { TapCloseCode, TapErrorCode, DEFAULT_ACTIVITY_TIMEOUT_MS, DEFAULT_ACTIVITY_GRACE_MS } from './protocol.js';
export { REALTIME_PATH } from './auth.js';
