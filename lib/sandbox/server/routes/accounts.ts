import { pageOf, readPageRequest } from '../pagination.js';
import { idParam, queryParams, secondsParam, stringParam } from '../params.js';
import { callerId, type RouteContext } from '../route-context.js';
import { privateRoute, type Route } from '../router.js';
import {
  accountListTyping,
  allAccountsTyping,
  balanceWire,
  cryptoAccountWire,
  currencyAccountWire,
  fiatAccountWire,
  mainAssetWire,
} from '../../wire/serializers/accounts.js';
import { balanceHistoryWire, transactionWire } from '../../wire/serializers/funding.js';
import { text } from '../../wire/serializers/values.js';

/** Accounts, quoine-api.md §7.4 (#23–#30), and the balance history / transactions of §7.8 (#58–#59). */
export const accountRoutes: readonly Route[] = [
  privateRoute('GET', '/fiat_accounts', (context) =>
    catalogued(context, context.exchange.fiatAccounts(callerId(context))).map((account) =>
      fiatAccountWire(account, accountListTyping(context.liquid)),
    ),
  ),
  privateRoute('POST', '/fiat_accounts', (context) => {
    const currency = stringParam(context.params, 'currency');
    return fiatAccountWire(
      context.exchange.createFiatAccount(callerId(context), currency),
      accountListTyping(context.liquid),
    );
  }),
  privateRoute('GET', '/crypto_accounts', (context) =>
    catalogued(context, context.exchange.cryptoAccounts(callerId(context))).map((account) =>
      cryptoAccountWire(account, accountListTyping(context.liquid)),
    ),
  ),
  privateRoute('GET', '/accounts/balance', (context) =>
    catalogued(context, context.exchange.balances(callerId(context))).map(balanceWire),
  ),
  privateRoute('GET', '/accounts/main_asset', (context) =>
    mainAssetWire(context.exchange.mainAsset(callerId(context))),
  ),
  privateRoute('GET', '/accounts', (context) => {
    const userId = callerId(context);
    const typing = allAccountsTyping(context.liquid);
    return {
      crypto_accounts: catalogued(context, context.exchange.cryptoAccounts(userId)).map((account) =>
        cryptoAccountWire(account, typing),
      ),
      fiat_accounts: catalogued(context, context.exchange.fiatAccounts(userId)).map((account) =>
        fiatAccountWire(account, typing),
      ),
    };
  }),
  privateRoute('GET', '/accounts/{currency}/reserved_balance_details', (context) => reservedBalanceDetails(context)),
  privateRoute('GET', '/accounts/{currency}', (context) =>
    currencyAccountWire(context.exchange.account(callerId(context), context.path['currency'] ?? '')),
  ),
  privateRoute('GET', '/balance_history', (context) => {
    const query = queryParams(context.query);
    const history = context.exchange.balanceHistoryList(callerId(context), {
      currency: stringParam(query, 'currency', 'optional'),
      sourceAction: stringParam(query, 'source_action', 'optional'),
      sourceObjectType: stringParam(query, 'source_object_type', 'optional'),
      sourceObjectId: idParam(query, 'source_object_id', 'optional'),
      timestampGte: secondsParam(context.query, 'timestamp_gte'),
      timestampLte: secondsParam(context.query, 'timestamp_lte'),
    });
    // §7.8 #59: limit 10–1000, default 1000 (values below 10 are raised to 10).
    const request = readPageRequest(context.query, 1000);
    return pageOf(history, { page: request.page, limit: Math.max(10, request.limit) }, (entry) =>
      balanceHistoryWire(entry, context.liquid),
    );
  }),
  privateRoute('GET', '/transactions', (context) => {
    const query = queryParams(context.query);
    const transactions = context.exchange.transactionList(callerId(context), {
      currency: stringParam(query, 'currency', 'optional'),
      transactionType: stringParam(query, 'transaction_type', 'optional'),
    });
    return pageOf(transactions, readPageRequest(context.query), transactionWire);
  }),
];

/**
 * Only the catalogue's currencies: the exchange also keeps accounts for perpetual base currencies
 * (`P-BTC`), which the real lists never showed and which clients map onto `BTC` (ccxt's
 * commonCurrencies), hiding the real BTC balance.
 */
function catalogued<T extends { readonly currency: string }>(context: RouteContext, accounts: readonly T[]): T[] {
  const known = new Set(context.catalogue.currencies.map((row) => row['currency']));
  return accounts.filter((account) => known.has(account.currency));
}

/**
 * `GET /accounts/{currency}/reserved_balance_details` (shape not captured, §7.4 #30; a sandbox
 * shape): the account's reserved balance and the user's live orders that reserve this currency
 * (buy orders reserve the quote or funding currency, sell orders the base currency).
 */
function reservedBalanceDetails(context: RouteContext): Record<string, string | number[] | null> {
  const userId = callerId(context);
  const account = context.exchange.account(userId, context.path['currency'] ?? '');
  const products = new Map(context.exchange.products().map((product) => [product.id, product]));
  const orderIds = context.exchange
    .orders(userId, {})
    .filter((order) => order.status === 'live' || order.status === 'partially_filled')
    .filter((order) => {
      const product = products.get(order.productId);
      const reserved =
        order.side === 'sell' && order.leverageLevel <= 1 ? product?.baseCurrency : order.fundingCurrency;
      return reserved === account.currency;
    })
    .map((order) => order.id);
  return { currency: account.currency, reserved_balance: text(account.reservedBalance), order_ids: orderIds };
}
