import type { Decimal } from 'decimal.js';
import { DateField, DecimalField, IntField } from '../core/fields.js';

/**
 * One row of a perpetual product's funding-rate history
 * (`GET /products/{id}/funding_rate_history`).
 *
 * **Provisional:** no response of this endpoint was ever recorded, and the sandbox charges no funding (it serves an empty list). The fields are
 * those the endpoint's filters and the perpetual product object name (`funding_rate`, times
 * filtered by `timestamp_gte`/`timestamp_lte`); all but `fundingRate` may be absent (`null`).
 * Wire fields this class does not name are dropped; when a real body is found, this class
 * follows it.
 * @group Entities
 * @hideconstructor
 */
export class FundingRate {
  /** Row id, when the exchange sends one. */
  @IntField('id', { nullable: true }) id!: number | null;
  /** The perpetual product, when the exchange sends it. */
  @IntField('product_id', { nullable: true }) productId!: number | null;
  /** The funding rate of the period. */
  @DecimalField('funding_rate') fundingRate!: Decimal;
  /** When the rate applied (`timestamp`, Unix seconds), when sent. */
  @DateField('timestamp', { nullable: true }) timestamp!: Date | null;
  /** When the row was created, when sent. */
  @DateField('created_at', { nullable: true }) createdAt!: Date | null;
}
