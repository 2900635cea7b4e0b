/**
 * Lending: loan bids, loans and the interest rate ladder.
 * (Conventions of every record: see records.ts.)
 * @module
 */
import type { Decimal } from '../decimal.js';
import type { LevelRecord } from './market.js';

/**
 * Status of a loan bid.
 * @group Exchange records
 */
export type LoanBidStatus = 'live' | 'closed';

/**
 * Status of a loan.
 * @group Exchange records
 */
export type LoanStatus = 'open' | 'closed';

/**
 * A loan bid (lender's offer, `GET /loan_bids`).
 * @group Exchange records
 */
export interface LoanBidRecord {
  /** Loan bid id. */
  readonly id: number;
  /** The lender. */
  readonly userId: number;
  /** Always `limit`. */
  readonly bidaskType: 'limit';
  /** Always `bid`. */
  readonly side: 'bid';
  /** Currency lent. */
  readonly currency: string;
  /** Amount offered. */
  readonly quantity: Decimal;
  /** Amount lent out and not yet returned to the bid. */
  readonly filledQuantity: Decimal;
  /** Daily interest rate (`0.0002` = 0.02 % a day). */
  readonly rate: Decimal;
  /** `live` until closed. */
  readonly status: LoanBidStatus;
  /** Unix seconds of creation. */
  readonly createdAt: number;
  /** Unix seconds of the last change. */
  readonly updatedAt: number;
}

/**
 * A loan (`GET /loans`, `GET /trades/{id}/loans`).
 * @group Exchange records
 */
export interface LoanRecord {
  /** Loan id. */
  readonly id: number;
  /** Amount borrowed. */
  readonly quantity: Decimal;
  /** Daily interest rate. */
  readonly rate: Decimal;
  /** Currency borrowed (the trade's funding currency). */
  readonly currency: string;
  /** The lender's user id (0: the house, when lending liquidity ran out and house lending is on). */
  readonly lenderId: number;
  /** The borrower's user id. */
  readonly borrowerId: number;
  /** `open` until fully repaid. */
  readonly status: LoanStatus;
  /** When true (the default), repaid funds return to the loan bid while it is live. */
  readonly fundReloaned: boolean;
  /** sandbox: the trade that borrowed, and the bid that lent. */
  readonly tradeId: number;
  /** sandbox: the bid that lent (null for a house loan). */
  readonly loanBidId: number | null;
  /** Interest accrued so far (see Exchange lending notes). */
  readonly interest: Decimal;
  /** Unix seconds of creation. */
  readonly createdAt: number;
  /** Unix seconds of the last change. */
  readonly updatedAt: number;
}

/**
 * `GET /ir_ladders/{currency}`.
 * @group Exchange records
 */
export interface InterestRateLadderRecord {
  /** Currency of the ladder. */
  readonly currency: string;
  /** Live bids aggregated by rate, best (lowest rate) first. */
  readonly bids: readonly LevelRecord[];
  /** Always empty: the sandbox has no loan asks (borrowing happens through margin trades). */
  readonly asks: readonly LevelRecord[];
}
