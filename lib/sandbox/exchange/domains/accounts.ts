/**
 * Accounts: users and their funding, account records (balances valued in the main currency), the
 * balance history and the legacy transactions view.
 * @module
 */
import { Decimal, ZERO, type DecimalInput } from '../decimal.js';
import { ExchangeError } from '../errors.js';
import type { BalanceHistoryFilter, TransactionFilter } from '../inputs.js';
import type { HistoryEntry } from '../balance-history.js';
import { HOUSE_USER_ID, type AccountState } from '../ledger.js';
import { decimalOf } from '../parse.js';
import type {
  AccountRecord,
  BalanceHistoryRecord,
  MainAssetRecord,
  RecordList,
  TransactionRecord,
} from '../records.js';
import { filteredList, sequenceList } from '../record-list.js';
import { lendingTransactionOf, transactionOf, transactionTypeOf, transactionTypesOf } from '../transactions.js';
import type { ExchangeParts } from './parts.js';

/** Creates a funded user with every catalogue account, a bank account and its trading accounts. */
export function createUser(parts: ExchangeParts, balances: Readonly<Record<string, DecimalInput>>): number {
  const amounts = Object.entries(balances).map(
    ([currency, amount]) => [parts.currency(currency), positiveOrZero(amount)] as const,
  );
  const userId = parts.context.nextId('user');
  parts.users.add(userId);
  for (const currency of parts.config.currencies.values()) {
    const account = parts.ledger.account(userId, currency.currency);
    if (currency.type === 'crypto') account.opened = true;
  }
  for (const [currency, amount] of amounts) deposit(parts, userId, currency, amount);
  parts.funding.openBankAccount(userId);
  for (const product of parts.config.products.values()) {
    if (product.marginEnabled) parts.margin.tradingAccountFor(userId, product, product.quote);
  }
  return userId;
}

/** Credits `amount` to the user as a `deposit` (nothing for zero). */
export function deposit(parts: ExchangeParts, userId: number, currency: string, amount: Decimal): void {
  if (amount.isZero()) return;
  parts.ledger.change(userId, currency, amount, {
    action: 'deposit',
    objectType: 'Deposit',
    objectId: parts.context.nextId('deposit'),
  });
}

/** The user's opened accounts of one currency type, in catalogue order. */
export function accountsOfType(parts: ExchangeParts, userId: number, type: 'fiat' | 'crypto'): AccountRecord[] {
  parts.user(userId);
  const list: AccountRecord[] = [];
  for (const currency of parts.config.currencies.values()) {
    if (currency.type !== type) continue;
    const account = parts.ledger.account(userId, currency.currency);
    if (account.opened) list.push(accountRecord(parts, account));
  }
  return list;
}

/** `POST /fiat_accounts`: opens (or returns the existing) fiat account in `currency`. */
export function openFiatAccount(parts: ExchangeParts, userId: number, currency: string): AccountRecord {
  parts.user(userId);
  const config = parts.config.currencies.get(currency);
  if (config?.type !== 'fiat') throw ExchangeError.invalid('currency', 'invalid');
  const account = parts.ledger.account(userId, currency);
  account.opened = true;
  parts.context.markAccount(account);
  return accountRecord(parts, account);
}

/** The record of an account, with its margin exposure, lending rates and value in the main currency. */
export function accountRecord(parts: ExchangeParts, account: AccountState): AccountRecord {
  const currency = parts.config.currencies.get(account.currency);
  const crypto = currency?.type === 'crypto';
  const exposure = parts.margin.exposure(account.userId, account.currency);
  const rates = parts.lending.rateRange(account.currency);
  const free = account.balance.minus(account.reserved);
  return {
    id: account.id,
    userId: account.userId,
    currency: account.currency,
    currencyType: currency?.type ?? 'crypto',
    currencySymbol: currency?.symbol ?? null,
    balance: account.balance,
    reservedBalance: account.reserved,
    freeBalance: free,
    pnl: exposure.pnl,
    margin: exposure.margin,
    freeMargin: free.plus(exposure.pnl),
    maintenanceMargin: exposure.margin.times('0.05'),
    lowestOfferInterestRate: rates.lowest,
    highestOfferInterestRate: rates.highest,
    exchangeRate: rateToMain(parts, account.currency),
    address: crypto ? `sandbox-${account.currency.toLowerCase()}-${account.userId}-${account.id}` : null,
    minimumWithdraw: crypto ? currency.minimumWithdrawal : null,
  };
}

/** `GET /accounts/main_asset` (see {@link Exchange.mainAsset}). */
export function mainAsset(parts: ExchangeParts, userId: number): MainAssetRecord {
  parts.user(userId);
  let total = ZERO;
  for (const account of parts.ledger.accountsOf(userId))
    total = total.plus(account.balance.times(rateToMain(parts, account.currency)));
  return { currency: parts.config.mainCurrency, totalAmount: total.toDecimalPlaces(8, Decimal.ROUND_DOWN) };
}

/** Value of one unit of `currency` in the main currency (see {@link Exchange.mainAsset}). */
function rateToMain(parts: ExchangeParts, currency: string): Decimal {
  const main = parts.config.mainCurrency;
  if (currency === main) return new Decimal(1);
  for (const product of parts.config.products.values()) {
    const last = parts.market.lastPrice(product);
    if (last === null || last.isZero()) continue;
    if (product.base === currency && product.quote === main) return last;
    if (product.base === main && product.quote === currency)
      return new Decimal(1).div(last).toDecimalPlaces(8, Decimal.ROUND_DOWN);
  }
  return ZERO;
}

/** `GET /balance_history`: every balance change of the user, newest first, filtered. */
export function balanceHistory(
  parts: ExchangeParts,
  userId: number,
  filter: BalanceHistoryFilter,
): RecordList<BalanceHistoryRecord> {
  parts.user(userId);
  const history = parts.ledger.historyOf(userId);
  const filtered = Object.values(filter).some((value) => value !== undefined);
  const last = history.length - 1;
  return filteredList(
    history.length,
    (index) => last - index,
    (row) => history.at(row),
    filtered
      ? (row) => {
          const entry = history.entry(row);
          return (
            (filter.currency === undefined || entry.currency === filter.currency) &&
            (filter.sourceAction === undefined || entry.sourceAction === filter.sourceAction) &&
            (filter.sourceObjectType === undefined || entry.sourceObjectType === filter.sourceObjectType) &&
            (filter.sourceObjectId === undefined || entry.sourceObjectId === filter.sourceObjectId) &&
            (filter.timestampGte === undefined || entry.timestamp >= filter.timestampGte) &&
            (filter.timestampLte === undefined || entry.timestamp <= filter.timestampLte)
          );
        }
      : undefined,
  );
}

/**
 * `GET /transactions`: the balance history and the user's lending movements, newest first (by id:
 * both take theirs from one sequence). The history is walked in place, newest first, and merged
 * with the lending rows; records are built for the page taken.
 */
export function transactions(
  parts: ExchangeParts,
  userId: number,
  filter: TransactionFilter,
): RecordList<TransactionRecord> {
  parts.user(userId);
  const types = transactionTypesOf(filter.transactionType);
  const history = parts.ledger.historyOf(userId);
  const lending = parts.lending
    .movementsOf(userId)
    .flatMap((movement) => {
      const loan = parts.lending.loanById(movement.loanId);
      if (loan === undefined || (filter.currency !== undefined && loan.currency !== filter.currency)) return [];
      const accountIdOf = (partyId: number): number | null =>
        partyId === HOUSE_USER_ID ? null : parts.ledger.account(partyId, loan.currency).id;
      return [lendingTransactionOf(movement, loan, userId, accountIdOf)];
    })
    .filter((row) => types === undefined || types.has(row.transactionType))
    .sort((a, b) => b.id - a.id);
  const keepEntry = (entry: HistoryEntry): boolean =>
    (filter.currency === undefined || entry.currency === filter.currency) &&
    (types === undefined || types.has(transactionTypeOf(entry)));
  const rowOf = (row: number): TransactionRecord => {
    const entry = history.at(row);
    return transactionOf(
      entry,
      parts.ledger.account(userId, entry.currency).id,
      entry.sourceObjectType === 'Loan' ? parts.lending.loanById(entry.sourceObjectId) : undefined,
    );
  };
  // History rows as their row numbers, lending rows as their records.
  function* merged(): Iterable<number | TransactionRecord> {
    let next = 0;
    for (let row = history.length - 1; row >= 0; row -= 1) {
      const entry = history.entry(row);
      if (!keepEntry(entry)) continue;
      for (; next < lending.length && (lending[next] as TransactionRecord).id > entry.id; next += 1)
        yield lending[next] as TransactionRecord;
      yield row;
    }
    yield* lending.slice(next);
  }
  return sequenceList(merged, (item) => (typeof item === 'number' ? rowOf(item) : item));
}

/** A starting balance: a decimal ≥ 0. */
function positiveOrZero(amount: DecimalInput): Decimal {
  const value = decimalOf(amount, 'amount');
  if (value.isNegative()) throw ExchangeError.invalid('amount', 'must_be_positive');
  return value;
}
