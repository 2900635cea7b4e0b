/**
 * The exchange's enumerations, each as an `as const` object and a union type of its values.
 * @module
 */

/** Order types. */
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
/** An order type. */
export type OrderType = (typeof OrderType)[keyof typeof OrderType];

/** Order sides. */
export const Side = {
  /** Buy the base currency. */
  Buy: 'buy',
  /** Sell the base currency. */
  Sell: 'sell',
} as const;
/** An order side. */
export type Side = (typeof Side)[keyof typeof Side];

/** Order statuses. */
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
/** An order status. */
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/** Leverage levels of margin orders (the 2017 set; `users.leverageLimitation()` gives an account's own). */
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
/** A leverage level. */
export type LeverageLevel = (typeof LeverageLevel)[keyof typeof LeverageLevel];

/** How a margin order combines with open positions. */
export const MarginOrderDirection = {
  /** Positions of one side only. */
  OneDirection: 'one_direction',
  /** Long and short positions side by side. */
  TwoDirection: 'two_direction',
  /** An opposite order reduces the open position first. */
  Netout: 'netout',
} as const;
/** A margin order direction. */
export type MarginOrderDirection = (typeof MarginOrderDirection)[keyof typeof MarginOrderDirection];

/** Trade (position) statuses. */
export const TradeStatus = {
  /** The position is open. */
  Open: 'open',
  /** The position is closed. */
  Closed: 'closed',
} as const;
/** A trade status. */
export type TradeStatus = (typeof TradeStatus)[keyof typeof TradeStatus];

/** Trade (position) sides. */
export const TradeSide = {
  /** A long position. */
  Long: 'long',
  /** A short position. */
  Short: 'short',
} as const;
/** A trade side. */
export type TradeSide = (typeof TradeSide)[keyof typeof TradeSide];

/** Trading types. */
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
/** A trading type. */
export type TradingType = (typeof TradingType)[keyof typeof TradingType];
