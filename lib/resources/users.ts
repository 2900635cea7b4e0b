import { ApiResource, readWith } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { arrayOf, toInt } from '../core/wire-values.js';

/**
 * `client.users`: the user's settings.
 * @group Resources
 */
export class Users extends ApiResource {
  /**
   * The leverage levels your account may use, e.g. `[100, 50, 25, 10, 5, 4, 2]`.
   * @example
   * ```ts
   * const levels = await client.users.leverageLimitation();
   * ```
   */
  async leverageLimitation(options?: CallOptions): Promise<number[]> {
    return this.GET(readWith(arrayOf(toInt)), '/users/leverage_limitation', { options });
  }
}
