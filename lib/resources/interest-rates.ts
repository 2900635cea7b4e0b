import { path } from '../core/path.js';
import { ApiResource } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import * as input from '../core/coerce.js';
import { InterestRateLadder } from '../entities/interest-rate-ladder.js';

/**
 * `client.interestRates`: lending rates (public).
 * @group Resources
 */
export class InterestRates extends ApiResource {
  /**
   * The interest-rate ladder (loan book) of a currency. The symbol is case-sensitive.
   * @example
   * ```ts
   * const ladder = await client.interestRates.ladder('USD');
   * console.log(ladder.bids[0]?.price.toFixed()); // best daily rate
   * ```
   */
  async ladder(currency: string, options?: CallOptions): Promise<InterestRateLadder> {
    return this.GET(InterestRateLadder, path`/ir_ladders/${input.currency(currency, 'currency')}`, {
      auth: false,
      options,
    });
  }
}
