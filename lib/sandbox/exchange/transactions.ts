/**
 * The legacy `/transactions` view: one row per balance-history entry.
 * @module
 */
import { ZERO } from './decimal.js';
import type { BalanceHistoryRecord, SourceAction, TransactionRecord } from './records.js';

const TRANSACTION_TYPES: Readonly<Record<SourceAction, string>> = {
  deposit: 'funding',
  withdrawal: 'withdrawal',
  withdrawal_fee: 'withdrawal_fee',
  trade: 'trade',
  fee: 'trade_fee',
  loan: 'loan',
  interest: 'interest',
  pnl: 'pnl',
  margin: 'margin',
};

/** The transaction row of a history entry: money in goes to the account, money out comes from it. */
export function transactionOf(entry: BalanceHistoryRecord, accountId: number): TransactionRecord {
  const incoming = !entry.amount.isNegative();
  return {
    id: entry.id,
    userId: entry.userId,
    currency: entry.currency,
    createdAt: entry.timestamp,
    grossAmount: entry.amount,
    netAmount: entry.amount,
    exchangeFee: ZERO,
    networkFee: ZERO,
    transactionType: TRANSACTION_TYPES[entry.sourceAction],
    fromAccountId: incoming ? null : accountId,
    toAccountId: incoming ? accountId : null,
    fromRole: incoming ? null : 'user',
    toRole: incoming ? 'user' : null,
    state: 'completed',
    transactionHash: null,
    executionId: entry.sourceObjectType === 'Execution' ? entry.sourceObjectId : null,
    loanId: entry.sourceObjectType === 'Loan' ? entry.sourceObjectId : null,
    notes: null,
  };
}
