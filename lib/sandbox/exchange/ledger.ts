/**
 * The ledger: every account's balance and reserved balance, and the history of every balance
 * change of a user. Balances only move through {@link Ledger.transfer}-style calls that record a
 * history entry (the house's and the fee account's are not kept: no call reads them), so the grand
 * total per currency (users + fee account + house) changes only by deposits and processed
 * withdrawals.
 * @module
 */
import { BalanceHistory } from './balance-history.js';
import type { Context } from './context.js';
import { Decimal, ZERO } from './decimal.js';
import { ErrorText, ExchangeError } from './errors.js';
import type { SourceAction } from './records.js';
import { decimalOfUnits, rescale, scaledOf } from './units.js';

/** An amount of the Decimal-speaking callers as exact units and scale (a non-finite one is a programming error). */
function scaled(amount: Decimal): [bigint, number] {
  const units = scaledOf(amount);
  if (units === null) throw new Error(`ledger: ${amount.toString()} is not a finite amount`);
  return units;
}

/** The house: counterparty of margin positions and lender of last resort. */
export const HOUSE_USER_ID = 0;
/** The exchange's fee account. */
export const FEE_USER_ID = -1;

/**
 * One user's account in one currency. Balance and reserved balance are kept as scaled integers
 * (units.ts: exact, the scale only grows to the finest amount added); their Decimals are built when
 * read, once per change.
 */
export class AccountState {
  readonly id: number;
  readonly userId: number;
  readonly currency: string;
  /**
   * The user's balance history (one for all their currencies), where this account's changes go;
   * null for the house and the fee account, whose history no call can read (their balances are kept).
   */
  readonly history: BalanceHistory | null;
  /** Fiat accounts exist once funded or created; crypto accounts always exist. */
  opened = false;
  balanceUnits = 0n;
  balanceScale = 0;
  reservedUnits = 0n;
  reservedScale = 0;
  #balance: Decimal | undefined = ZERO;
  #reserved: Decimal | undefined = ZERO;

  constructor(id: number, userId: number, currency: string, history: BalanceHistory | null) {
    this.id = id;
    this.userId = userId;
    this.currency = currency;
    this.history = history;
  }

  get balance(): Decimal {
    return (this.#balance ??= decimalOfUnits(this.balanceUnits, this.balanceScale));
  }

  get reserved(): Decimal {
    return (this.#reserved ??= decimalOfUnits(this.reservedUnits, this.reservedScale));
  }

  /** Adds `units / 10^scale` to the balance. */
  addBalance(units: bigint, scale: number): void {
    if (scale > this.balanceScale) {
      this.balanceUnits = rescale(this.balanceUnits, this.balanceScale, scale) + units;
      this.balanceScale = scale;
    } else this.balanceUnits += rescale(units, scale, this.balanceScale);
    this.#balance = undefined;
  }

  /** Adds `units / 10^scale` (negative: takes it away) to the reserved balance, never below zero. */
  addReserved(units: bigint, scale: number): void {
    if (scale > this.reservedScale) {
      this.reservedUnits = rescale(this.reservedUnits, this.reservedScale, scale) + units;
      this.reservedScale = scale;
    } else this.reservedUnits += rescale(units, scale, this.reservedScale);
    if (this.reservedUnits < 0n) this.reservedUnits = 0n;
    this.#reserved = undefined;
  }

  /** True when the free balance (balance − reserved) is below `units / 10^scale`. */
  freeBelow(units: bigint, scale: number): boolean {
    const common = Math.max(this.balanceScale, this.reservedScale, scale);
    const free =
      rescale(this.balanceUnits, this.balanceScale, common) - rescale(this.reservedUnits, this.reservedScale, common);
    return free < rescale(units, scale, common);
  }
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
      account = new AccountState(this.#context.nextId('account'), userId, currency, this.#historyFor(userId));
      accounts.set(currency, account);
    }
    return account;
  }

  /** The user's history, made on first use (none for the house and the fee account). */
  #historyFor(userId: number): BalanceHistory | null {
    if (userId === HOUSE_USER_ID || userId === FEE_USER_ID) return null;
    let history = this.#history.get(userId);
    if (history === undefined) {
      history = new BalanceHistory(userId);
      this.#history.set(userId, history);
    }
    return history;
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
    const [units, scale] = scaled(amount);
    this.changeUnits(userId, currency, units, scale, source);
  }

  /** {@link change} of `units / 10^scale`. */
  changeUnits(userId: number, currency: string, units: bigint, scale: number, source: Source): void {
    if (units !== 0n) this.changeAccountUnits(this.account(userId, currency), units, scale, source);
  }

  /** {@link changeUnits} of an account already at hand (the settlement of a fill looks each one up once). */
  changeAccountUnits(account: AccountState, units: bigint, scale: number, source: Source): void {
    if (units === 0n) return;
    account.addBalance(units, scale);
    account.opened = true;
    // The id is taken either way: the ids of the users' rows are those they always were.
    const id = this.#context.nextId('history');
    account.history?.appendUnits(
      id,
      account.currency,
      source.action,
      source.objectType,
      source.objectId,
      this.#context.nowSeconds(),
      units,
      scale,
      account.balanceUnits,
      account.balanceScale,
    );
    this.#context.markAccount(account);
  }

  /** Moves `amount` (≥ 0) from one balance to another, recording both sides under the same source. */
  transfer(fromUserId: number, toUserId: number, currency: string, amount: Decimal, source: Source): void {
    const [units, scale] = scaled(amount);
    this.transferUnits(fromUserId, toUserId, currency, units, scale, source);
  }

  /** {@link transfer} of `units / 10^scale`. */
  transferUnits(
    fromUserId: number,
    toUserId: number,
    currency: string,
    units: bigint,
    scale: number,
    source: Source,
  ): void {
    if (units === 0n) return;
    this.transferAccountUnits(
      this.account(fromUserId, currency),
      this.account(toUserId, currency),
      units,
      scale,
      source,
    );
  }

  /** {@link transferUnits} between two accounts (of one currency) already at hand. */
  transferAccountUnits(from: AccountState, to: AccountState, units: bigint, scale: number, source: Source): void {
    if (units === 0n) return;
    this.changeAccountUnits(from, -units, scale, source);
    this.changeAccountUnits(to, units, scale, source);
  }

  /** Reserves `amount` of the free balance, or refuses with `user: not_enough_free_balance`. */
  reserve(userId: number, currency: string, amount: Decimal): void {
    const [units, scale] = scaled(amount);
    this.reserveUnits(userId, currency, units, scale);
  }

  /** {@link reserve} of `units / 10^scale`. */
  reserveUnits(userId: number, currency: string, units: bigint, scale: number): void {
    const account = this.account(userId, currency);
    if (account.freeBelow(units, scale)) throw ExchangeError.invalid('user', ErrorText.notEnoughFreeBalance);
    if (units === 0n) return;
    account.addReserved(units, scale);
    this.#context.markAccount(account);
  }

  /** Reserves without a check (a fill at a worse price than reserved for may need a little more). */
  forceReserve(userId: number, currency: string, amount: Decimal): void {
    const [units, scale] = scaled(amount);
    if (units === 0n) return;
    const account = this.account(userId, currency);
    account.addReserved(units, scale);
    this.#context.markAccount(account);
  }

  /** Releases reserved funds (never below zero). */
  release(userId: number, currency: string, amount: Decimal): void {
    const [units, scale] = scaled(amount);
    this.releaseUnits(userId, currency, units, scale);
  }

  /** {@link release} of `units / 10^scale`. */
  releaseUnits(userId: number, currency: string, units: bigint, scale: number): void {
    if (units !== 0n) this.releaseAccountUnits(this.account(userId, currency), units, scale);
  }

  /** {@link releaseUnits} from an account already at hand. */
  releaseAccountUnits(account: AccountState, units: bigint, scale: number): void {
    if (units === 0n) return;
    account.addReserved(-units, scale);
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
