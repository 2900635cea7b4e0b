import { pageOf, readPageRequest } from '../pagination.js';
import {
  decimalParam,
  enumParam,
  idParam,
  integerParam,
  queryParams,
  stringParam,
  unwrap,
  type Params,
} from '../params.js';
import { HttpError } from '../responses.js';
import { callerId, pathId, type RouteContext } from '../route-context.js';
import { privateRoute, type Route } from '../router.js';
import { loanWire } from '../../wire/serializers/lending.js';
import { tradeWire, tradingAccountWire } from '../../wire/serializers/trading.js';
import type { UpdateTradeParams } from '../../exchange/index.js';

const TRADE_NOT_FOUND = 'Trade not found';

/** Trading accounts and leverage (§7.6 #37–#40), trades (§7.7 #41–#45) and a trade's loans (§7.5 #36). */
export const tradingRoutes: readonly Route[] = [
  privateRoute('GET', '/trading_accounts', (context) =>
    context.exchange
      .tradingAccounts(callerId(context))
      .map((account) => tradingAccountWire(account, context.liquid, true)),
  ),
  privateRoute('GET', '/trading_accounts/{id}', (context) => {
    const account = context.exchange.tradingAccount(
      callerId(context),
      pathId(context, 'id', 'Trading account not found'),
    );
    return tradingAccountWire(account, context.liquid, false);
  }),
  privateRoute('PUT', '/trading_accounts/{id}', (context) => {
    const leverageLevel = integerParam(unwrap(context.params, 'trading_account'), 'leverage_level');
    const id = pathId(context, 'id', 'Trading account not found');
    return tradingAccountWire(
      context.exchange.updateLeverage(callerId(context), id, leverageLevel),
      context.liquid,
      false,
    );
  }),
  privateRoute('GET', '/users/leverage_limitation', (context) =>
    context.exchange.leverageLimitation(callerId(context)),
  ),
  privateRoute('GET', '/trades', (context) => {
    const query = queryParams(context.query);
    const trades = context.exchange.tradeList(callerId(context), {
      fundingCurrency: stringParam(query, 'funding_currency', 'optional'),
      status: stringParam(query, 'status', 'optional'),
      productId: idParam(query, 'product_id', 'optional'),
      side: stringParam(query, 'side', 'optional'),
      tradingType: stringParam(query, 'trading_type', 'optional'),
    });
    return pageOf(trades, readPageRequest(context.query), (trade) => tradeWire(trade, context.liquid, 'list'));
  }),
  privateRoute('PUT', '/trades/close_all', (context) => {
    const side = enumParam(unwrap(context.params, 'trade'), 'side', ['long', 'short'] as const, 'optional');
    return context.exchange
      .closeAllTrades(callerId(context), side)
      .map((trade) => tradeWire(trade, context.liquid, 'action'));
  }),
  privateRoute('PUT', '/trades/{id}/close', (context) => {
    // `closed_quantity` in the body (EN docs) or the query (JP docs): both arrive in `params`.
    const closedQuantity = decimalParam(unwrap(context.params, 'trade'), 'closed_quantity', 'optional');
    return tradeWire(
      context.exchange.closeTrade(callerId(context), tradeId(context), closedQuantity),
      context.liquid,
      'action',
    );
  }),
  privateRoute('PUT', '/trades/{id}/adjust_margin', (context) => {
    // Body not recorded (§7.7 #45); sandbox choice: a signed `amount` of the funding currency.
    const amount = decimalParam(unwrap(context.params, 'trade'), 'amount');
    return tradeWire(
      context.exchange.adjustTradeMargin(callerId(context), tradeId(context), amount),
      context.liquid,
      'action',
    );
  }),
  privateRoute('PUT', '/trades/{id}', (context) => {
    const update = updateTradeParams(unwrap(context.params, 'trade'));
    return tradeWire(
      context.exchange.updateTrade(callerId(context), tradeId(context), update),
      context.liquid,
      'action',
    );
  }),
  privateRoute('GET', '/trades/{id}/loans', (context) =>
    context.exchange.tradeLoans(callerId(context), tradeId(context)).map((loan) => loanWire(loan, context.liquid)),
  ),
];

function tradeId(context: RouteContext): number {
  return pathId(context, 'id', TRADE_NOT_FOUND);
}

/** `stop_loss` / `take_profit`: a decimal sets it, JSON null clears it, absence leaves it. */
function updateTradeParams(params: Params): UpdateTradeParams {
  const level = (name: string): string | null | undefined =>
    params[name] === null ? null : decimalParam(params, name, 'optional');
  const stopLoss = level('stop_loss');
  const takeProfit = level('take_profit');
  if (stopLoss === undefined && takeProfit === undefined) throw HttpError.missingParameters();
  return { stopLoss, takeProfit };
}
