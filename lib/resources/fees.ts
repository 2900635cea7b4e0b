import * as input from '../core/coerce.js';
import type { DecimalInput } from '../core/decimal.js';
import { QuoineRequestError } from '../core/errors.js';
import { hydrate, WireValueError } from '../core/fields.js';
import { ApiResource, defined, listOf, readWith } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { Fee } from '../entities/fee.js';
import { FeeEstimate } from '../entities/fee-estimate.js';
import { FeeTier } from '../entities/fee-tier.js';
import { OrderType, Side, TradingType } from '../constants.js';

/**
 * Options of {@link Fees.list}.
 * @group Parameters
 */
export interface FeeListOptions {
  /** Only rules of this type, e.g. `trade_fee`. */
  readonly feeType?: string;
}

/**
 * What to estimate the fees of: placing an order, or a withdrawal.
 * @group Parameters
 */
export type FeeEstimateParams =
  | {
      /** Estimate placing an order. */
      readonly forAction: 'create_order';
      /** Product id. */
      readonly productId: number | string;
      /** `buy` or `sell`. */
      readonly side: Side;
      /** Quantity. */
      readonly quantity: DecimalInput;
      /** Price. */
      readonly price: DecimalInput;
      /** Order type (default `limit`). */
      readonly orderType?: OrderType;
      /** Trading type (default `spot`). */
      readonly tradingType?: TradingType;
      /** Funding currency. */
      readonly fundingCurrency?: string;
    }
  | {
      /** Estimate a fiat withdrawal. */
      readonly forAction: 'withdraw';
      /** Currency. */
      readonly currency: string;
      /** Amount. */
      readonly amount: DecimalInput;
      /** Bank account id. */
      readonly bankAccountId?: number | string;
    };

/**
 * `client.fees`: fee rules.
 * @group Resources
 */
export class Fees extends ApiResource {
  /**
   * The public fee schedule.
   * @example
   * ```ts
   * const tradeFees = await client.fees.list({ feeType: 'trade_fee' });
   * ```
   */
  async list(query: FeeListOptions = {}, options?: CallOptions): Promise<Fee[]> {
    return this.GET(listOf(Fee), '/fees', { query: feeQuery(query), auth: false, options });
  }

  /**
   * Your fee tier and traded volumes.
   * @example
   * ```ts
   * const { feeTier } = await client.fees.tier();
   * ```
   */
  async tier(options?: CallOptions): Promise<FeeTier> {
    return this.GET(FeeTier, '/user/fee_tier', { options });
  }

  /**
   * The fee rules that apply to you.
   * @example
   * ```ts
   * const rules = await client.fees.rules({ feeType: 'trade_fee' });
   * ```
   */
  async rules(query: FeeListOptions = {}, options?: CallOptions): Promise<Fee[]> {
    return this.GET(listOf(Fee), '/user/fees', { query: feeQuery(query), options });
  }

  /**
   * The fees an order or a withdrawal would cost.
   * @example
   * ```ts
   * const estimate = await client.fees.estimate({ forAction: 'create_order', productId: 5, side: 'buy', quantity: '0.01', price: '976382' });
   * console.log(estimate.default?.[0]?.amount.toFixed());
   * ```
   */
  async estimate(params: FeeEstimateParams, options?: CallOptions): Promise<FeeEstimate> {
    input.object(params, 'params');
    const body = { for_action: params.forAction, for_params: estimateParams(params) };
    // A POST that only computes: safe to retry.
    return this.POST(feeOptions, '/fees/estimate', { body, safety: 'read', options });
  }
}

/** `{"fee_options": {...}}` → the estimate. */
const feeOptions = readWith((b) => {
  if (typeof b !== 'object' || b === null || !('fee_options' in b))
    throw new WireValueError('expected {"fee_options": …}');
  return hydrate(FeeEstimate, b.fee_options);
});

function estimateParams(params: FeeEstimateParams): Record<string, unknown> {
  if (params.forAction === 'create_order') {
    return defined({
      product_id: input.id(params.productId, 'productId'),
      side: input.oneOf(params.side, Object.values(Side), 'side'),
      quantity: input.decimalText(params.quantity, 'quantity', 'positive'),
      price: input.decimalText(params.price, 'price', 'positive'),
      order_type: input.oneOf(params.orderType ?? OrderType.Limit, Object.values(OrderType), 'orderType'),
      trading_type: input.oneOf(params.tradingType ?? TradingType.Spot, Object.values(TradingType), 'tradingType'),
      funding_currency: input.optional(params.fundingCurrency, (v) => input.currency(v, 'fundingCurrency')),
    });
  }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime check: plain-JS callers may pass any forAction
  if (params.forAction === 'withdraw') {
    return defined({
      currency: input.currency(params.currency, 'currency'),
      amount: input.decimalText(params.amount, 'amount', 'positive'),
      bank_account_id: input.optional(params.bankAccountId, (v) => input.id(v, 'bankAccountId')),
    });
  }
  throw new QuoineRequestError(
    `forAction must be 'create_order' or 'withdraw', got ${JSON.stringify((params as { forAction: unknown }).forAction)}`,
    'forAction',
  );
}

/** The query of `fees.list` and `fees.rules`, checked alike. */
function feeQuery(query: FeeListOptions): { fee_type: string | undefined } {
  input.object(query, 'query');
  return { fee_type: input.optional(query.feeType, (v) => input.text(v, 'feeType', 64)) };
}
