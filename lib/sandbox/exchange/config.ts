/**
 * The exchange's resolved configuration: products and currencies from the constructor's specs,
 * with defaults applied and decimals parsed once.
 * @module
 */
import { Decimal, type DecimalInput } from './decimal.js';
import type { CurrencySpec, ExchangeOptions, NonLiveCancelBehaviour, ProductSpec } from './inputs.js';
import type { CurrencyType } from './records.js';
import { unitsAt } from './units.js';

export interface ProductConfig {
  readonly spec: ProductSpec;
  readonly id: number;
  readonly base: string;
  readonly quote: string;
  readonly currencyPairCode: string;
  readonly productType: string;
  readonly code: string;
  readonly takerFee: Decimal;
  readonly makerFee: Decimal;
  /** Price step: every order price is a multiple of it (`price: invalid_tick_size` otherwise). */
  readonly tickSize: Decimal;
  readonly minimumOrderQuantity: Decimal;
  /** Decimal places an order quantity may have: the base currency's precision. */
  readonly quantityPrecision: number;
  readonly disabled: boolean;
  readonly marginEnabled: boolean;
  /** The starting reference price, or null when the spec has none. */
  readonly referencePrice: Decimal | null;
  /** The scales of the product's money as scaled integers (units.ts), for the engine's integer path. */
  readonly scales: ProductScales;
}

/**
 * Decimal places of a product's amounts: every validated quantity has at most `quantity`, every
 * price (a multiple of the tick) at most `price`, every fee rate at most `fee`; so a notional is
 * exact at quantity + price places, a fee at quantity + price + fee.
 */
export interface ProductScales {
  readonly quantity: number;
  readonly price: number;
  readonly fee: number;
  /** Of a notional (quantity × price): quantity + price. */
  readonly notional: number;
  /** Of a fee (notional × rate) and of a reservation: quantity + price + fee. */
  readonly reserve: number;
  /** Of a reservation per unit of quantity (price × (1 + rate)): price + fee. */
  readonly unitReserve: number;
  /** Fee rates in units of 10^-fee. */
  readonly takerFee: bigint;
  readonly makerFee: bigint;
  /** max(takerFee, makerFee, 0): what a reservation holds for fees per unit of notional. */
  readonly maxFee: bigint;
  /** The minimum order quantity in units of 10^-quantity, or null when it has more places. */
  readonly minimumQuantity: bigint | null;
}

export interface CurrencyConfig {
  readonly currency: string;
  readonly type: CurrencyType;
  /** Decimal places of amounts in the currency (the catalogue's `assets_precision`). */
  readonly precision: number;
  readonly symbol: string | null;
  readonly withdrawalFee: Decimal;
  readonly minimumWithdrawal: Decimal;
  readonly minimumLoanBidQuantity: Decimal;
  readonly lendable: boolean;
  readonly positionFundable: boolean;
  readonly withdrawable: boolean;
  readonly networks: readonly string[];
  readonly chainName: string;
}

export interface Config {
  readonly products: ReadonlyMap<number, ProductConfig>;
  readonly currencies: ReadonlyMap<string, CurrencyConfig>;
  readonly leverageLevels: readonly number[];
  readonly nonLiveCancel: NonLiveCancelBehaviour;
  readonly bandUp: Decimal;
  readonly bandDown: Decimal;
  readonly mainCurrency: string;
  readonly houseLending: boolean;
  readonly houseRate: Decimal;
  readonly bookDepth: number;
  readonly seed: number;
}

const DEFAULT_LEVERAGE_LEVELS = [2, 4, 5, 10, 25] as const;
const SMALLEST = '0.00000001';
/** Precision of a currency the catalogue gives none for (and of product currencies it lacks). */
const DEFAULT_PRECISION = 8;

/** Resolves the options; throws a plain Error on a catalogue that cannot work (a programming error). */
export function resolveConfig(options: ExchangeOptions): Config {
  const currencies = new Map<string, CurrencyConfig>();
  for (const spec of options.currencies) currencies.set(spec.currency, currencyConfig(spec));
  const products = new Map<number, ProductConfig>();
  for (const spec of options.products) {
    for (const currency of [spec.baseCurrency, spec.quotedCurrency]) {
      if (!currencies.has(currency)) currencies.set(currency, currencyConfig({ currency, currencyType: 'crypto' }));
    }
    const product = productConfig(spec, currencies.get(spec.baseCurrency)?.precision ?? DEFAULT_PRECISION);
    products.set(product.id, product);
  }
  const leverageLevels = [...(options.leverageLevels ?? DEFAULT_LEVERAGE_LEVELS)];
  for (const level of leverageLevels) {
    // Margin = notional / leverage must stay exact: only 2^a·5^b levels divide without rounding.
    if (!Number.isInteger(level) || level < 1 || !isPowerOfTwoAndFive(level)) {
      throw new Error(`leverage level ${level} is not an integer of the form 2^a·5^b`);
    }
  }
  const firstFiat = [...currencies.values()].find((c) => c.type === 'fiat')?.currency;
  const mainCurrency = options.mainCurrency ?? firstFiat ?? [...currencies.keys()][0] ?? 'USD';
  return {
    products,
    currencies,
    leverageLevels,
    nonLiveCancel: options.nonLiveCancel ?? 'not-found',
    bandUp: decimalOf(options.priceBand?.up ?? '0.5'),
    bandDown: decimalOf(options.priceBand?.down ?? '0.5'),
    mainCurrency,
    houseLending: options.houseLending ?? true,
    houseRate: decimalOf(options.houseRate ?? '0.0005'),
    bookDepth: options.bookDepth ?? 20,
    seed: options.seed ?? 1,
  };
}

function productConfig(spec: ProductSpec, quantityPrecision: number): ProductConfig {
  const tickSize = decimalOf(spec.tickSize ?? SMALLEST);
  if (!tickSize.isFinite() || !tickSize.isPositive() || tickSize.isZero())
    throw new Error(`product ${spec.id}: tick size ${tickSize.toFixed()} is not positive`);
  const takerFee = decimalOf(spec.takerFee ?? '0');
  const makerFee = decimalOf(spec.makerFee ?? '0');
  const minimumOrderQuantity = decimalOf(spec.minimumOrderQuantity ?? SMALLEST);
  return {
    spec,
    id: spec.id,
    base: spec.baseCurrency,
    quote: spec.quotedCurrency,
    currencyPairCode: spec.currencyPairCode,
    productType: spec.productType ?? 'CurrencyPair',
    code: spec.code ?? 'CASH',
    takerFee,
    makerFee,
    tickSize,
    minimumOrderQuantity,
    quantityPrecision,
    disabled: spec.disabled ?? false,
    marginEnabled: spec.marginEnabled ?? false,
    referencePrice: spec.lastTradedPrice === undefined ? null : decimalOf(spec.lastTradedPrice),
    scales: productScales(quantityPrecision, tickSize, takerFee, makerFee, minimumOrderQuantity),
  };
}

function productScales(
  quantity: number,
  tickSize: Decimal,
  takerFee: Decimal,
  makerFee: Decimal,
  minimumOrderQuantity: Decimal,
): ProductScales {
  if (!takerFee.isFinite() || !makerFee.isFinite()) throw new Error('fee rates must be finite');
  const fee = Math.max(takerFee.decimalPlaces(), makerFee.decimalPlaces());
  const taker = unitsAt(takerFee, fee) ?? 0n; // -0 is 0
  const maker = unitsAt(makerFee, fee) ?? 0n;
  const larger = taker > maker ? taker : maker;
  const price = tickSize.decimalPlaces();
  return {
    quantity,
    price,
    fee,
    notional: quantity + price,
    reserve: quantity + price + fee,
    unitReserve: price + fee,
    takerFee: taker,
    makerFee: maker,
    maxFee: larger > 0n ? larger : 0n,
    minimumQuantity: unitsAt(minimumOrderQuantity, quantity),
  };
}

function currencyConfig(spec: CurrencySpec): CurrencyConfig {
  return {
    currency: spec.currency,
    type: spec.currencyType,
    precision: precisionOf(spec),
    symbol: spec.symbol ?? null,
    withdrawalFee: decimalOf(spec.withdrawalFee ?? '0'),
    minimumWithdrawal: decimalOf(spec.minimumWithdrawal ?? '0'),
    minimumLoanBidQuantity: decimalOf(spec.minimumLoanBidQuantity ?? '0'),
    lendable: spec.lendable ?? false,
    positionFundable: spec.positionFundable ?? spec.currencyType === 'fiat',
    withdrawable: spec.withdrawable ?? true,
    networks: [...(spec.networks ?? [])],
    chainName: spec.chainName ?? spec.name ?? spec.currency,
  };
}

function precisionOf(spec: CurrencySpec): number {
  const precision = spec.assetsPrecision ?? DEFAULT_PRECISION;
  if (!Number.isInteger(precision) || precision < 0 || precision > 30)
    throw new Error(`currency ${spec.currency}: precision ${precision} is not an integer in 0..30`);
  return precision;
}

function decimalOf(value: DecimalInput): Decimal {
  return new Decimal(value);
}

function isPowerOfTwoAndFive(value: number): boolean {
  let rest = value;
  while (rest % 2 === 0) rest /= 2;
  while (rest % 5 === 0) rest /= 5;
  return rest === 1;
}
