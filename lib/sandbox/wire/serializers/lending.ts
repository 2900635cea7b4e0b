import type { InterestRateLadderRecord, LoanBidRecord, LoanRecord } from '../../exchange/records.js';
import type { WireObject } from '../json.js';
import { levelsWire } from './market.js';
import { epochSeconds, text } from './values.js';

/** A loan bid; the Liquid profile adds `created_at`/`updated_at`. */
export function loanBidWire(bid: LoanBidRecord, liquid: boolean): WireObject {
  const row: WireObject = {
    id: bid.id,
    bidask_type: bid.bidaskType,
    quantity: text(bid.quantity),
    currency: bid.currency,
    side: bid.side,
    filled_quantity: text(bid.filledQuantity),
    status: bid.status,
    rate: text(bid.rate),
    user_id: bid.userId,
  };
  if (liquid) {
    row['created_at'] = epochSeconds(bid.createdAt);
    row['updated_at'] = epochSeconds(bid.updatedAt);
  }
  return row;
}

/** A loan; the Liquid profile adds `updated_at`. */
export function loanWire(loan: LoanRecord, liquid: boolean): WireObject {
  const row: WireObject = {
    id: loan.id,
    quantity: text(loan.quantity),
    rate: text(loan.rate),
    created_at: epochSeconds(loan.createdAt),
    lender_id: loan.lenderId,
    borrower_id: loan.borrowerId,
    status: loan.status,
    currency: loan.currency,
    fund_reloaned: loan.fundReloaned,
  };
  if (liquid) row['updated_at'] = epochSeconds(loan.updatedAt);
  return row;
}

/** `GET /ir_ladders/{currency}`: `[rate, amount]` strings. */
export function interestRateLadderWire(ladder: InterestRateLadderRecord): WireObject {
  return { bids: levelsWire(ladder.bids), asks: levelsWire(ladder.asks) };
}
