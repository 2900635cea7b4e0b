/**
 * The exchange's enumerations, each as an `as const` object and a union type of its values.
 * @module
 */

/** Order types. */
export const OrderType = {
  Limit: 'limit',
  Market: 'market',
  MarketWithRange: 'market_with_range',
  LimitPostOnly: 'limit_post_only',
  Stop: 'stop',
  TrailingStop: 'trailing_stop',
} as const;
/** An order type. */
export type OrderType = (typeof OrderType)[keyof typeof OrderType];

/** Order sides. */
export const Side = { Buy: 'buy', Sell: 'sell' } as const;
/** An order side. */
export type Side = (typeof Side)[keyof typeof Side];

/** Order statuses. */
export const OrderStatus = {
  Live: 'live',
  PartiallyFilled: 'partially_filled',
  Filled: 'filled',
  Cancelled: 'cancelled',
} as const;
/** An order status. */
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/** Leverage levels of margin orders (the 2017 set; `users.leverageLimitation()` gives an account's own). */
export const LeverageLevel = { X2: 2, X4: 4, X5: 5, X10: 10, X25: 25 } as const;
/** A leverage level. */
export type LeverageLevel = (typeof LeverageLevel)[keyof typeof LeverageLevel];

/** How a margin order combines with open positions. */
export const MarginOrderDirection = {
  OneDirection: 'one_direction',
  TwoDirection: 'two_direction',
  Netout: 'netout',
} as const;
/** A margin order direction. */
export type MarginOrderDirection = (typeof MarginOrderDirection)[keyof typeof MarginOrderDirection];

/** Trade (position) statuses. */
export const TradeStatus = { Open: 'open', Closed: 'closed' } as const;
/** A trade status. */
export type TradeStatus = (typeof TradeStatus)[keyof typeof TradeStatus];

/** Trade (position) sides. */
export const TradeSide = { Long: 'long', Short: 'short' } as const;
/** A trade side. */
export type TradeSide = (typeof TradeSide)[keyof typeof TradeSide];

/** Trading types. */
export const TradingType = { Spot: 'spot', Margin: 'margin', Cfd: 'cfd', Perpetual: 'perpetual' } as const;
/** A trading type. */
export type TradingType = (typeof TradingType)[keyof typeof TradingType];
