/**
 * Validation of `POST /orders` and `PUT /orders/{id}` inputs, with the exchange's error codes
 * (quoine-api.md §4.2). Checks run in this order: missing parameters (400), unknown values,
 * product, `order: product_disabled`, `quantity: less_than_order_size`,
 * `quantity: invalid_precision`, `price: must_be_positive`, `price: invalid_tick_size`, the price
 * band (`order: price_too_high` / `price_too_small`, limit and post-only orders only), client order
 * id, margin settings. Funds are checked later, by the engine. Any decimal longer than 32 characters
 * is refused as it is read (`{field: ['too_long']}`, parse.ts).
 *
 * Sandbox choices (the reference records the currencies' precisions and the products' `tick_size`,
 * but no error code for them): a quantity with more decimal places than its base currency's
 * precision answers 422 `{"errors":{"quantity":["invalid_precision"]}}`; a price (limit,
 * limit_post_only, stop, market_with_range) that is not a multiple of the product's tick size
 * answers 422 `{"errors":{"price":["invalid_tick_size"]}}`. Both hold for edits too.
 * @module
 */
import type { Config, ProductConfig } from './config.js';
import { Decimal, ZERO, compareDecimals } from './decimal.js';
import { ErrorText, ExchangeError } from './errors.js';
import type { CreateOrderParams } from './inputs.js';
import type { OrderTerms } from './order-state.js';
import { optionalDecimal, positive, requiredDecimal } from './parse.js';
import type { MarginType, OrderDirection, OrderType, Side, TradingType, TrailingStopType } from './records.js';
import { unitsAt } from './units.js';

const ORDER_TYPES: readonly OrderType[] = [
  'limit',
  'market',
  'market_with_range',
  'limit_post_only',
  'stop',
  'trailing_stop',
];
const SIDES: readonly Side[] = ['buy', 'sell'];
const TRADING_TYPES: readonly TradingType[] = ['spot', 'margin', 'cfd', 'perpetual'];
const DIRECTIONS: readonly OrderDirection[] = ['one_direction', 'two_direction', 'netout'];
const MARGIN_TYPES: readonly MarginType[] = ['cross', 'isolated'];
const TRAILING_TYPES: readonly TrailingStopType[] = ['price', 'percentage'];
const CLIENT_ORDER_ID = /^[A-Za-z0-9-]+$/;

/** A placement that passed validation: the order's terms. */
export type ValidOrder = OrderTerms;

export function validateOrder(
  params: CreateOrderParams,
  config: Config,
  lastPrice: (product: ProductConfig) => Decimal | null,
): ValidOrder {
  const given = params as Partial<CreateOrderParams>;
  if (isBlank(given.orderType) || given.productId === undefined || isBlank(given.side) || isBlank(given.quantity)) {
    throw ExchangeError.badRequest(ErrorText.missingParameters);
  }
  const orderType = oneOf(params.orderType, ORDER_TYPES, 'order_type');
  const side = oneOf(params.side, SIDES, 'side');
  const needsPrice = orderType === 'limit' || orderType === 'limit_post_only' || orderType === 'stop';
  if (needsPrice && isBlank(params.price)) throw ExchangeError.badRequest(ErrorText.missingParameters);
  if (orderType === 'market_with_range' && isBlank(params.price) && isBlank(params.priceRange)) {
    throw ExchangeError.badRequest(ErrorText.missingParameters);
  }
  if (orderType === 'trailing_stop' && (isBlank(params.trailingStopType) || isBlank(params.trailingStopValue))) {
    throw ExchangeError.badRequest(ErrorText.missingParameters);
  }
  const product = config.products.get(params.productId);
  if (product === undefined) throw ExchangeError.invalid('product_id', 'not_found');
  if (product.disabled) throw ExchangeError.invalid('order', ErrorText.productDisabled);

  const quantity = requiredDecimal(params.quantity, 'quantity');
  checkQuantity(quantity, product);
  const priceRange =
    orderType === 'market_with_range' ? (optionalDecimal(params.priceRange, 'price_range') ?? null) : null;
  if (priceRange !== null) positive(priceRange, 'price_range');
  const priceGiven = optionalDecimal(params.price, 'price');
  const usesPrice = needsPrice || (orderType === 'market_with_range' && priceRange === null);
  const price = usesPrice && priceGiven !== undefined ? checkTick(positive(priceGiven, 'price'), product) : ZERO;
  if (orderType === 'limit' || orderType === 'limit_post_only') checkBand(price, product, config, lastPrice(product));

  const trailingStopType =
    orderType === 'trailing_stop'
      ? oneOf(params.trailingStopType as string, TRAILING_TYPES, 'trailing_stop_type')
      : null;
  const trailingValue =
    orderType === 'trailing_stop' ? optionalDecimal(params.trailingStopValue, 'trailing_stop_value') : undefined;
  const trailingStopValue = trailingValue === undefined ? null : positive(trailingValue, 'trailing_stop_value');

  const clientOrderId = isBlank(params.clientOrderId) ? null : (params.clientOrderId as string);
  if (
    clientOrderId !== null &&
    (Buffer.byteLength(clientOrderId, 'utf8') > 36 || !CLIENT_ORDER_ID.test(clientOrderId))
  ) {
    throw ExchangeError.invalid('client_order_id', 'invalid');
  }

  const leverageLevel = params.leverageLevel ?? 1;
  const tradingType = isBlank(params.tradingType)
    ? leverageLevel > 1
      ? 'margin'
      : 'spot'
    : oneOf(params.tradingType as string, TRADING_TYPES, 'trading_type');
  const fundingCurrency = isBlank(params.fundingCurrency) ? product.quote : (params.fundingCurrency as string);
  // Funding must be the quote currency: the sandbox has no conversion between currencies.
  if (fundingCurrency !== product.quote) throw ExchangeError.invalid('funding_currency', 'invalid');
  if (tradingType === 'spot') {
    if (leverageLevel !== 1) throw ExchangeError.invalid('leverage_level', 'invalid');
    return {
      product,
      side,
      orderType,
      quantity,
      price,
      priceRange,
      clientOrderId,
      tradingType,
      leverageLevel: 1,
      fundingCurrency,
      orderDirection: null,
      marginType: null,
      takeProfit: null,
      stopLoss: null,
      trailingStopType,
      trailingStopValue,
    };
  }
  if (!product.marginEnabled) throw ExchangeError.invalid('order', 'margin_not_enabled');
  if (!config.leverageLevels.includes(leverageLevel)) throw ExchangeError.invalid('leverage_level', 'invalid');
  const orderDirection = isBlank(params.orderDirection)
    ? 'netout'
    : oneOf(params.orderDirection as string, DIRECTIONS, 'order_direction');
  const marginType = isBlank(params.marginType)
    ? 'cross'
    : oneOf(params.marginType as string, MARGIN_TYPES, 'margin_type');
  const takeProfitGiven = optionalDecimal(params.takeProfit, 'take_profit');
  const stopLossGiven = optionalDecimal(params.stopLoss, 'stop_loss');
  return {
    product,
    side,
    orderType,
    quantity,
    price,
    priceRange,
    clientOrderId,
    tradingType,
    leverageLevel,
    fundingCurrency,
    orderDirection,
    marginType,
    takeProfit: takeProfitGiven === undefined ? null : positive(takeProfitGiven, 'take_profit'),
    stopLoss: stopLossGiven === undefined ? null : positive(stopLossGiven, 'stop_loss'),
    trailingStopType,
    trailingStopValue,
  };
}

/**
 * `quantity: less_than_order_size` below the product minimum (zero and negatives included), then
 * `quantity: invalid_precision` with more decimal places than the base currency's precision.
 */
export function checkQuantity(quantity: Decimal, product: ProductConfig): void {
  // In units at the base's precision when the quantity has one: at most that many places, so only the size to check.
  const units = unitsAt(quantity, product.scales.quantity);
  const minimum = product.scales.minimumQuantity;
  if (units !== null && minimum !== null) {
    if (units < minimum || units <= 0n) throw ExchangeError.invalid('quantity', ErrorText.lessThanOrderSize);
    return;
  }
  if (quantity.lessThan(product.minimumOrderQuantity) || quantity.isZero() || quantity.isNegative()) {
    throw ExchangeError.invalid('quantity', ErrorText.lessThanOrderSize);
  }
  checkPrecision(quantity, product, 'quantity');
}

/** `field: invalid_precision` when the quantity has more decimal places than the product's base currency. */
export function checkPrecision(quantity: Decimal, product: ProductConfig, field: string): Decimal {
  if (quantity.decimalPlaces() > product.quantityPrecision)
    throw ExchangeError.invalid(field, ErrorText.invalidPrecision);
  return quantity;
}

/** The price itself, or `price: invalid_tick_size` when it is not a multiple of the product's tick size. */
export function checkTick(price: Decimal, product: ProductConfig): Decimal {
  const places = tickPlaces(product);
  const onTick = places === null ? price.mod(product.tickSize).isZero() : price.decimalPlaces() <= places;
  if (!onTick) throw ExchangeError.invalid('price', ErrorText.invalidTickSize);
  return price;
}

/** Per product: the tick's decimal places when the tick is a power of ten ≤ 1 (1, 0.01, …), else null. */
const TICK_PLACES = new WeakMap<ProductConfig, number | null>();

/** A multiple of a tick 10^-k is a decimal with at most k places: a count instead of a division. */
function tickPlaces(product: ProductConfig): number | null {
  let places = TICK_PLACES.get(product);
  if (places === undefined) {
    const tick = product.tickSize;
    const k = tick.decimalPlaces();
    places = tick.equals(new Decimal(10).pow(-k)) ? k : null;
    TICK_PLACES.set(product, places);
  }
  return places;
}

/** The price band around the last price (see ExchangeOptions.priceBand). */
export function checkBand(price: Decimal, _product: ProductConfig, config: Config, last: Decimal | null): void {
  if (last === null) return;
  const band = bandAround(config, last);
  if (compareDecimals(price, band.high) > 0) throw ExchangeError.invalid('order', ErrorText.priceTooHigh);
  if (compareDecimals(price, band.low) < 0) throw ExchangeError.invalid('order', ErrorText.priceTooSmall);
}

interface Band {
  readonly last: Decimal;
  readonly high: Decimal;
  readonly low: Decimal;
}

/** Per configuration, the band of the last price asked for: orders arrive in runs at one last price. */
const BANDS = new WeakMap<Config, Band>();

/** The band's bounds around `last`: last × (1 + up) and last × (1 − down). */
function bandAround(config: Config, last: Decimal): Band {
  const cached = BANDS.get(config);
  if (cached !== undefined) {
    if (cached.last === last) return cached;
    if (compareDecimals(cached.last, last) === 0) {
      // The same price in another Decimal (the catalogue's, then the tape's): kept by this one from now on.
      const same = { last, high: cached.high, low: cached.low };
      BANDS.set(config, same);
      return same;
    }
  }
  const band = {
    last,
    high: last.times(config.bandUp.plus(1)),
    low: last.times(config.bandDown.negated().plus(1)),
  };
  BANDS.set(config, band);
  return band;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw ExchangeError.invalid(field, 'invalid');
  return value as T;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
