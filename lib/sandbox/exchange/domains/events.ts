/**
 * The events a finished mutation queued, emitted as records (accounts, products, books, trading
 * accounts), each only when someone listens.
 * @module
 */
import type { DirtySnapshots } from '../context.js';
import { accountRecord } from './accounts.js';
import { orderBook, productRecord } from './market.js';
import type { ExchangeParts } from './parts.js';

/**
 * Emits the snapshots of what a mutation changed; one per exchange, made once (not an object of
 * closures per mutation).
 */
export class EventSnapshots implements DirtySnapshots {
  readonly #parts: ExchangeParts;

  constructor(parts: ExchangeParts) {
    this.#parts = parts;
  }

  account(userId: number, currency: string): void {
    const parts = this.#parts;
    if (parts.users.has(userId) && parts.context.events.has('account'))
      parts.context.events.emit('account', accountRecord(parts, parts.ledger.account(userId, currency)));
  }

  product(productId: number): void {
    const parts = this.#parts;
    const events = parts.context.events;
    if (events.has('product')) events.emit('product', productRecord(parts, productId));
    if (events.has('book')) events.emit('book', orderBook(parts, productId, { full: true }));
  }

  tradingAccounts(userId: number): void {
    const parts = this.#parts;
    if (!parts.users.has(userId) || !parts.context.events.has('tradingAccount')) return;
    for (const account of parts.margin.tradingAccountsOf(userId))
      parts.context.events.emit('tradingAccount', parts.margin.tradingAccountRecord(account));
  }
}
