import { pageOf, readPageRequest } from '../pagination.js';
import { booleanParam, decimalParam, queryParams, stringParam, unwrap } from '../params.js';
import { callerId, pathId } from '../route-context.js';
import { privateRoute, type Route } from '../router.js';
import { loanBidWire, loanWire } from '../../wire/serializers/lending.js';

/** Lending, quoine-api.md §7.5 (#31–#35; #36 lives with the trades). */
export const lendingRoutes: readonly Route[] = [
  privateRoute('POST', '/loan_bids', (context) => {
    const params = unwrap(context.params, 'loan_bid');
    const bid = context.exchange.createLoanBid(callerId(context), {
      rate: decimalParam(params, 'rate'),
      quantity: decimalParam(params, 'quantity'),
      currency: stringParam(params, 'currency'),
    });
    return loanBidWire(bid, context.liquid);
  }),
  privateRoute('GET', '/loan_bids', (context) => {
    // `currency` is required by the docs (§7.5 #32).
    const currency = stringParam(queryParams(context.query), 'currency');
    return pageOf(context.exchange.loanBids(callerId(context), currency), readPageRequest(context.query), (bid) =>
      loanBidWire(bid, context.liquid),
    );
  }),
  privateRoute('PUT', '/loan_bids/{id}/close', (context) =>
    loanBidWire(
      context.exchange.closeLoanBid(callerId(context), pathId(context, 'id', 'Loan bid not found')),
      context.liquid,
    ),
  ),
  privateRoute('GET', '/loans', (context) => {
    const currency = stringParam(queryParams(context.query), 'currency', 'optional');
    return pageOf(context.exchange.loans(callerId(context), currency), readPageRequest(context.query), (loan) =>
      loanWire(loan, context.liquid),
    );
  }),
  privateRoute('PUT', '/loans/{id}', (context) => {
    const fundReloaned = booleanParam(unwrap(context.params, 'loan'), 'fund_reloaned');
    return loanWire(
      context.exchange.updateLoan(callerId(context), pathId(context, 'id', 'Loan not found'), fundReloaned),
      context.liquid,
    );
  }),
];
