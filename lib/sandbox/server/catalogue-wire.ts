import type { CatalogueRow } from './catalogue.js';
import type { WireObject, WireValue } from '../wire/json.js';
import { rawNumber } from '../wire/json.js';

/**
 * A currency row of `GET /currencies` from the catalogue row. Liquid profile: `minimum_withdrawal`,
 * `withdrawal_fee`, `discount_fee` are JSON numbers (the 2021 ccxt capture); Quoine: strings.
 * Fields the catalogue leaves out get the capture's defaults (`minimum_fee` null, `discount_fee` 0,
 * `credit_card_fundable` false, `maximum_order_taker_quantity` null).
 */
export function currencyWire(row: CatalogueRow, liquid: boolean): WireObject {
  const decimalField = (name: string, fallback: string | null): WireValue => {
    const value = row[name];
    const textValue = typeof value === 'string' ? value : fallback;
    if (textValue === null) return null;
    return liquid ? rawNumber(textValue) : textValue;
  };
  return {
    currency_type: stringOr(row['currency_type'], 'crypto'),
    currency: stringOr(row['currency'], ''),
    symbol: nullable(row['symbol']),
    assets_precision: integerOr(row['assets_precision'], 8),
    quoting_precision: integerOr(row['quoting_precision'], 8),
    minimum_withdrawal: decimalField('minimum_withdrawal', null),
    withdrawal_fee: decimalField('withdrawal_fee', '0.0'),
    minimum_fee: nullable(row['minimum_fee']),
    minimum_order_quantity: nullable(row['minimum_order_quantity']),
    display_precision: integerOr(row['display_precision'], 8),
    depositable: row['depositable'] !== false,
    withdrawable: row['withdrawable'] !== false,
    discount_fee: decimalField('discount_fee', '0.0'),
    credit_card_fundable: row['credit_card_fundable'] === true,
    lendable: row['lendable'] === true,
    position_fundable: row['position_fundable'] === true,
    has_memo: row['has_memo'] === true,
    stable_currency: nullable(row['stable_currency']),
    root_currency: stringOr(row['root_currency'], stringOr(row['currency'], '')),
    minimum_loan_bid_quantity: stringOr(row['minimum_loan_bid_quantity'], '0.0'),
    maximum_order_taker_quantity: nullable(row['maximum_order_taker_quantity']),
    name: nullable(row['name']),
  };
}

/** A fee rule row (`/fees`, `/user/fees`): the same in both profiles (§7.1: charge_value a string). */
export function feeRuleWire(row: CatalogueRow): WireObject {
  const conditions = row['conditions'];
  return {
    id: integerOr(row['id'], 0),
    fee_type: stringOr(row['fee_type'], 'trade_fee'),
    priority: integerOr(row['priority'], 0),
    conditions: isStringRecord(conditions) ? conditions : {},
    description: stringOr(row['description'], ''),
    charge_type: stringOr(row['charge_type'], 'percentage'),
    charge_value: stringOr(row['charge_value'], '0.0'),
    charge_base_currency: nullable(row['charge_base_currency']),
  };
}

function nullable(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function integerOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : fallback;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}
