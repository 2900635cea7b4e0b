/**
 * Enumerated entity fields: typed with the known values (so editors complete them and `switch`
 * narrows), widened so a value the exchange adds later is kept as sent and never throws.
 *
 * The type-level half is checked by `tsc --noEmit` (tsconfig includes spec/): a wrong type makes the
 * type check fail, before any spec runs.
 */
import { expect } from 'chai';
import {
  CryptoWithdrawalState,
  CurrencyType,
  FiatWithdrawalState,
  LoanBidStatus,
  LoanStatus,
  MarginType,
  OrderStatus,
  OrderType,
  ProductType,
  Side,
  TradeSide,
  TradeStatus,
  TradingType,
  TrailingStopType,
  isKnown,
  type LeverageLevel,
  type OrUnknown,
} from '../../lib/constants.js';
import { hydrate } from '../../lib/core/fields.js';
import { parseLossless } from '../../lib/core/json.js';
import type { Currency } from '../../lib/entities/currency.js';
import type { CryptoAccount } from '../../lib/entities/crypto-account.js';
import type { CryptoWithdrawal } from '../../lib/entities/crypto-withdrawal.js';
import { Execution } from '../../lib/entities/execution.js';
import type { FiatAccount } from '../../lib/entities/fiat-account.js';
import type { Loan } from '../../lib/entities/loan.js';
import type { LoanBid } from '../../lib/entities/loan-bid.js';
import type { MyExecution } from '../../lib/entities/my-execution.js';
import { Order } from '../../lib/entities/order.js';
import type { Product } from '../../lib/entities/product.js';
import { Trade } from '../../lib/entities/trade.js';
import type { TradingAccount } from '../../lib/entities/trading-account.js';
import type { Withdrawal } from '../../lib/entities/withdrawal.js';
import { fixture } from '../helpers/fixtures.js';

// ---- compile-time assertions -------------------------------------------------------------------

/** `true` when A and B are the same type (not merely assignable). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when given `true`. */
function assertType<T extends true>(): T | undefined {
  return undefined;
}
/** The members of a field's type the SDK knows: the union without the `string & {}` / `number & {}` widening. */
type Known<F> = F extends string
  ? string extends F
    ? never
    : F
  : F extends number
    ? number extends F
      ? never
      : F
    : never;

// Each field: its known members are exactly the constants' union…
assertType<Equals<Known<Order['orderType']>, OrderType>>();
assertType<Equals<Known<Order['side']>, Side>>();
assertType<Equals<Known<Order['status']>, OrderStatus>>();
assertType<Equals<Known<Order['tradingType']>, TradingType>>();
assertType<Equals<Known<Order['marginType']>, MarginType>>();
assertType<Equals<Known<Order['trailingStopType']>, TrailingStopType>>();
assertType<Equals<Known<Order['leverageLevel']>, LeverageLevel | 1>>();
assertType<Equals<Known<Execution['takerSide']>, Side>>();
assertType<Equals<Known<MyExecution['mySide']>, Side>>();
assertType<Equals<Known<Trade['side']>, TradeSide>>();
assertType<Equals<Known<Trade['status']>, TradeStatus>>();
assertType<Equals<Known<Trade['tradingType']>, TradingType>>();
assertType<Equals<Known<Trade['marginType']>, MarginType>>();
assertType<Equals<Known<Trade['leverageLevel']>, LeverageLevel>>();
assertType<Equals<Known<TradingAccount['leverageLevel']>, LeverageLevel>>();
assertType<Equals<Known<Product['productType']>, ProductType>>();
assertType<Equals<Known<Currency['currencyType']>, CurrencyType>>();
assertType<Equals<Known<FiatAccount['currencyType']>, CurrencyType>>();
assertType<Equals<Known<CryptoAccount['currencyType']>, CurrencyType>>();
assertType<Equals<Known<LoanBid['status']>, LoanBidStatus>>();
assertType<Equals<Known<Loan['status']>, LoanStatus>>();
assertType<Equals<Known<CryptoWithdrawal['state']>, CryptoWithdrawalState>>();
assertType<Equals<Known<Withdrawal['state']>, FiatWithdrawalState>>();
// …and the field is exactly OrUnknown of that union: any string (or number) still fits, so an
// unknown future value is representable, and nullability is as the wire allows.
assertType<Equals<Order['side'], OrUnknown<Side>>>();
assertType<Equals<Order['tradingType'], OrUnknown<TradingType> | null>>();
assertType<Equals<Trade['leverageLevel'], OrUnknown<LeverageLevel>>>();
assertType<string extends Order['status'] ? true : false>();
assertType<number extends Trade['leverageLevel'] ? true : false>();

/**
 * How users narrow: `isKnown` turns the field into the known union, after which a `switch` is
 * exhaustive. (A plain `=== 'buy'` does not narrow a `(string & {})`-widened union, and an
 * unchecked field does not fit where the known union is required: both are the point.)
 */
export function describeOrder(order: Order): string {
  // @ts-expect-error an unchecked field may hold a value the SDK does not know: it is not an OrderStatus
  const _unchecked: OrderStatus = order.status;
  if (!isKnown(OrderStatus, order.status)) return `unknown status ${order.status}`;
  const status: OrderStatus = order.status;
  switch (status) {
    case OrderStatus.Live:
    case OrderStatus.PartiallyFilled:
      return 'open';
    case OrderStatus.Filled:
    case OrderStatus.Cancelled:
      return 'done';
    default:
      return assertNever(status);
  }
}

function assertNever(value: never): never {
  throw new Error(`unreachable: ${String(value)}`);
}

// ---- runtime -----------------------------------------------------------------------------------

/** The liquid `order` fixture with some fields replaced, as the wire would send them. */
function orderWith(changes: Record<string, string>): Order {
  const body = parseLossless(fixture('liquid', 'order')) as Record<string, unknown>;
  return hydrate(Order, parseLossless(JSON.stringify({ ...body, ...changes })));
}

describe('enumerated entity fields', () => {
  it('keep a value the SDK does not know exactly as sent, without throwing', () => {
    const order = orderWith({
      status: 'suspended',
      order_type: 'iceberg',
      side: 'sell_short',
      trading_type: 'options',
      margin_type: 'portfolio',
    });
    expect([order.status, order.orderType, order.side, order.tradingType, order.marginType]).to.deep.equal([
      'suspended',
      'iceberg',
      'sell_short',
      'options',
      'portfolio',
    ]);
    expect(isKnown(OrderStatus, order.status)).to.equal(false);
    expect(describeOrder(order)).to.equal('unknown status suspended');
  });

  it('keep an unknown leverage level and trade side as sent', () => {
    const body = parseLossless(fixture('quoine', 'trade')) as Record<string, unknown>;
    const trade = hydrate(Trade, { ...body, leverage_level: '150', side: 'hedged' });
    expect([trade.leverageLevel, trade.side]).to.deep.equal([150, 'hedged']);
    expect(isKnown(TradeSide, trade.side)).to.equal(false);
  });

  it('give known values as the constants spell them', () => {
    const order = orderWith({ status: 'partially_filled' });
    expect(isKnown(OrderStatus, order.status)).to.equal(true);
    expect(describeOrder(order)).to.equal('open');
    const execution = hydrate(Execution, { id: '1', quantity: '1', price: '1', taker_side: 'buy', created_at: '1' });
    expect(isKnown(Side, execution.takerSide)).to.equal(true);
  });

  it('isKnown refuses what is not a value of the enumeration', () => {
    expect(isKnown(OrderStatus, 'Live')).to.equal(false);
    expect(isKnown(OrderStatus, 'toString')).to.equal(false);
    expect(isKnown(OrderStatus, null)).to.equal(false);
    expect(isKnown(OrderType, { toString: () => 'limit' })).to.equal(false);
  });
});
