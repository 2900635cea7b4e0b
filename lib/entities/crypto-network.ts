import { TextField } from '../core/fields.js';

const optional = { nullable: true } as const;

/**
 * A network a currency can be withdrawn on.
 * @group Entities
 * @hideconstructor
 */
export class CryptoNetwork {
  /** Network, e.g. `ERC20`. */
  @TextField('network') network!: string;
  /** Currency. */
  @TextField('currency', optional) currency!: string | null;
}
