import { DateField, Field } from '../core/fields.js';
import { levelsCodec } from './levels.js';
import type { PriceLevel } from './price-level.js';

/**
 * A product's order book: bids best (highest) first, asks best (lowest) first.
 * @group Entities
 * @hideconstructor
 */
export class OrderBook {
  /** Bids, highest price first. */
  @Field('buy_price_levels', levelsCodec) buyPriceLevels!: PriceLevel[];
  /** Asks, lowest price first. */
  @Field('sell_price_levels', levelsCodec) sellPriceLevels!: PriceLevel[];
  /** When the book was taken (Liquid era; `null` when not sent). */
  @DateField('timestamp', { nullable: true }) timestamp!: Date | null;
}
