import { ApiResource } from '../core/resource.js';
import type { CallOptions } from '../core/transport.js';
import { Fee } from '../entities/fee.js';

/** Options of {@link Fees.list}. */
export interface FeeListOptions {
  /** Only rules of this type, e.g. `trade_fee`. */
  readonly feeType?: string;
}

/** Fee rules. */
export class Fees extends ApiResource {
  /**
   * The public fee schedule.
   * @example
   * ```ts
   * const tradeFees = await client.fees.list({ feeType: 'trade_fee' });
   * ```
   */
  list(query: FeeListOptions = {}, options?: CallOptions): Promise<Fee[]> {
    return this.many(Fee, { method: 'GET', path: '/fees', query: { fee_type: query.feeType }, auth: false, safety: 'read', options });
  }
}
