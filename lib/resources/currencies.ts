import { ApiResource, listOf } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { Currency } from '../entities/currency.js';

/**
 * `client.currencies`: currencies (public).
 * @group Resources
 */
export class Currencies extends ApiResource {
  /**
   * Every currency with its precisions and limits.
   * @example
   * ```ts
   * const currencies = await client.currencies.list();
   * ```
   */
  async list(options?: CallOptions): Promise<Currency[]> {
    return this.GET(listOf(Currency), '/currencies', { auth: false, options });
  }
}
