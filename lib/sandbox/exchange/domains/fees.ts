/**
 * Fees: the user's fee tier with its 30-day volumes, and the fee estimates of an order or a
 * withdrawal.
 * @module
 */
import { ZERO } from '../decimal.js';
import { ExchangeError } from '../errors.js';
import type { OrderFeeEstimateParams, WithdrawalFeeEstimateParams } from '../inputs.js';
import { checkPrecision } from '../order-validation.js';
import { atPrecision, optionalDecimal, positive, requiredDecimal } from '../parse.js';
import type { FeeEstimateRecord, FeeTierRecord } from '../records.js';
import type { ExchangeParts } from './parts.js';

const FEE_TIER_WINDOW_MS = 30 * 86_400_000;

/** `GET /user/fee_tier` (see {@link Exchange.feeTier}). */
export function feeTier(parts: ExchangeParts, userId: number): FeeTierRecord {
  parts.user(userId);
  const nowMs = parts.context.nowMs();
  const fromSeconds = (nowMs - FEE_TIER_WINDOW_MS) / 1000;
  const inCurrency = parts.config.currencies.has('USD') ? 'USD' : parts.config.mainCurrency;
  let spot = ZERO;
  let perpetual = ZERO;
  for (const execution of parts.market.allMine(userId)) {
    const product = parts.config.products.get(execution.productId);
    if (product?.quote !== inCurrency || execution.createdAt < fromSeconds) continue;
    const notional = execution.quantity.times(execution.price);
    if (product.productType === 'Perpetual') perpetual = perpetual.plus(notional);
    else spot = spot.plus(notional);
  }
  return {
    feeTier: 0,
    fromTime: fromSeconds,
    toTime: nowMs / 1000,
    inCurrency,
    currencyPairVolume: spot,
    perpetualVolume: perpetual,
  };
}

/** `POST /fees/estimate` for `create_order` (see {@link Exchange.estimateOrderFee}). */
export function estimateOrderFee(
  parts: ExchangeParts,
  userId: number,
  params: OrderFeeEstimateParams,
): FeeEstimateRecord {
  parts.user(userId);
  const product = parts.product(params.productId);
  const quantity = checkPrecision(
    positive(requiredDecimal(params.quantity, 'quantity'), 'quantity'),
    product,
    'quantity',
  );
  const given = optionalDecimal(params.price, 'price');
  if (given !== undefined) positive(given, 'price');
  const opposite = parts.engine.book(product.id).bestPrice(params.side === 'buy' ? 'sell' : 'buy');
  const price = given ?? opposite ?? parts.market.lastPrice(product) ?? ZERO;
  const amount = quantity.times(price).times(product.takerFee);
  return { feeOptions: { default: [{ feeType: 'trade_fee', amount, currency: product.quote }], tradeFeeDiscount: [] } };
}

/** `POST /fees/estimate` for `withdraw`: the currency's withdrawal fee. */
export function estimateWithdrawalFee(
  parts: ExchangeParts,
  userId: number,
  params: WithdrawalFeeEstimateParams,
): FeeEstimateRecord {
  parts.user(userId);
  const currency = parts.config.currencies.get(params.currency);
  if (currency === undefined) throw ExchangeError.invalid('currency', 'invalid');
  atPrecision(positive(requiredDecimal(params.amount, 'amount'), 'amount'), currency.precision, 'amount');
  return {
    feeOptions: {
      default: [{ feeType: 'withdrawal_fee', amount: currency.withdrawalFee, currency: currency.currency }],
      tradeFeeDiscount: [],
    },
  };
}
