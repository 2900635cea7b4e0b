/**
 * The ledger: every account's balance and reserved balance, and the history of every balance
 * change. Balances only move through {@link Ledger.transfer}-style calls that record a history
 * entry, so the grand total per currency (users + fee account + house) changes only by deposits
 * and processed withdrawals.
 * @module
 */
import { BalanceHistory } from './balance-history.js';
import type { Context } from './context.js';
import { Decimal, ZERO } from './decimal.js';
import { ErrorText, ExchangeError } from './errors.js';
import type { SourceAction } from './records.js';

/** The house: counterparty of margin positions and lender of last resort. */
export const HOUSE_USER_ID = 0;
/** The exchange's fee account. */
export const FEE_USER_ID = -1;

export interface AccountState {
  readonly id: number;
  readonly userId: number;
  readonly currency: string;
  balance: Decimal;
  reserved: Decimal;
  /** Fiat accounts exist once funded or created; crypto accounts always exist. */
  opened: boolean;
}

/** What caused a balance change. */
export interface Source {
  readonly action: SourceAction;
  readonly objectType: string;
  readonly objectId: number;
}

export class Ledger {
  readonly #context: Context;
  readonly #accounts = new Map<number, Map<string, AccountState>>();
  readonly #history = new Map<number, BalanceHistory>();

  constructor(context: Context) {
    this.#context = context;
  }

  /** The account, created (empty, unopened) on first use. */
  account(userId: number, currency: string): AccountState {
    let accounts = this.#accounts.get(userId);
    if (accounts === undefined) {
      accounts = new Map();
      this.#accounts.set(userId, accounts);
    }
    let account = accounts.get(currency);
    if (account === undefined) {
      account = { id: this.#context.nextId('account'), userId, currency, balance: ZERO, reserved: ZERO, opened: false };
      accounts.set(currency, account);
    }
    return account;
  }

  /** The user's accounts that exist so far. */
  accountsOf(userId: number): AccountState[] {
    return [...(this.#accounts.get(userId)?.values() ?? [])];
  }

  free(userId: number, currency: string): Decimal {
    const account = this.account(userId, currency);
    return account.balance.minus(account.reserved);
  }

  /** Adds a signed amount to a balance and records it. A zero amount records nothing. */
  change(userId: number, currency: string, amount: Decimal, source: Source): void {
    if (amount.isZero()) return;
    const account = this.account(userId, currency);
    account.balance = account.balance.plus(amount);
    account.opened = true;
    let history = this.#history.get(userId);
    if (history === undefined) {
      history = new BalanceHistory(userId);
      this.#history.set(userId, history);
    }
    history.append(
      {
        id: this.#context.nextId('history'),
        currency,
        sourceAction: source.action,
        sourceObjectType: source.objectType,
        sourceObjectId: source.objectId,
        timestamp: this.#context.nowSeconds(),
      },
      amount,
      account.balance,
    );
    this.#context.markAccount(account);
  }

  /** Moves `amount` (≥ 0) from one balance to another, recording both sides under the same source. */
  transfer(fromUserId: number, toUserId: number, currency: string, amount: Decimal, source: Source): void {
    if (amount.isZero()) return;
    this.change(fromUserId, currency, amount.negated(), source);
    this.change(toUserId, currency, amount, source);
  }

  /** Reserves `amount` of the free balance, or refuses with `user: not_enough_free_balance`. */
  reserve(userId: number, currency: string, amount: Decimal): void {
    const account = this.account(userId, currency);
    if (account.balance.minus(account.reserved).lessThan(amount))
      throw ExchangeError.invalid('user', ErrorText.notEnoughFreeBalance);
    if (amount.isZero()) return;
    account.reserved = account.reserved.plus(amount);
    this.#context.markAccount(account);
  }

  /** Reserves without a check (a fill at a worse price than reserved for may need a little more). */
  forceReserve(userId: number, currency: string, amount: Decimal): void {
    if (amount.isZero()) return;
    const account = this.account(userId, currency);
    account.reserved = account.reserved.plus(amount);
    this.#context.markAccount(account);
  }

  /** Releases reserved funds (never below zero). */
  release(userId: number, currency: string, amount: Decimal): void {
    if (amount.isZero()) return;
    const account = this.account(userId, currency);
    const next = account.reserved.minus(amount);
    account.reserved = next.isNegative() ? ZERO : next;
    this.#context.markAccount(account);
  }

  /** The user's history, oldest first (records built on reading). */
  historyOf(userId: number): BalanceHistory {
    return this.#history.get(userId) ?? new BalanceHistory(userId);
  }

  /** Sum of every balance per currency, system accounts included. */
  totals(): Record<string, Decimal> {
    const totals: Record<string, Decimal> = {};
    for (const accounts of this.#accounts.values()) {
      for (const account of accounts.values()) {
        totals[account.currency] = (totals[account.currency] ?? new Decimal(0)).plus(account.balance);
      }
    }
    return totals;
  }
}
