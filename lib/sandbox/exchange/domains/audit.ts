/**
 * The reservation audit: what every user's reserved balances should be, recomputed from their
 * live orders, open trades, loan bids, lent funds and pending withdrawals.
 * @module
 */
import { ZERO, type Decimal } from '../decimal.js';
import type { ExchangeParts } from './parts.js';

/** One line per reserved balance that differs from what holds it; empty when consistent. */
export function auditReservations(parts: ExchangeParts): string[] {
  const mismatches: string[] = [];
  for (const userId of parts.users) {
    const expected = expectedReservations(parts, userId);
    for (const account of parts.ledger.accountsOf(userId)) {
      const want = expected.get(account.currency) ?? ZERO;
      if (!account.reserved.equals(want)) {
        mismatches.push(
          `user ${userId} ${account.currency}: reserved ${account.reserved.toFixed()} expected ${want.toFixed()}`,
        );
      }
    }
  }
  return mismatches;
}

/** What the user's live objects hold, per currency. */
function expectedReservations(parts: ExchangeParts, userId: number): Map<string, Decimal> {
  const expected = new Map<string, Decimal>();
  const add = (currency: string, amount: Decimal): void => {
    expected.set(currency, (expected.get(currency) ?? ZERO).plus(amount));
  };
  for (const order of parts.engine.liveOrdersOf(userId)) add(order.reserveCurrency, order.reserved);
  for (const trade of parts.margin.tradesOf(userId))
    if (trade.status === 'open') add(trade.fundingCurrency, trade.marginUsed);
  for (const bid of parts.lending.bidsOf(userId, undefined))
    if (bid.status === 'live') add(bid.currency, bid.quantity.minus(bid.filled));
  for (const loan of parts.lending.loansOf(userId, undefined)) {
    if (loan.status === 'open' && loan.lenderId === userId && loan.bidId !== null)
      add(loan.currency, loan.quantity.minus(loan.repaid));
  }
  for (const withdrawal of [...parts.funding.cryptoOf(userId), ...parts.funding.fiatOf(userId)]) {
    if (withdrawal.state === 'pending') add(withdrawal.currency, withdrawal.amount.plus(withdrawal.withdrawalFee));
  }
  return expected;
}
