import type { Decimal } from 'decimal.js';

/**
 * One level of an order book or an interest-rate ladder.
 * @group Entities
 * @hideconstructor
 */
export class PriceLevel {
  /** The price (for a ladder: the daily rate). */
  readonly price: Decimal;
  /** The quantity offered at that price (for a ladder: the amount). */
  readonly quantity: Decimal;

  /**
   * @param price the price
   * @param quantity the quantity
   */
  constructor(price: Decimal, quantity: Decimal) {
    this.price = price;
    this.quantity = quantity;
  }
}
