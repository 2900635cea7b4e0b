/**
 * Lending: placing a loan bid from its raw parameters.
 * @module
 */
import { ExchangeError } from '../errors.js';
import type { CreateLoanBidParams } from '../inputs.js';
import { bidRecord } from '../lending.js';
import { atPrecision, decimalOf, RATE_PLACES } from '../parse.js';
import type { LoanBidRecord } from '../records.js';
import type { ExchangeParts } from './parts.js';

/** `POST /loan_bids` (400 `missing parameters` when a field is absent); runs inside a mutation. */
export function createLoanBid(parts: ExchangeParts, userId: number, params: CreateLoanBidParams): LoanBidRecord {
  parts.user(userId);
  const given = params as Partial<CreateLoanBidParams>;
  if (given.currency === undefined || given.quantity === undefined || given.rate === undefined) {
    throw ExchangeError.badRequest('missing parameters');
  }
  const quantity = decimalOf(params.quantity, 'quantity');
  const places = parts.config.currencies.get(params.currency)?.precision;
  if (places !== undefined) atPrecision(quantity, places, 'quantity'); // an unknown currency is refused by createBid
  const rate = atPrecision(decimalOf(params.rate, 'rate'), RATE_PLACES, 'rate');
  return bidRecord(parts.lending.createBid(userId, params.currency, quantity, rate));
}
