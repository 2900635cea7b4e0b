/**
 * The realtime feed: Liquid Tap over the Pusher protocol, and a live order book.
 * @module
 */
export { QuoineRealtime } from './realtime.js';
export {
  LIQUID_TAP_URL,
  type QuoineRealtimeOptions,
  type RealtimeState,
  type RealtimeEvents,
  type SubscribeOptions,
} from './options.js';
export { Subscription, type SubscriptionEvents } from './subscription.js';
export {
  LiveOrderBook,
  type LiveOrderBookOptions,
  type LiveOrderBookEvents,
  type OrderBookSource,
  type BookSource,
} from './live-order-book.js';
export { BookState } from './book-state.js';
export { Channels, isPrivateChannel, type LadderSide } from './channels.js';
export { ExecutionDetail } from './execution-detail.js';
export { AccountUpdate } from './account-update.js';
export type { BackoffOptions } from './backoff.js';
export {
  QuoineRealtimeError,
  RealtimeAuthError,
  RealtimeLimitError,
  RealtimeOverflowError,
  RealtimeProtocolError,
  RealtimeConnectionError,
  RealtimeDecodeError,
  RealtimeClosedError,
  type RealtimeLimit,
} from './errors.js';
