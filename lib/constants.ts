/**
 * The exchange's enumerations, each as an `as const` object and a union type of its values.
 * @module
 */

/**
 * Order types.
 * @group Constants
 * @enum
 */
export const OrderType = {
  /** A limit order: fills at the price or better; the rest rests on the book. */
  Limit: 'limit',
  /** A market order: fills against the book now. */
  Market: 'market',
  /** A market order that fills no further than a price range from the market; the rest is cancelled. */
  MarketWithRange: 'market_with_range',
  /** A limit order that only adds liquidity (cancelled if it would match). */
  LimitPostOnly: 'limit_post_only',
  /** A stop order: becomes a market order when the last price reaches its price. */
  Stop: 'stop',
  /** A stop whose trigger follows the price at a distance. */
  TrailingStop: 'trailing_stop',
} as const;
/**
 * An order type.
 * @group Constants
 */
export type OrderType = (typeof OrderType)[keyof typeof OrderType];

/**
 * Order sides.
 * @group Constants
 * @enum
 */
export const Side = {
  /** Buy the base currency. */
  Buy: 'buy',
  /** Sell the base currency. */
  Sell: 'sell',
} as const;
/**
 * An order side.
 * @group Constants
 */
export type Side = (typeof Side)[keyof typeof Side];

/**
 * Order statuses.
 * @group Constants
 * @enum
 */
export const OrderStatus = {
  /** On the book, nothing filled. */
  Live: 'live',
  /** On the book, partly filled. */
  PartiallyFilled: 'partially_filled',
  /** Completely filled. */
  Filled: 'filled',
  /** Cancelled (possibly after partial fills). */
  Cancelled: 'cancelled',
} as const;
/**
 * An order status.
 * @group Constants
 */
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/**
 * Leverage levels of margin orders (the 2017 set; `users.leverageLimitation()` gives an account's own).
 * @group Constants
 * @enum
 */
export const LeverageLevel = {
  /** 2× leverage. */
  X2: 2,
  /** 4× leverage. */
  X4: 4,
  /** 5× leverage. */
  X5: 5,
  /** 10× leverage. */
  X10: 10,
  /** 25× leverage. */
  X25: 25,
} as const;
/**
 * A leverage level.
 * @group Constants
 */
export type LeverageLevel = (typeof LeverageLevel)[keyof typeof LeverageLevel];

/**
 * How a margin order combines with open positions.
 * @group Constants
 * @enum
 */
export const MarginOrderDirection = {
  /** Positions of one side only. */
  OneDirection: 'one_direction',
  /** Long and short positions side by side. */
  TwoDirection: 'two_direction',
  /** An opposite order reduces the open position first. */
  Netout: 'netout',
} as const;
/**
 * A margin order direction.
 * @group Constants
 */
export type MarginOrderDirection = (typeof MarginOrderDirection)[keyof typeof MarginOrderDirection];

/**
 * Trade (position) statuses.
 * @group Constants
 * @enum
 */
export const TradeStatus = {
  /** The position is open. */
  Open: 'open',
  /** The position is closed. */
  Closed: 'closed',
} as const;
/**
 * A trade status.
 * @group Constants
 */
export type TradeStatus = (typeof TradeStatus)[keyof typeof TradeStatus];

/**
 * Trade (position) sides.
 * @group Constants
 * @enum
 */
export const TradeSide = {
  /** A long position. */
  Long: 'long',
  /** A short position. */
  Short: 'short',
} as const;
/**
 * A trade side.
 * @group Constants
 */
export type TradeSide = (typeof TradeSide)[keyof typeof TradeSide];

/**
 * Trading types.
 * @group Constants
 * @enum
 */
export const TradingType = {
  /** Spot trading (no leverage). */
  Spot: 'spot',
  /** Margin trading. */
  Margin: 'margin',
  /** Contracts for difference. */
  Cfd: 'cfd',
  /** Perpetual futures. */
  Perpetual: 'perpetual',
} as const;
/**
 * A trading type.
 * @group Constants
 */
export type TradingType = (typeof TradingType)[keyof typeof TradingType];

/**
 * Margin types of leveraged orders and trades.
 * @group Constants
 * @enum
 */
export const MarginType = {
  /** The whole trading account backs the position. */
  Cross: 'cross',
  /** Only the margin allocated to the position backs it. */
  Isolated: 'isolated',
} as const;
/**
 * A margin type.
 * @group Constants
 */
export type MarginType = (typeof MarginType)[keyof typeof MarginType];

/**
 * How a trailing stop's distance is given.
 * @group Constants
 * @enum
 */
export const TrailingStopType = {
  /** A distance in the quoted currency. */
  Price: 'price',
  /** A distance in percent of the price. */
  Percentage: 'percentage',
} as const;
/**
 * A trailing stop type (the Japanese docs also show `fiat` for `price`).
 * @group Constants
 */
export type TrailingStopType = (typeof TrailingStopType)[keyof typeof TrailingStopType];

/**
 * Product types.
 * @group Constants
 * @enum
 */
export const ProductType = {
  /** A spot currency pair. */
  CurrencyPair: 'CurrencyPair',
  /** A perpetual future. */
  Perpetual: 'Perpetual',
} as const;
/**
 * A product type.
 * @group Constants
 */
export type ProductType = (typeof ProductType)[keyof typeof ProductType];

/**
 * Currency types.
 * @group Constants
 * @enum
 */
export const CurrencyType = {
  /** A fiat currency. */
  Fiat: 'fiat',
  /** A crypto currency. */
  Crypto: 'crypto',
} as const;
/**
 * A currency type.
 * @group Constants
 */
export type CurrencyType = (typeof CurrencyType)[keyof typeof CurrencyType];

/**
 * Loan bid (lending offer) statuses.
 * @group Constants
 * @enum
 */
export const LoanBidStatus = {
  /** Offered; part may be lent out. */
  Live: 'live',
  /** Closed; what was not lent out is released. */
  Closed: 'closed',
} as const;
/**
 * A loan bid status.
 * @group Constants
 */
export type LoanBidStatus = (typeof LoanBidStatus)[keyof typeof LoanBidStatus];

/**
 * Loan statuses.
 * @group Constants
 * @enum
 */
export const LoanStatus = {
  /** Lent out. */
  Open: 'open',
  /** Repaid. */
  Closed: 'closed',
} as const;
/**
 * A loan status.
 * @group Constants
 */
export type LoanStatus = (typeof LoanStatus)[keyof typeof LoanStatus];

/**
 * States of a crypto withdrawal (quoine-api.md §7.8).
 * @group Constants
 * @enum
 */
export const CryptoWithdrawalState = {
  /** Requested; cancellable. */
  Pending: 'pending',
  /** Being processed. */
  Processing: 'processing',
  /** Sent. */
  Processed: 'processed',
  /** Cancelled. */
  Cancelled: 'cancelled',
  /** Reverted after processing. */
  Reverted: 'reverted',
  /** Held for review. */
  ToBeReviewed: 'to_be_reviewed',
  /** Refused. */
  Declined: 'declined',
  /** Broadcast to the network. */
  Broadcasted: 'broadcasted',
  /** Approved, not yet sent. */
  Approved: 'approved',
  /** Waiting for the user's confirmation. */
  AwaitingConfirmation: 'awaiting_confirmation',
} as const;
/**
 * A crypto withdrawal state.
 * @group Constants
 */
export type CryptoWithdrawalState = (typeof CryptoWithdrawalState)[keyof typeof CryptoWithdrawalState];

/**
 * States of a fiat withdrawal (quoine-api.md §7.8).
 * @group Constants
 * @enum
 */
export const FiatWithdrawalState = {
  /** Requested; cancellable. */
  Pending: 'pending',
  /** Paid out. */
  Processed: 'processed',
  /** Cancelled. */
  Cancelled: 'cancelled',
  /** Reverted after processing. */
  Reverted: 'reverted',
  /** Refused. */
  Declined: 'declined',
} as const;
/**
 * A fiat withdrawal state.
 * @group Constants
 */
export type FiatWithdrawalState = (typeof FiatWithdrawalState)[keyof typeof FiatWithdrawalState];

/**
 * The type of an entity field with a known set of values: one of `T`, or a value this version of
 * the SDK does not know yet.
 *
 * The SDK never refuses or rewrites an enumerated value from the wire:
 * a value the exchange added later is kept exactly as sent, so reading a response never fails on
 * it. `T` still drives autocomplete and `switch` narrowing; handle the `default` case for values
 * outside `T`.
 * @example
 * ```ts
 * const order = await client.orders.get(2914273073);
 * if (order.status === OrderStatus.Filled) console.log('done'); // autocompletes the four known statuses
 * ```
 * @group Constants
 */
export type OrUnknown<T extends string | number> = T | (T extends string ? string & {} : number & {});

/**
 * Whether `value` is one of the known values of an enumeration object such as {@link OrderStatus}:
 * narrows an {@link OrUnknown} field to the union the SDK knows.
 * @param values the enumeration object (`OrderStatus`, `Side` …)
 * @param value the value to test, e.g. `order.status`
 * @example
 * ```ts
 * if (!isKnown(OrderStatus, order.status)) console.warn(`new order status ${order.status}`);
 * ```
 * @group Constants
 */
export function isKnown<const E extends Readonly<Record<string, string | number>>>(
  values: E,
  value: unknown,
): value is E[keyof E] {
  return (typeof value === 'string' || typeof value === 'number') && Object.values(values).includes(value);
}
