import type { AccountRecord, BalanceRecord, MainAssetRecord } from '../../exchange/records.js';
import type { WireObject } from '../json.js';
import { decimal, text } from './values.js';

/**
 * How accounts are typed: `numbers` prints `balance`, `reserved_balance`, `exchange_rate` as JSON
 * numbers (Liquid `/fiat_accounts`, `/crypto_accounts`, §7.4 [C]); the undocumented `/accounts`
 * (2020 sample) had them as strings. `minimumWithdrawNumber` prints the crypto accounts'
 * `minimum_withdraw` as a number: so in both the 2017 Quoine docs example (`0.02`, beside string
 * balances) and the Liquid docs; strings in the `/accounts` sample. `liquidFields` adds the
 * Liquid-era `reserved_balance` and `send_to_btc_address`.
 */
interface AccountTyping {
  readonly numbers: boolean;
  readonly minimumWithdrawNumber: boolean;
  readonly liquidFields: boolean;
}

/** `GET /fiat_accounts` row, `POST /fiat_accounts`. */
export function fiatAccountWire(account: AccountRecord, typing: AccountTyping): WireObject {
  const wire: WireObject = {
    id: account.id,
    currency: account.currency,
    currency_symbol: account.currencySymbol,
    balance: decimal(account.balance, typing.numbers),
  };
  if (typing.liquidFields) wire['reserved_balance'] = decimal(account.reservedBalance, typing.numbers);
  wire['pusher_channel'] = accountChannel(account);
  wire['lowest_offer_interest_rate'] = text(account.lowestOfferInterestRate);
  wire['highest_offer_interest_rate'] = text(account.highestOfferInterestRate);
  if (typing.liquidFields) wire['send_to_btc_address'] = null;
  return Object.assign(wire, {
    exchange_rate: decimal(account.exchangeRate, typing.numbers),
    currency_type: account.currencyType,
    margin: text(account.margin),
    free_margin: text(account.freeMargin),
  });
}

/** `GET /crypto_accounts` row. */
export function cryptoAccountWire(account: AccountRecord, typing: AccountTyping): WireObject {
  const wire: WireObject = {
    id: account.id,
    currency: account.currency,
    balance: decimal(account.balance, typing.numbers),
  };
  if (typing.liquidFields) wire['reserved_balance'] = decimal(account.reservedBalance, typing.numbers);
  return Object.assign(wire, {
    pusher_channel: accountChannel(account),
    lowest_offer_interest_rate: text(account.lowestOfferInterestRate),
    highest_offer_interest_rate: text(account.highestOfferInterestRate),
    address: account.address,
    currency_symbol: account.currencySymbol,
    minimum_withdraw: decimal(account.minimumWithdraw, typing.minimumWithdrawNumber),
    currency_type: account.currencyType,
  });
}

/** The typing of the two account lists per profile. */
export function accountListTyping(liquid: boolean): AccountTyping {
  return { numbers: liquid, minimumWithdrawNumber: true, liquidFields: liquid };
}

/** The typing of `/accounts` per profile (strings in both, Liquid fields in Liquid). */
export function allAccountsTyping(liquid: boolean): AccountTyping {
  return { numbers: false, minimumWithdrawNumber: false, liquidFields: liquid };
}

/** `GET /accounts/{currency}`: strings in both profiles. */
export function currencyAccountWire(account: AccountRecord): WireObject {
  return {
    id: account.id,
    currency: account.currency,
    balance: text(account.balance),
    free_balance: text(account.freeBalance),
    reserved_balance: text(account.reservedBalance),
    pnl: text(account.pnl),
    margin: text(account.margin),
    maintenance_margin: text(account.maintenanceMargin),
  };
}

/** `GET /accounts/balance` row: strings in every era. */
export function balanceWire(balance: BalanceRecord): WireObject {
  return { currency: balance.currency, balance: text(balance.balance) };
}

/** `GET /accounts/main_asset`. */
export function mainAssetWire(asset: MainAssetRecord): WireObject {
  return { currency: asset.currency, total_amount: text(asset.totalAmount) };
}

/** The Quoine-era per-account channel name (`user_3020_account_usd`). */
function accountChannel(account: AccountRecord): string {
  return `user_${account.userId}_account_${account.currency.toLowerCase()}`;
}
