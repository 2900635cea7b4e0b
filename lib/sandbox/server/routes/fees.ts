import { decimalParam, enumParam, idParam, stringParam, type Params } from '../params.js';
import { HttpError } from '../responses.js';
import { callerId } from '../route-context.js';
import { privateRoute, type Route } from '../router.js';
import { feeRuleWire } from '../catalogue-wire.js';
import { feeEstimateWire, feeTierWire } from '../../wire/serializers/fees.js';

/** Fees, quoine-api.md §7.9 (#60–#62). */
export const feeRoutes: readonly Route[] = [
  privateRoute('GET', '/user/fee_tier', (context) => feeTierWire(context.exchange.feeTier(callerId(context)))),
  privateRoute('GET', '/user/fees', (context) => {
    // Every sandbox user is in fee tier 0: the catalogue's rules for tier 0 (or without a tier).
    const feeType = context.query.get('fee_type');
    return context.catalogue.fees
      .filter((row) => feeType === null || feeType === '' || row['fee_type'] === feeType)
      .filter((row) => {
        const tier = (row['conditions'] as Record<string, unknown> | undefined)?.['fee_tier'];
        return tier === undefined || tier === '0';
      })
      .map(feeRuleWire);
  }),
  privateRoute('POST', '/fees/estimate', (context) => {
    const action = enumParam(context.params, 'for_action', ['create_order', 'withdraw'] as const);
    const forParams = context.params['for_params'];
    if (typeof forParams !== 'object' || forParams === null || Array.isArray(forParams))
      throw HttpError.missingParameters();
    const params = forParams as Params;
    const userId = callerId(context);
    if (action === 'withdraw') {
      return feeEstimateWire(
        context.exchange.estimateWithdrawalFee(userId, {
          currency: stringParam(params, 'currency'),
          amount: decimalParam(params, 'amount'),
          bankAccountId: idParam(params, 'bank_account_id', 'optional'),
        }),
      );
    }
    return feeEstimateWire(
      context.exchange.estimateOrderFee(userId, {
        productId: idParam(params, 'product_id'),
        side: enumParam(params, 'side', ['buy', 'sell'] as const),
        quantity: decimalParam(params, 'quantity'),
        price: decimalParam(params, 'price', 'optional'),
        orderType: enumParam(
          params,
          'order_type',
          ['limit', 'market', 'market_with_range', 'limit_post_only', 'stop', 'trailing_stop'] as const,
          'optional',
        ),
        tradingType: stringParam(params, 'trading_type', 'optional'),
        fundingCurrency: stringParam(params, 'funding_currency', 'optional'),
      }),
    );
  }),
];
