import { pageOf, readPageRequest } from '../pagination.js';
import { decimalParam, idParam, queryParams, secondsParam, stringParam, unwrap } from '../params.js';
import { HttpError } from '../responses.js';
import { callerId, pathId, type RouteContext } from '../route-context.js';
import { privateRoute, type Route } from '../router.js';
import {
  bankAccountWire,
  cryptoNetworkWire,
  cryptoWithdrawalAddressWire,
  cryptoWithdrawalRowWire,
  cryptoWithdrawalWire,
  fiatWithdrawalWire,
} from '../../wire/serializers/funding.js';
import type { WireObject } from '../../wire/json.js';

const WITHDRAWAL_NOT_FOUND = 'Withdrawal not found';

/**
 * Funding, quoine-api.md §7.8 (#47–#57; #58–#59 live with the accounts). `auth_code` (2FA) is
 * accepted and not checked: sandbox tokens behave like IP-whitelisted ones, which the docs exempt.
 */
export const fundingRoutes: readonly Route[] = [
  privateRoute('GET', '/crypto_withdrawals/crypto_networks', (context) =>
    context.exchange.cryptoNetworks(stringParam(queryParams(context.query), 'currency')).map(cryptoNetworkWire),
  ),
  privateRoute('GET', '/crypto_withdrawals', (context) => {
    const query = queryParams(context.query);
    const withdrawals = context.exchange.cryptoWithdrawals(callerId(context), {
      currency: stringParam(query, 'currency', 'optional'),
      address: stringParam(query, 'address', 'optional'),
      state: stringParam(query, 'state', 'optional'),
      timestamp: secondsParam(context.query, 'timestamp'),
    });
    // The 2021 capture had the page counters as strings too (§3).
    return pageOf(
      withdrawals,
      readPageRequest(context.query),
      (row) => cryptoWithdrawalRowWire(row, context.liquid),
      context.liquid,
    );
  }),
  privateRoute('POST', '/crypto_withdrawals', (context) => {
    const params = unwrap(context.params, 'crypto_withdrawal');
    const withdrawal = context.exchange.createCryptoWithdrawal(callerId(context), {
      currency: stringParam(params, 'currency'),
      address: stringParam(params, 'address'),
      amount: decimalParam(params, 'amount'),
      network: stringParam(params, 'network', 'optional'),
      paymentId: stringParam(params, 'payment_id', 'optional'),
      memoType: stringParam(params, 'memo_type', 'optional'),
      memoValue: stringParam(params, 'memo_value', 'optional'),
    });
    return cryptoWithdrawalWire(withdrawal, context.liquid);
  }),
  // ccxt's list spells the cancel path in the singular (§7.8 #49); the plural is accepted too.
  privateRoute('PUT', '/crypto_withdrawal/{id}/cancel', (context) => cancelCryptoWithdrawal(context)),
  privateRoute('PUT', '/crypto_withdrawals/{id}/cancel', (context) => cancelCryptoWithdrawal(context)),
  privateRoute('GET', '/crypto_withdrawal_addresses', (context) => {
    const currency = stringParam(queryParams(context.query), 'currency', 'optional');
    const addresses = context.exchange.cryptoWithdrawalAddresses(callerId(context), currency);
    return pageOf(addresses, readPageRequest(context.query), cryptoWithdrawalAddressWire);
  }),
  privateRoute('GET', '/withdrawals', (context) =>
    pageOf(context.exchange.fiatWithdrawals(callerId(context)), readPageRequest(context.query), (row) =>
      fiatWithdrawalWire(row, context.liquid),
    ),
  ),
  privateRoute('POST', '/withdrawals', (context) => {
    const params = unwrap(context.params, 'withdrawal');
    const withdrawal = context.exchange.createFiatWithdrawal(callerId(context), {
      currency: stringParam(params, 'currency'),
      amount: decimalParam(params, 'amount'),
      bankAccountId: idParam(params, 'bank_account_id'),
    });
    return fiatWithdrawalWire(withdrawal, context.liquid);
  }),
  privateRoute('PUT', '/withdrawals/{id}/cancel', (context) =>
    fiatWithdrawalWire(
      context.exchange.cancelFiatWithdrawal(callerId(context), pathId(context, 'id', WITHDRAWAL_NOT_FOUND)),
      context.liquid,
    ),
  ),
  privateRoute('GET', '/bank_accounts', (context) =>
    context.exchange.bankAccounts(callerId(context)).map(bankAccountWire),
  ),
  privateRoute('GET', '/fund_infos', (context) =>
    fundInfo(context, stringParam(queryParams(context.query), 'currency')),
  ),
  privateRoute('POST', '/fund_infos', (context) =>
    fundInfo(context, stringParam(unwrap(context.params, 'fund_info'), 'currency')),
  ),
];

function cancelCryptoWithdrawal(context: RouteContext): WireObject {
  const withdrawal = context.exchange.cancelCryptoWithdrawal(
    callerId(context),
    pathId(context, 'id', WITHDRAWAL_NOT_FOUND),
  );
  return cryptoWithdrawalWire(withdrawal, context.liquid);
}

/**
 * `GET`/`POST /fund_infos` (shape not captured, §7.8 #55–56; a sandbox shape): the deposit address
 * of a crypto account, `{currency, address, memo_value}`; fiat currencies have no address (422).
 */
function fundInfo(context: RouteContext, currency: string): WireObject {
  const account = context.exchange.account(callerId(context), currency);
  if (account.address === null) throw HttpError.invalid('currency', 'is_invalid');
  return { currency: account.currency, address: account.address, memo_value: null };
}
