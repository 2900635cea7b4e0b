/**
 * Lending: loan bids (lenders' offers), the interest-rate ladder, and loans taken by margin trades.
 *
 * Rules where the reference is silent:
 * - A bid reserves its quantity in the lender's account. What is lent stays reserved until repaid.
 * - A margin trade borrows (notional − margin, in its funding currency) from the cheapest live bids
 *   of other users first (then oldest); the rest comes from the house (lender id 0, `houseRate`)
 *   unless house lending is off, in which case the order is refused beforehand.
 * - Interest is simple: repaid quantity × daily rate × days, where days counts every started day
 *   since the loan was made, at least 1. The borrower pays it to the lender at repayment.
 * - On repayment, a loan with `fundReloaned` whose bid is still live returns its funds to the bid
 *   (lendable again); otherwise the funds return to the lender's free balance.
 * - A partial close repays the same fraction of each loan of the trade (rounded down to 8
 *   decimals); the last close repays everything.
 * @module
 */
import type { Context } from './context.js';
import { Decimal, ZERO, minDecimal } from './decimal.js';
import { ExchangeError } from './errors.js';
import { HOUSE_USER_ID, type Ledger } from './ledger.js';
import type {
  InterestRateLadderRecord,
  LevelRecord,
  LoanBidRecord,
  LoanBidStatus,
  LoanRecord,
  LoanStatus,
} from './records.js';

const DAY_MS = 86_400_000;

export interface LoanBidState {
  readonly id: number;
  readonly userId: number;
  readonly currency: string;
  readonly quantity: Decimal;
  /** Currently lent out (or lent and not returned to the bid). */
  filled: Decimal;
  readonly rate: Decimal;
  status: LoanBidStatus;
  readonly createdAtMs: number;
  updatedAtMs: number;
}

export interface LoanState {
  readonly id: number;
  readonly tradeId: number;
  readonly bidId: number | null;
  readonly lenderId: number;
  readonly borrowerId: number;
  readonly currency: string;
  readonly quantity: Decimal;
  repaid: Decimal;
  readonly rate: Decimal;
  status: LoanStatus;
  fundReloaned: boolean;
  interestPaid: Decimal;
  readonly createdAtMs: number;
  updatedAtMs: number;
}

/**
 * A movement of lent funds, kept for `GET /transactions` (`loan`: lender to borrower when the loan
 * is made; `repay`: back at repayment). The sandbox keeps lent funds reserved in the lender's
 * account instead of moving balances, so these are not balance-history entries; their ids come
 * from the same sequence, so rows of both kinds sort by id in time order.
 */
export interface LendingMovement {
  readonly id: number;
  readonly kind: 'loan' | 'repay';
  readonly loanId: number;
  readonly amount: Decimal;
  readonly atMs: number;
}

export class Lending {
  readonly #context: Context;
  readonly #ledger: Ledger;
  readonly #bids = new Map<number, LoanBidState>();
  readonly #loans = new Map<number, LoanState>();
  readonly #movements: LendingMovement[] = [];

  constructor(context: Context, ledger: Ledger) {
    this.#context = context;
    this.#ledger = ledger;
  }

  createBid(userId: number, currency: string, quantity: Decimal, rate: Decimal): LoanBidState {
    const config = this.#context.config.currencies.get(currency);
    if (!config?.lendable) throw ExchangeError.invalid('currency', 'not_lendable');
    if (!quantity.isPositive() || quantity.isZero()) throw ExchangeError.invalid('quantity', 'must_be_positive');
    if (quantity.lessThan(config.minimumLoanBidQuantity))
      throw ExchangeError.invalid('quantity', 'less_than_minimum_loan_bid_quantity');
    if (!rate.isPositive() || rate.isZero()) throw ExchangeError.invalid('rate', 'must_be_positive');
    this.#ledger.reserve(userId, currency, quantity);
    const nowMs = this.#context.nowMs();
    const bid: LoanBidState = {
      id: this.#context.nextId('loanBid'),
      userId,
      currency,
      quantity,
      filled: ZERO,
      rate,
      status: 'live',
      createdAtMs: nowMs,
      updatedAtMs: nowMs,
    };
    this.#bids.set(bid.id, bid);
    if (this.#context.listens('loanBid')) this.#context.queue('loanBid', bidRecord(bid));
    return bid;
  }

  bid(userId: number, bidId: number): LoanBidState {
    const bid = this.#bids.get(bidId);
    if (bid?.userId !== userId) throw ExchangeError.notFound('Loan bid not found');
    return bid;
  }

  closeBid(bid: LoanBidState): void {
    if (bid.status !== 'live') return;
    this.#ledger.release(bid.userId, bid.currency, bid.quantity.minus(bid.filled));
    bid.status = 'closed';
    bid.updatedAtMs = this.#context.nowMs();
    if (this.#context.listens('loanBid')) this.#context.queue('loanBid', bidRecord(bid));
  }

  bidsOf(userId: number, currency: string | undefined): LoanBidState[] {
    return [...this.#bids.values()]
      .filter((bid) => bid.userId === userId && (currency === undefined || bid.currency === currency))
      .reverse();
  }

  ladder(currency: string): InterestRateLadderRecord {
    const byRate = new Map<string, { rate: Decimal; amount: Decimal }>();
    for (const bid of this.#liveBids(currency, undefined)) {
      const key = bid.rate.toFixed();
      const entry = byRate.get(key);
      const available = bid.quantity.minus(bid.filled);
      if (entry === undefined) byRate.set(key, { rate: bid.rate, amount: available });
      else entry.amount = entry.amount.plus(available);
    }
    const bids: LevelRecord[] = [...byRate.values()].map((entry) => [entry.rate, entry.amount] as const);
    return { currency, bids, asks: [] };
  }

  /** Lendable amount of live bids in `currency`, the borrower's own bids excluded. */
  liquidity(currency: string, borrowerId: number): Decimal {
    return this.#liveBids(currency, borrowerId).reduce((sum, bid) => sum.plus(bid.quantity.minus(bid.filled)), ZERO);
  }

  /** Borrows `amount` for a trade: cheapest bids first, then the house. Returns the new loans. */
  borrow(borrowerId: number, tradeId: number, currency: string, amount: Decimal): LoanState[] {
    const loans: LoanState[] = [];
    let need = amount;
    for (const bid of this.#liveBids(currency, borrowerId)) {
      if (need.isZero()) break;
      const take = minDecimal(need, bid.quantity.minus(bid.filled));
      bid.filled = bid.filled.plus(take);
      bid.updatedAtMs = this.#context.nowMs();
      if (this.#context.listens('loanBid')) this.#context.queue('loanBid', bidRecord(bid));
      loans.push(this.#open(borrowerId, tradeId, currency, take, bid.userId, bid.id, bid.rate));
      need = need.minus(take);
    }
    if (need.isPositive() && !need.isZero()) {
      loans.push(this.#open(borrowerId, tradeId, currency, need, HOUSE_USER_ID, null, this.#context.config.houseRate));
    }
    return loans;
  }

  /** Repays the fraction `part / whole` of every open loan of the trade (everything when equal). */
  repayTrade(tradeId: number, part: Decimal, whole: Decimal): void {
    for (const loan of this.loansOfTrade(tradeId)) {
      if (loan.status !== 'open') continue;
      const outstanding = loan.quantity.minus(loan.repaid);
      const amount = part.greaterThanOrEqualTo(whole)
        ? outstanding
        : outstanding.times(part).div(whole).toDecimalPlaces(8, Decimal.ROUND_DOWN);
      this.#repay(loan, amount);
    }
  }

  loansOfTrade(tradeId: number): LoanState[] {
    return [...this.#loans.values()].filter((loan) => loan.tradeId === tradeId);
  }

  loansOf(userId: number, currency: string | undefined): LoanState[] {
    return [...this.#loans.values()]
      .filter(
        (loan) =>
          (loan.lenderId === userId || loan.borrowerId === userId) &&
          (currency === undefined || loan.currency === currency),
      )
      .reverse();
  }

  /** Any loan by id (undefined when unknown). */
  loanById(loanId: number): LoanState | undefined {
    return this.#loans.get(loanId);
  }

  /** Movements of loans the user lent or borrowed, oldest first. */
  movementsOf(userId: number): LendingMovement[] {
    return this.#movements.filter((movement) => {
      const loan = this.#loans.get(movement.loanId);
      return loan !== undefined && (loan.lenderId === userId || loan.borrowerId === userId);
    });
  }

  loan(userId: number, loanId: number): LoanState {
    const loan = this.#loans.get(loanId);
    if (loan === undefined || (loan.lenderId !== userId && loan.borrowerId !== userId))
      throw ExchangeError.notFound('Loan not found');
    return loan;
  }

  setFundReloaned(loan: LoanState, fundReloaned: boolean): void {
    loan.fundReloaned = fundReloaned;
    loan.updatedAtMs = this.#context.nowMs();
    if (this.#context.listens('loan')) this.#context.queue('loan', this.loanRecord(loan));
  }

  /** Interest owed now on `amount` of the loan. */
  interestOn(loan: LoanState, amount: Decimal): Decimal {
    const elapsed = Math.max(0, this.#context.nowMs() - loan.createdAtMs);
    const days = Math.max(1, Math.ceil(elapsed / DAY_MS));
    return amount.times(loan.rate).times(days);
  }

  /** Daily interest of the open part of the loan. */
  dailyInterest(loan: LoanState): Decimal {
    return loan.status === 'open' ? loan.quantity.minus(loan.repaid).times(loan.rate) : ZERO;
  }

  /** Interest paid plus interest accrued on the outstanding part. */
  totalInterest(loan: LoanState): Decimal {
    return loan.status === 'open'
      ? loan.interestPaid.plus(this.interestOn(loan, loan.quantity.minus(loan.repaid)))
      : loan.interestPaid;
  }

  loanRecord(loan: LoanState): LoanRecord {
    return {
      id: loan.id,
      quantity: loan.quantity,
      rate: loan.rate,
      currency: loan.currency,
      lenderId: loan.lenderId,
      borrowerId: loan.borrowerId,
      status: loan.status,
      fundReloaned: loan.fundReloaned,
      tradeId: loan.tradeId,
      loanBidId: loan.bidId,
      interest: this.totalInterest(loan),
      createdAt: loan.createdAtMs / 1000,
      updatedAt: loan.updatedAtMs / 1000,
    };
  }

  /** Lowest and highest rate of the live bids in the currency (null without bids). */
  rateRange(currency: string): { lowest: Decimal | null; highest: Decimal | null } {
    const bids = this.#liveBids(currency, undefined);
    const last = bids[bids.length - 1];
    return { lowest: bids[0]?.rate ?? null, highest: last?.rate ?? null };
  }

  #open(
    borrowerId: number,
    tradeId: number,
    currency: string,
    quantity: Decimal,
    lenderId: number,
    bidId: number | null,
    rate: Decimal,
  ): LoanState {
    const nowMs = this.#context.nowMs();
    const loan: LoanState = {
      id: this.#context.nextId('loan'),
      tradeId,
      bidId,
      lenderId,
      borrowerId,
      currency,
      quantity,
      repaid: ZERO,
      rate,
      status: 'open',
      fundReloaned: true,
      interestPaid: ZERO,
      createdAtMs: nowMs,
      updatedAtMs: nowMs,
    };
    this.#loans.set(loan.id, loan);
    this.#recordMovement('loan', loan, quantity);
    if (this.#context.listens('loan')) this.#context.queue('loan', this.loanRecord(loan));
    return loan;
  }

  #repay(loan: LoanState, amount: Decimal): void {
    const interest = this.interestOn(loan, amount);
    const source = { action: 'loan', objectType: 'Loan', objectId: loan.id } as const;
    this.#ledger.transfer(loan.borrowerId, loan.lenderId, loan.currency, interest, source);
    loan.interestPaid = loan.interestPaid.plus(interest);
    const bid = loan.bidId === null ? undefined : this.#bids.get(loan.bidId);
    if (bid !== undefined) {
      if (loan.fundReloaned && bid.status === 'live') {
        bid.filled = bid.filled.minus(amount);
        bid.updatedAtMs = this.#context.nowMs();
        if (this.#context.listens('loanBid')) this.#context.queue('loanBid', bidRecord(bid));
      } else {
        this.#ledger.release(loan.lenderId, loan.currency, amount);
      }
    }
    loan.repaid = loan.repaid.plus(amount);
    if (!amount.isZero()) this.#recordMovement('repay', loan, amount);
    if (loan.repaid.greaterThanOrEqualTo(loan.quantity)) loan.status = 'closed';
    loan.updatedAtMs = this.#context.nowMs();
    if (this.#context.listens('loan')) this.#context.queue('loan', this.loanRecord(loan));
  }

  #recordMovement(kind: LendingMovement['kind'], loan: LoanState, amount: Decimal): void {
    this.#movements.push({
      id: this.#context.nextId('history'),
      kind,
      loanId: loan.id,
      amount,
      atMs: this.#context.nowMs(),
    });
  }

  /** Live bids with something to lend, cheapest first then oldest. */
  #liveBids(currency: string, excludeUserId: number | undefined): LoanBidState[] {
    return [...this.#bids.values()]
      .filter(
        (bid) =>
          bid.status === 'live' &&
          bid.currency === currency &&
          bid.userId !== excludeUserId &&
          bid.filled.lessThan(bid.quantity),
      )
      .sort((a, b) => a.rate.comparedTo(b.rate) || a.id - b.id);
  }
}

export function bidRecord(bid: LoanBidState): LoanBidRecord {
  return {
    id: bid.id,
    userId: bid.userId,
    bidaskType: 'limit',
    side: 'bid',
    currency: bid.currency,
    quantity: bid.quantity,
    filledQuantity: bid.filled,
    rate: bid.rate,
    status: bid.status,
    createdAt: bid.createdAtMs / 1000,
    updatedAt: bid.updatedAtMs / 1000,
  };
}
