/**
 * The legacy `/transactions` view: one row per balance-history entry, plus one row per movement of
 * lent funds (lending.ts keeps lent funds reserved instead of moving balances).
 *
 * Lending rows follow the 2020 capture (quoine-api.md §7.8): types `loan`, `repay` and
 * `interest_transfer` (the sandbox charges no `loan_fee`), the `loan` object, null roles, and
 * accounts of both parties. Amounts are signed from the viewer's side, as on every row.
 * @module
 */
import { ZERO, type Decimal } from './decimal.js';
import type { LendingMovement, LoanState } from './lending.js';
import type { BalanceHistoryRecord, SourceAction, TransactionLoanRecord, TransactionRecord } from './records.js';

const TRANSACTION_TYPES: Readonly<Record<SourceAction, string>> = {
  deposit: 'funding',
  withdrawal: 'withdrawal',
  withdrawal_fee: 'withdrawal_fee',
  trade: 'trade',
  fee: 'trade_fee',
  // The ledger's `loan` entries are the interest a borrower pays its lender at repayment.
  loan: 'interest_transfer',
  interest: 'interest',
  pnl: 'pnl',
  margin: 'margin',
};

/** The types a `transaction_type` filter names: one, or a comma-separated list; undefined for all. */
export function transactionTypesOf(filter: string | undefined): ReadonlySet<string> | undefined {
  if (filter === undefined) return undefined;
  return new Set(
    filter
      .split(',')
      .map((type) => type.trim())
      .filter((type) => type !== ''),
  );
}

/** The `transaction_type` of a history entry's row. */
export function transactionTypeOf(entry: Pick<BalanceHistoryRecord, 'sourceAction'>): string {
  return TRANSACTION_TYPES[entry.sourceAction];
}

/** The row's `loan` object. */
export function transactionLoanOf(loan: LoanState): TransactionLoanRecord {
  return { id: loan.id, currency: loan.currency, quantity: loan.quantity, rate: loan.rate };
}

/** The transaction row of a history entry: money in goes to the account, money out comes from it. */
export function transactionOf(
  entry: BalanceHistoryRecord,
  accountId: number,
  loan: LoanState | undefined,
): TransactionRecord {
  const incoming = !entry.amount.isNegative();
  return {
    id: entry.id,
    actionId: null,
    userId: entry.userId,
    currency: entry.currency,
    createdAt: entry.timestamp,
    grossAmount: entry.amount,
    netAmount: entry.amount,
    exchangeFee: ZERO,
    networkFee: ZERO,
    transactionType: transactionTypeOf(entry),
    fromAccountId: incoming ? null : accountId,
    toAccountId: incoming ? accountId : null,
    fromRole: loan !== undefined || incoming ? null : 'user',
    toRole: loan === undefined && incoming ? 'user' : null,
    state: 'completed',
    transactionHash: null,
    executionId: entry.sourceObjectType === 'Execution' ? entry.sourceObjectId : null,
    loan: loan === undefined ? null : transactionLoanOf(loan),
    notes: null,
  };
}

/**
 * The row of a lending movement seen by `userId` (lender or borrower). `accountIdOf` gives a
 * party's account in the loan's currency, null for the house.
 */
export function lendingTransactionOf(
  movement: LendingMovement,
  loan: LoanState,
  userId: number,
  accountIdOf: (partyId: number) => number | null,
): TransactionRecord {
  const lender = accountIdOf(loan.lenderId);
  const borrower = accountIdOf(loan.borrowerId);
  const [from, to] = movement.kind === 'loan' ? [lender, borrower] : [borrower, lender];
  const outgoing = (movement.kind === 'loan') === (loan.lenderId === userId);
  const amount: Decimal = outgoing ? movement.amount.negated() : movement.amount;
  return {
    id: movement.id,
    actionId: null,
    userId,
    currency: loan.currency,
    createdAt: movement.atMs / 1000,
    grossAmount: amount,
    netAmount: amount,
    exchangeFee: ZERO,
    networkFee: ZERO,
    transactionType: movement.kind,
    fromAccountId: from,
    toAccountId: to,
    fromRole: null,
    toRole: null,
    state: 'completed',
    transactionHash: null,
    executionId: null,
    loan: transactionLoanOf(loan),
    notes: null,
  };
}
