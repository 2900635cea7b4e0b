import { Field } from '../core/fields.js';
import { levelsCodec } from './levels.js';
import type { PriceLevel } from './price-level.js';

/**
 * The loan book of a currency: each level's `price` is a daily rate, `quantity` an amount.
 * @group Entities
 * @hideconstructor
 */
export class InterestRateLadder {
  /** Lending offers. */
  @Field('bids', levelsCodec) bids!: PriceLevel[];
  /** Borrowing demand. */
  @Field('asks', levelsCodec) asks!: PriceLevel[];
}
