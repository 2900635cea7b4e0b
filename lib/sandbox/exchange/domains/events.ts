/**
 * The events a finished mutation queued, emitted as records (accounts, products, books, trading
 * accounts), each only when someone listens.
 * @module
 */
import { accountRecord } from './accounts.js';
import { orderBook, productRecord } from './market.js';
import type { ExchangeParts } from './parts.js';

/** Emits what the last mutation changed. */
export function flushEvents(parts: ExchangeParts): void {
  const events = parts.context.events;
  parts.context.flush({
    account: (userId, currency) => {
      if (parts.users.has(userId) && events.has('account'))
        events.emit('account', accountRecord(parts, parts.ledger.account(userId, currency)));
    },
    product: (productId) => {
      if (events.has('product')) events.emit('product', productRecord(parts, productId));
      if (events.has('book')) events.emit('book', orderBook(parts, productId, { full: true }));
    },
    tradingAccounts: (userId) => {
      if (!parts.users.has(userId) || !events.has('tradingAccount')) return;
      for (const account of parts.margin.tradingAccountsOf(userId))
        events.emit('tradingAccount', parts.margin.tradingAccountRecord(account));
    },
  });
}
