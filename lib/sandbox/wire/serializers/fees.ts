import type { FeeEstimateRecord, FeeLineRecord, FeeTierRecord } from '../../exchange/records.js';
import type { WireObject } from '../json.js';
import { text } from './values.js';

/** `GET /user/fee_tier` (the docs print the window as ISO-8601 text). */
export function feeTierWire(tier: FeeTierRecord): WireObject {
  return {
    fee_tier: tier.feeTier,
    from_time: isoSeconds(tier.fromTime),
    to_time: isoSeconds(tier.toTime),
    in_currency: tier.inCurrency,
    currency_pair_volume: text(tier.currencyPairVolume),
    perpetual_volume: text(tier.perpetualVolume),
  };
}

/** `POST /fees/estimate`. */
export function feeEstimateWire(estimate: FeeEstimateRecord): WireObject {
  return {
    fee_options: {
      default: estimate.feeOptions.default.map(feeLineWire),
      trade_fee_discount: estimate.feeOptions.tradeFeeDiscount.map(feeLineWire),
    },
  };
}

function feeLineWire(line: FeeLineRecord): WireObject {
  return { fee_type: line.feeType, amount: text(line.amount), currency: line.currency };
}

function isoSeconds(seconds: number): string {
  return new Date(Math.floor(seconds) * 1000).toISOString().replace('.000Z', 'Z');
}
