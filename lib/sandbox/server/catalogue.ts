import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CurrencySpec, ProductSpec } from '../exchange/index.js';

/** A catalogue row in wire format (the exchange reads the fields it needs). */
export type CatalogueRow = Readonly<Record<string, unknown>>;

/** The sandbox's first state: `fixtures/catalogue/*.json`, shared with the fixtures engineer. */
export interface Catalogue {
  readonly products: readonly CatalogueRow[];
  readonly currencies: readonly CatalogueRow[];
  readonly fees: readonly CatalogueRow[];
  readonly leverageLevels: { readonly quoine: readonly number[]; readonly liquid: readonly number[] };
}

/** `fixtures/catalogue` in the repository and in the published package (lib/ and dist/ sit at the same depth). */
const CATALOGUE_DIR = fileURLToPath(new URL('../../../fixtures/catalogue/', import.meta.url));

/** Loads the catalogue files (plain JSON.parse: they hold only strings, small integers and booleans). */
export function loadCatalogue(directory: string = CATALOGUE_DIR): Catalogue {
  const read = (name: string): unknown => JSON.parse(readFileSync(`${directory}/${name}.json`, 'utf8'));
  return {
    products: read('products') as CatalogueRow[],
    currencies: read('currencies') as CatalogueRow[],
    fees: read('fees') as CatalogueRow[],
    leverageLevels: read('leverage_levels') as Catalogue['leverageLevels'],
  };
}

/** The catalogue's products as the exchange takes them (wire names camelCased, decimals as text). */
export function productSpecs(catalogue: Catalogue): ProductSpec[] {
  return catalogue.products.map((row) => ({
    id: integer(row['id']),
    baseCurrency: textOf(row['base_currency']) ?? '',
    quotedCurrency: textOf(row['quoted_currency']) ?? '',
    currencyPairCode: textOf(row['currency_pair_code']) ?? '',
    productType: textOf(row['product_type']),
    code: textOf(row['code']),
    name: textOf(row['name']) ?? null,
    symbol: textOf(row['symbol']) ?? null,
    pusherChannel: textOf(row['pusher_channel']),
    takerFee: textOf(row['taker_fee']),
    makerFee: textOf(row['maker_fee']),
    tickSize: textOf(row['tick_size']),
    minimumOrderQuantity: textOf(row['minimum_order_quantity']),
    disabled: flag(row['disabled']),
    marginEnabled: flag(row['margin_enabled']),
    cfdEnabled: flag(row['cfd_enabled']),
    perpetualEnabled: flag(row['perpetual_enabled']),
    fiatMinimumWithdraw: textOf(row['fiat_minimum_withdraw']) ?? null,
    lastTradedPrice: textOf(row['last_traded_price']),
  }));
}

/** The catalogue's currencies as the exchange takes them. */
export function currencySpecs(catalogue: Catalogue): CurrencySpec[] {
  return catalogue.currencies.map((row) => ({
    currency: textOf(row['currency']) ?? '',
    currencyType: row['currency_type'] === 'fiat' ? 'fiat' : 'crypto',
    assetsPrecision:
      typeof row['assets_precision'] === 'number' && Number.isSafeInteger(row['assets_precision'])
        ? row['assets_precision']
        : undefined,
    symbol: textOf(row['symbol']) ?? null,
    withdrawalFee: textOf(row['withdrawal_fee']),
    minimumWithdrawal: textOf(row['minimum_withdrawal']) ?? null,
    lendable: flag(row['lendable']),
    positionFundable: flag(row['position_fundable']),
    minimumLoanBidQuantity: textOf(row['minimum_loan_bid_quantity']),
    withdrawable: flag(row['withdrawable']),
    depositable: flag(row['depositable']),
    name: textOf(row['name']) ?? null,
    networks: WITHDRAWAL_NETWORKS[textOf(row['currency']) ?? ''],
  }));
}

/**
 * Withdrawal networks per crypto currency (the catalogue has none; a sandbox choice after the
 * networks §7.8 names: ERC20, TRC20).
 */
const WITHDRAWAL_NETWORKS: Readonly<Record<string, readonly string[]>> = {
  BTC: ['BTC'],
  ETH: ['ERC20'],
  USDT: ['ERC20', 'TRC20'],
  XRP: ['XRP'],
  QASH: ['ERC20'],
};

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function flag(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

function integer(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new Error(`catalogue: bad product id ${String(value)}`);
  return value;
}
