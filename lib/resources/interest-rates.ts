import { QuoineRequestError } from '../core/errors.js';
import { path } from '../core/path.js';
import { ApiResource } from '../core/resource.js';
import type { CallOptions } from '../core/transport.js';
import { InterestRateLadder } from '../entities/interest-rate-ladder.js';

/** Lending rates (public). */
export class InterestRates extends ApiResource {
  /**
   * The interest-rate ladder (loan book) of a currency. The symbol is case-sensitive.
   * @example
   * ```ts
   * const ladder = await client.interestRates.ladder('USD');
   * console.log(ladder.bids[0]?.price.toFixed()); // best daily rate
   * ```
   */
  ladder(currency: string, options?: CallOptions): Promise<InterestRateLadder> {
    return this.one(InterestRateLadder, {
      method: 'GET',
      path: path`/ir_ladders/${currencyCode(currency, 'currency')}`,
      auth: false,
      safety: 'read',
      options,
    });
  }
}

/** Validates a currency code such as `USD` or `BTC`. */
export function currencyCode(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9-]{2,12}$/.test(value)) {
    throw new QuoineRequestError(`${field} must be a currency code such as 'USD', got ${JSON.stringify(value)}`, field);
  }
  return value;
}
