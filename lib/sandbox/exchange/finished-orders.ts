/**
 * Finished orders (filled or cancelled: their state no longer changes) in columns, one row per
 * order id: ~90 bytes an order instead of an {@link OrderState} object (~330 bytes, plus its
 * times as heap numbers). Codes, currencies and source actions are indexes into shared
 * {@link StringTable}s, money is scaled integers ({@link DecimalColumn}), the rarely set fields
 * (client order id, leverage, trades, price range, stop loss / take profit, trailing stop, stop
 * trigger time) live in a side map for the orders that set one.
 * Reading a row builds a fresh OrderState equal to the one stored.
 * @module
 */
import type { ProductConfig } from './config.js';
import type { Decimal } from './decimal.js';
import { DecimalColumn } from './decimal-column.js';
import { OrderState, type OrderSummary, type OrderTerms, type ReserveMode } from './order-state.js';
import type {
  MarginType,
  OrderDirection,
  OrderStatus,
  OrderType,
  Side,
  TradingType,
  TrailingStopType,
} from './records.js';
import { StringTable } from './string-table.js';
import { integerPath } from './units.js';

const FIRST_CAPACITY = 64;
const CODES = 2 ** 8;
/**
 * Code columns per row: side, type, status, trading type, direction, margin type, trailing type,
 * reserve mode, source action (the target and the reserved currency follow from the terms).
 */
const CODE_COUNT = 9;
/** Number columns per row: created, updated. */
const NUMBER_COUNT = 2;

const SIDES = new StringTable<Side>(CODES);
const ORDER_TYPES = new StringTable<OrderType>(CODES);
const STATUSES = new StringTable<OrderStatus>(CODES);
const TRADING_TYPES = new StringTable<TradingType>(CODES);
const DIRECTIONS = new StringTable<OrderDirection | null>(CODES);
const MARGIN_TYPES = new StringTable<MarginType | null>(CODES);
const TRAILING_TYPES = new StringTable<TrailingStopType | null>(CODES);
const RESERVE_MODES = new StringTable<ReserveMode>(CODES);
const SOURCE_ACTIONS = new StringTable<string>(CODES);
const CURRENCIES = new StringTable<string>(2 ** 16);

/** The fields most orders leave null (leverage: 1), kept only for the orders that set one. */
interface RareFields {
  readonly leverageLevel: number;
  readonly stopTriggeredAtMs: number | null;
  readonly closeTradeId: number | null;
  readonly openedTradeId: number | null;
  readonly clientOrderId: string | null;
  readonly priceRange: Decimal | null;
  readonly takeProfit: Decimal | null;
  readonly stopLoss: Decimal | null;
  readonly trailingStopValue: Decimal | null;
  readonly trailAnchor: Decimal | null;
}

export class FinishedOrders {
  /** The id of row 0 (the first order id seen). */
  #firstId: number | undefined;
  #capacity = 0;
  #stored = new Uint8Array(0);
  #userIds = new Int32Array(0);
  #productIds = new Int32Array(0);
  #codes = new Uint8Array(0);
  #currencies = new Uint16Array(0);
  #numbers = new Float64Array(0);
  #fills = new Int32Array(0);
  readonly #quantities = new DecimalColumn(0);
  readonly #prices = new DecimalColumn(0);
  readonly #filled = new DecimalColumn(0);
  readonly #filledNotionals = new DecimalColumn(0);
  readonly #fees = new DecimalColumn(0);
  readonly #rare = new Map<number, RareFields>();
  readonly #product: (productId: number) => ProductConfig;

  /** `product` answers the configured product of an id (orders are only made for those). */
  constructor(product: (productId: number) => ProductConfig) {
    this.#product = product;
  }

  /** True when the order is stored here. */
  has(orderId: number): boolean {
    const row = this.#row(orderId);
    return row >= 0 && row < this.#capacity && this.#stored[row] === 1;
  }

  /** Sets row 0 to the first order id the exchange gives (the ids that follow are larger). */
  startAt(orderId: number): void {
    this.#firstId ??= orderId;
  }

  /** Stores a finished order (its object can then be dropped; what it reserved was released). */
  add(order: OrderState): void {
    const row = this.#row(order.id);
    if (row < 0) throw new Error(`finished orders: id ${order.id} before the first ${this.#firstId}`);
    while (row >= this.#capacity) this.#grow();
    this.#stored[row] = 1;
    this.#userIds[row] = order.userId;
    this.#productIds[row] = order.product.id;
    const codes = row * CODE_COUNT;
    this.#codes[codes] = SIDES.indexOf(order.side);
    this.#codes[codes + 1] = ORDER_TYPES.indexOf(order.orderType);
    this.#codes[codes + 2] = STATUSES.indexOf(order.status);
    this.#codes[codes + 3] = TRADING_TYPES.indexOf(order.tradingType);
    this.#codes[codes + 4] = DIRECTIONS.indexOf(order.orderDirection);
    this.#codes[codes + 5] = MARGIN_TYPES.indexOf(order.marginType);
    this.#codes[codes + 6] = TRAILING_TYPES.indexOf(order.trailingStopType);
    this.#codes[codes + 7] = RESERVE_MODES.indexOf(order.reserveMode);
    this.#codes[codes + 8] = SOURCE_ACTIONS.indexOf(order.sourceAction);
    this.#currencies[row] = CURRENCIES.indexOf(order.fundingCurrency);
    const numbers = row * NUMBER_COUNT;
    this.#numbers[numbers] = order.createdAtMs;
    this.#numbers[numbers + 1] = order.updatedAtMs;
    this.#fills[row * 2] = order.lastFill;
    this.#fills[row * 2 + 1] = order.fillCount;
    this.#quantities.set(row, order.quantity);
    this.#prices.set(row, order.price);
    // Money kept in units is stored as it is (no Decimal built for it).
    const scales = order.product.scales;
    if (order.filledUnits === null || !integerPath.enabled) this.#filled.set(row, order.filled);
    else this.#filled.setUnits(row, order.filledUnits, scales.quantity);
    if (order.notionalUnits === null || !integerPath.enabled) this.#filledNotionals.set(row, order.filledNotional);
    else this.#filledNotionals.setUnits(row, order.notionalUnits, scales.notional);
    if (order.feeUnits === null || !integerPath.enabled) this.#fees.set(row, order.fee);
    else this.#fees.setUnits(row, order.feeUnits, scales.reserve);
    const plain =
      order.leverageLevel === 1 &&
      order.stopTriggeredAtMs === null &&
      order.closeTradeId === null &&
      order.openedTradeId === null &&
      order.clientOrderId === null &&
      order.priceRange === null &&
      order.takeProfit === null &&
      order.stopLoss === null &&
      order.trailingStopValue === null &&
      order.trailAnchor === null;
    if (!plain)
      this.#rare.set(order.id, {
        leverageLevel: order.leverageLevel,
        stopTriggeredAtMs: order.stopTriggeredAtMs,
        closeTradeId: order.closeTradeId,
        openedTradeId: order.openedTradeId,
        clientOrderId: order.clientOrderId,
        priceRange: order.priceRange,
        takeProfit: order.takeProfit,
        stopLoss: order.stopLoss,
        trailingStopValue: order.trailingStopValue,
        trailAnchor: order.trailAnchor,
      });
  }

  /** What the order filters read, without building the order's Decimals. */
  summary(orderId: number): OrderSummary {
    const row = this.#row(orderId);
    const codes = row * CODE_COUNT;
    return {
      id: orderId,
      productId: this.#productIds[row] as number,
      side: SIDES.at(this.#codes[codes] as number),
      status: STATUSES.at(this.#codes[codes + 2] as number),
      tradingType: TRADING_TYPES.at(this.#codes[codes + 3] as number),
      fundingCurrency: CURRENCIES.at(this.#currencies[row] as number),
    };
  }

  /** A fresh OrderState of the stored order (changing it changes nothing stored). */
  order(orderId: number): OrderState {
    const row = this.#row(orderId);
    const codes = row * CODE_COUNT;
    const numbers = row * NUMBER_COUNT;
    const rare = this.#rare.get(orderId);
    const terms: OrderTerms = {
      product: this.#product(this.#productIds[row] as number),
      side: SIDES.at(this.#codes[codes] as number),
      orderType: ORDER_TYPES.at(this.#codes[codes + 1] as number),
      quantity: this.#quantities.get(row),
      price: this.#prices.get(row),
      priceRange: rare?.priceRange ?? null,
      clientOrderId: rare?.clientOrderId ?? null,
      tradingType: TRADING_TYPES.at(this.#codes[codes + 3] as number),
      leverageLevel: rare?.leverageLevel ?? 1,
      fundingCurrency: CURRENCIES.at(this.#currencies[row] as number),
      orderDirection: DIRECTIONS.at(this.#codes[codes + 4] as number),
      marginType: MARGIN_TYPES.at(this.#codes[codes + 5] as number),
      takeProfit: rare?.takeProfit ?? null,
      stopLoss: rare?.stopLoss ?? null,
      trailingStopType: TRAILING_TYPES.at(this.#codes[codes + 6] as number),
      trailingStopValue: rare?.trailingStopValue ?? null,
    };
    const order = new OrderState(
      this.#userIds[row] as number,
      terms,
      this.#numbers[numbers] as number,
      SOURCE_ACTIONS.at(this.#codes[codes + 8] as number),
      rare?.closeTradeId ?? null,
      rare?.trailAnchor ?? null,
    );
    // What the order became after it was placed (what it reserved was released when it finished).
    (order as { id: number }).id = orderId;
    order.status = STATUSES.at(this.#codes[codes + 2] as number);
    order.updatedAtMs = this.#numbers[numbers + 1] as number;
    order.stopTriggeredAtMs = rare?.stopTriggeredAtMs ?? null;
    order.reserveMode = RESERVE_MODES.at(this.#codes[codes + 7] as number);
    order.openedTradeId = rare?.openedTradeId ?? null;
    order.lastFill = this.#fills[row * 2] as number;
    order.fillCount = this.#fills[row * 2 + 1] as number;
    order.filled = this.#filled.get(row);
    order.filledNotional = this.#filledNotionals.get(row);
    order.fee = this.#fees.get(row);
    return order;
  }

  #row(orderId: number): number {
    return this.#firstId === undefined ? -1 : orderId - this.#firstId;
  }

  #grow(): void {
    const capacity = Math.max(FIRST_CAPACITY, this.#capacity * 2);
    this.#stored = grown(this.#stored, new Uint8Array(capacity));
    this.#userIds = grown(this.#userIds, new Int32Array(capacity));
    this.#productIds = grown(this.#productIds, new Int32Array(capacity));
    this.#codes = grown(this.#codes, new Uint8Array(capacity * CODE_COUNT));
    this.#currencies = grown(this.#currencies, new Uint16Array(capacity));
    this.#numbers = grown(this.#numbers, new Float64Array(capacity * NUMBER_COUNT));
    this.#fills = grown(this.#fills, new Int32Array(capacity * 2));
    for (const column of [this.#quantities, this.#prices, this.#filled, this.#filledNotionals, this.#fees])
      column.grow(capacity);
    this.#capacity = capacity;
  }
}

/** `into` with `from`'s values at its start. */
function grown<T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
