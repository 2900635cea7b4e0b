/**
 * The exchange's internal order, and its snapshot as an {@link OrderRecord}.
 * @module
 */
import type { ProductConfig } from './config.js';
import { Decimal, ZERO } from './decimal.js';
import { NO_FILL } from './fills.js';
import { decimalOfUnits, integerPath, pow10, unitsAt } from './units.js';
import type {
  MarginType,
  MyExecutionRecord,
  OrderDirection,
  OrderRecord,
  OrderStatus,
  OrderType,
  Side,
  TradingType,
  TrailingStopType,
} from './records.js';

/**
 * How an order's reservation is released on a fill: `unit` releases `unitReserve` per unit filled
 * (limit orders: reserved at their own price); `actual` releases what the fill actually cost
 * (market orders: reserved against the sweep of the book).
 */
export type ReserveMode = 'unit' | 'actual';

/** An order's terms as placed (validation.ts checks them; a close order's are made by the engine). */
export interface OrderTerms {
  readonly product: ProductConfig;
  readonly side: Side;
  readonly orderType: OrderType;
  readonly quantity: Decimal;
  /** Limit price, market_with_range price (null when priceRange is used), stop trigger; zero otherwise. */
  readonly price: Decimal;
  readonly priceRange: Decimal | null;
  readonly clientOrderId: string | null;
  readonly tradingType: TradingType;
  readonly leverageLevel: number;
  readonly fundingCurrency: string;
  readonly orderDirection: OrderDirection | null;
  readonly marginType: MarginType | null;
  readonly takeProfit: Decimal | null;
  readonly stopLoss: Decimal | null;
  readonly trailingStopType: TrailingStopType | null;
  readonly trailingStopValue: Decimal | null;
}

/**
 * An order of the engine. Its money is kept twice over where it can be: as Decimals, and as exact
 * scaled integers at its product's scales (config.ts `ProductScales`: `quantityUnits` and
 * `filledUnits` at the quantity's places, `priceUnits` at the price's, `notionalUnits` at both,
 * `feeUnits` and `reservedUnits` at both plus the fee's, `unitReserveUnits` at the price's plus the
 * fee's). A units field is null when its value has more places than its scale (a margin
 * reservation divided by the leverage, or a state put there by hand): such an order takes the
 * Decimal path. The integer path (settlement.ts) changes the units and drops the Decimals, which
 * are built again when read; setting a Decimal sets its units.
 */
export class OrderState {
  readonly id: number;
  readonly userId: number;
  readonly product: ProductConfig;
  readonly side: Side;
  readonly orderType: OrderType;
  readonly priceRange: Decimal | null;
  status: OrderStatus;
  readonly createdAtMs: number;
  updatedAtMs: number;
  readonly clientOrderId: string | null;
  readonly tradingType: TradingType;
  readonly leverageLevel: number;
  readonly fundingCurrency: string;
  readonly orderDirection: OrderDirection | null;
  readonly marginType: MarginType | null;
  readonly takeProfit: Decimal | null;
  readonly stopLoss: Decimal | null;
  readonly trailingStopType: TrailingStopType | null;
  readonly trailingStopValue: Decimal | null;
  /** Trailing stops: the most favourable last price since placement. */
  trailAnchor: Decimal | null;
  stopTriggeredAtMs: number | null;
  /** The currency still reserved for the unfilled rest. */
  readonly reserveCurrency: string;
  reserveMode: ReserveMode;
  /** True while resting on the book. */
  onBook: boolean;
  /** Stop / trailing stop orders waiting for their trigger. */
  held: boolean;
  readonly sourceAction: string;
  readonly target: string;
  /** A close order: the trade it reduces. */
  readonly closeTradeId: number | null;
  /** Margin: the trade this order opened (extended by its later fills). */
  openedTradeId: number | null;
  /** The order's last fill in the exchange's fills store (fills.ts), or -1; and how many it has. */
  lastFill: number;
  fillCount: number;

  quantityUnits: bigint | null = null;
  priceUnits: bigint | null = null;
  filledUnits: bigint | null = null;
  notionalUnits: bigint | null = null;
  feeUnits: bigint | null = null;
  reservedUnits: bigint | null = null;
  unitReserveUnits: bigint | null = null;
  #quantity: Decimal | undefined;
  #price: Decimal | undefined;
  #filled: Decimal | undefined;
  #filledNotional: Decimal | undefined;
  #fee: Decimal | undefined;
  #reserved: Decimal | undefined;
  #unitReserve: Decimal | undefined;

  /**
   * A new order (id 0 until the registry files it): live, nothing filled, reserved or fee paid.
   * Built from the validated terms as they are, with no object of its fields made in between.
   * @param trailAnchor trailing stops: the last price at placement
   */
  constructor(
    userId: number,
    terms: OrderTerms,
    createdAtMs: number,
    sourceAction: string,
    closeTradeId: number | null,
    trailAnchor: Decimal | null,
  ) {
    const spot = terms.tradingType === 'spot';
    this.id = 0;
    this.userId = userId;
    this.product = terms.product;
    this.side = terms.side;
    this.orderType = terms.orderType;
    this.priceRange = terms.priceRange;
    this.status = 'live';
    this.createdAtMs = createdAtMs;
    this.updatedAtMs = createdAtMs;
    this.clientOrderId = terms.clientOrderId;
    this.tradingType = terms.tradingType;
    this.leverageLevel = terms.leverageLevel;
    this.fundingCurrency = terms.fundingCurrency;
    this.orderDirection = terms.orderDirection;
    this.marginType = terms.marginType;
    this.takeProfit = terms.takeProfit;
    this.stopLoss = terms.stopLoss;
    this.trailingStopType = terms.trailingStopType;
    this.trailingStopValue = terms.trailingStopValue;
    this.trailAnchor = trailAnchor;
    this.stopTriggeredAtMs = null;
    // Spot reserves what it pays with (a buy the quote, a sell the base); margin its funding currency.
    this.reserveCurrency = spot
      ? terms.side === 'buy'
        ? terms.product.quote
        : terms.product.base
      : terms.fundingCurrency;
    this.reserveMode = 'unit';
    this.onBook = false;
    this.held = false;
    this.sourceAction = sourceAction;
    this.target = spot ? 'spot' : closeTradeId === null ? 'open' : 'close';
    this.closeTradeId = closeTradeId;
    this.openedTradeId = null;
    this.lastFill = NO_FILL;
    this.fillCount = 0;
    this.quantity = terms.quantity;
    this.price = terms.price;
    this.filled = ZERO;
    this.filledNotional = ZERO;
    this.fee = ZERO;
    this.reserved = ZERO;
    this.unitReserve = ZERO;
  }

  get quantity(): Decimal {
    return (this.#quantity ??= decimalOfUnits(this.quantityUnits as bigint, this.product.scales.quantity));
  }

  set quantity(value: Decimal) {
    this.#quantity = value;
    this.quantityUnits = unitsAt(value, this.product.scales.quantity);
  }

  /** Limit price, market_with_range limit, or stop trigger; zero for market orders. */
  get price(): Decimal {
    return (this.#price ??= decimalOfUnits(this.priceUnits as bigint, this.product.scales.price));
  }

  set price(value: Decimal) {
    this.#price = value;
    this.priceUnits = unitsAt(value, this.product.scales.price);
  }

  get filled(): Decimal {
    // Filled up, the filled quantity is the quantity's Decimal.
    if (this.#filled === undefined && this.filledUnits === this.quantityUnits) this.#filled = this.quantity;
    return (this.#filled ??= decimalOfUnits(this.filledUnits as bigint, this.product.scales.quantity));
  }

  set filled(value: Decimal) {
    this.#filled = value;
    this.filledUnits = unitsAt(value, this.product.scales.quantity);
  }

  /** Σ quantity × price of the fills. */
  get filledNotional(): Decimal {
    return (this.#filledNotional ??= decimalOfUnits(this.notionalUnits as bigint, this.product.scales.notional));
  }

  set filledNotional(value: Decimal) {
    this.#filledNotional = value;
    this.notionalUnits = unitsAt(value, this.product.scales.notional);
  }

  get fee(): Decimal {
    return (this.#fee ??= decimalOfUnits(this.feeUnits as bigint, this.product.scales.reserve));
  }

  set fee(value: Decimal) {
    this.#fee = value;
    this.feeUnits = unitsAt(value, this.product.scales.reserve);
  }

  /** The amount still reserved for the unfilled rest. */
  get reserved(): Decimal {
    return (this.#reserved ??= decimalOfUnits(this.reservedUnits as bigint, this.product.scales.reserve));
  }

  set reserved(value: Decimal) {
    this.#reserved = value;
    this.reservedUnits = unitsAt(value, this.product.scales.reserve);
  }

  get unitReserve(): Decimal {
    return (this.#unitReserve ??= decimalOfUnits(this.unitReserveUnits as bigint, this.product.scales.unitReserve));
  }

  set unitReserve(value: Decimal) {
    this.#unitReserve = value;
    this.unitReserveUnits = unitsAt(value, this.product.scales.unitReserve);
  }

  /** True when every money field has its units (the integer path may settle it). */
  hasUnits(): boolean {
    return (
      this.quantityUnits !== null &&
      this.priceUnits !== null &&
      this.filledUnits !== null &&
      this.notionalUnits !== null &&
      this.feeUnits !== null &&
      this.reservedUnits !== null &&
      this.unitReserveUnits !== null
    );
  }

  /** Sets the reservation in units (`unit` at the unit-reserve scale, `reserved` at the fee scale). */
  setReservedUnits(unit: bigint, reserved: bigint): void {
    this.unitReserveUnits = unit;
    this.#unitReserve = undefined;
    this.reservedUnits = reserved;
    this.#reserved = undefined;
  }

  /**
   * A fill settled in units (only on an order that {@link hasUnits}): `quantity` at the quantity
   * scale, `notional` at the notional scale, `fee` and `release` at the fee scale.
   */
  addFillUnits(quantity: bigint, notional: bigint, fee: bigint, release: bigint): void {
    this.filledUnits = (this.filledUnits as bigint) + quantity;
    this.#filled = undefined;
    this.notionalUnits = (this.notionalUnits as bigint) + notional;
    this.#filledNotional = undefined;
    if (fee !== 0n) {
      this.feeUnits = (this.feeUnits as bigint) + fee;
      this.#fee = undefined;
    }
    this.reservedUnits = (this.reservedUnits as bigint) - release;
    this.#reserved = undefined;
  }
}

/** What the order filters read (`GET /orders`), without the order's money. */
export type OrderSummary = Pick<OrderState, 'id' | 'side' | 'status' | 'tradingType' | 'fundingCurrency'> & {
  readonly productId: number;
};

export function remaining(order: OrderState): Decimal {
  return order.quantity.minus(order.filled);
}

/** Live: on the book, held, or in the middle of matching. */
export function isLive(order: OrderState): boolean {
  return order.status === 'live' || order.status === 'partially_filled';
}

/** The average fill price, rounded half up to 8 decimals (a division need not terminate). */
export function averagePrice(order: OrderState): Decimal {
  const filled = integerPath.enabled ? order.filledUnits : null;
  const notional = order.notionalUnits;
  if (filled === 0n) return ZERO;
  if (filled !== null && notional !== null && filled > 0n && notional >= 0n) {
    // Every fill at the order's own price (a maker's always are): the average is that price.
    const scales = order.product.scales;
    if (scales.price <= AVERAGE_PLACES && order.priceUnits !== null && notional === filled * order.priceUnits)
      return order.price;
    // One exact division rounded half up at 8 places. decimal.js rounds its quotient at 100
    // significant digits first; that could only differ with a run of ~90 nines after the 8th place,
    // which a quotient with a denominator below 10^90 cannot have.
    const numerator = notional * AVERAGE_SCALE;
    const denominator = filled * pow10(scales.price);
    const quotient = numerator / denominator;
    const rounded = 2n * (numerator - quotient * denominator) >= denominator ? quotient + 1n : quotient;
    return decimalOfUnits(rounded, AVERAGE_PLACES);
  }
  if (order.filled.isZero()) return ZERO;
  return order.filledNotional.div(order.filled).toDecimalPlaces(AVERAGE_PLACES, Decimal.ROUND_HALF_UP);
}

const AVERAGE_PLACES = 8;
const AVERAGE_SCALE = 10n ** 8n;

/** The trigger price of a stop order now (trailing: anchor ∓ distance). */
export function triggerPrice(order: OrderState): Decimal {
  if (order.orderType !== 'trailing_stop' || order.trailAnchor === null || order.trailingStopValue === null)
    return order.price;
  const distance =
    order.trailingStopType === 'percentage'
      ? order.trailAnchor.times(order.trailingStopValue).div(100)
      : order.trailingStopValue;
  return order.side === 'sell' ? order.trailAnchor.minus(distance) : order.trailAnchor.plus(distance);
}

/** The order's record; `executions` are its fills, oldest first. */
export function orderRecord(order: OrderState, tradeId: number | null, executions: MyExecutionRecord[]): OrderRecord {
  const isMarket = order.orderType === 'market';
  const stop = order.orderType === 'stop' || order.orderType === 'trailing_stop';
  return {
    id: order.id,
    userId: order.userId,
    orderType: order.orderType,
    quantity: order.quantity,
    discQuantity: ZERO,
    icebergTotalQuantity: ZERO,
    side: order.side,
    filledQuantity: order.filled,
    price: isMarket ? averagePrice(order) : stop ? triggerPrice(order) : order.price,
    priceRange: order.priceRange,
    createdAt: order.createdAtMs / 1000,
    updatedAt: order.updatedAtMs / 1000,
    status: order.status,
    leverageLevel: order.leverageLevel,
    sourceExchange: 'QUOINE',
    productId: order.product.id,
    productCode: order.product.code,
    currencyPairCode: order.product.currencyPairCode,
    fundingCurrency: order.fundingCurrency,
    marginType: order.marginType,
    takeProfit: order.takeProfit,
    stopLoss: order.stopLoss,
    tradingType: order.tradingType,
    orderDirection: order.orderDirection,
    cryptoAccountId: null,
    averagePrice: averagePrice(order),
    target: order.target,
    orderFee: order.fee,
    sourceAction: order.sourceAction,
    unwoundTradeId: order.closeTradeId,
    unwoundTradeLeverageLevel: order.closeTradeId === null ? null : order.leverageLevel,
    tradeId,
    clientOrderId: order.clientOrderId,
    marginUsed: ZERO,
    marginInterest: ZERO,
    settings: null,
    trailingStopType: order.trailingStopType,
    trailingStopValue: order.trailingStopValue,
    stopTriggeredTime: order.stopTriggeredAtMs === null ? null : order.stopTriggeredAtMs / 1000,
    executions,
  };
}
