/**
 * Fees: the fee tier and fee estimates.
 * (Conventions of every record: see records.ts.)
 * @module
 */
import type { Decimal } from '../decimal.js';

/**
 * `GET /user/fee_tier`.
 * @group Exchange records
 */
export interface FeeTierRecord {
  /** Always 0. */
  readonly feeTier: number;
  /** Unix seconds: the start of the current 30-day window. */
  readonly fromTime: number;
  /** Unix seconds: now, the end of the window. */
  readonly toTime: number;
  /** Currency of the volumes: USD when the catalogue has it, else the main currency. */
  readonly inCurrency: string;
  /** Notional of the user's spot executions in the window on products quoted in `inCurrency` (see Exchange.feeTier). */
  readonly currencyPairVolume: Decimal;
  /** The same for perpetual products. */
  readonly perpetualVolume: Decimal;
}

/**
 * One fee line of an estimate.
 * @group Exchange records
 */
export interface FeeLineRecord {
  /** `trade_fee` or `withdrawal_fee`. */
  readonly feeType: string;
  /** Fee amount. */
  readonly amount: Decimal;
  /** Currency of the fee. */
  readonly currency: string;
}

/**
 * `POST /fees/estimate`.
 * @group Exchange records
 */
export interface FeeEstimateRecord {
  /** The estimated fees. */
  readonly feeOptions: {
    /** The fee lines that apply (one line). */
    readonly default: readonly FeeLineRecord[];
    /** Always empty (the sandbox grants no fee discount). */
    readonly tradeFeeDiscount: readonly FeeLineRecord[];
  };
}
