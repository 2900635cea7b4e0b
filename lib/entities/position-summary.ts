import type { Decimal } from 'decimal.js';
import { DecimalField } from '../core/fields.js';

const optional = { nullable: true } as const;

/**
 * A trading account's positions on one side.
 * @group Entities
 * @hideconstructor
 */
export class PositionSummary {
  /** Unrealised pnl. */
  @DecimalField('pnl', optional) pnl!: Decimal | null;
  /** Position size. */
  @DecimalField('position', optional) position!: Decimal | null;
  /** Average open price. */
  @DecimalField('base_open_price', optional) baseOpenPrice!: Decimal | null;
}
