/**
 * What the {@link Exchange} is built from and what its mutating methods take. Quantities, prices
 * and amounts are exact decimal text or a Decimal (the server has parsed the JSON losslessly).
 * Optional fields accept `undefined` so the server can pass what it parsed as is.
 * @module
 */
import type { DecimalInput } from './decimal.js';
import type {
  CurrencyType,
  MarginType,
  OrderDirection,
  OrderType,
  Side,
  TradeSide,
  TradingType,
  TrailingStopType,
} from './records.js';

/** A product of the catalogue (`fixtures/catalogue/products.json`, camelCased by the server). */
export interface ProductSpec {
  readonly id: number;
  readonly baseCurrency: string;
  readonly quotedCurrency: string;
  readonly currencyPairCode: string;
  /** `CurrencyPair` (default) or `Perpetual`. */
  readonly productType?: string | undefined;
  readonly code?: string | undefined;
  readonly name?: string | null | undefined;
  readonly symbol?: string | null | undefined;
  readonly pusherChannel?: string | undefined;
  /** Fee rates as fractions (`0.0015` = 0.15 %); default 0. */
  readonly takerFee?: DecimalInput | undefined;
  readonly makerFee?: DecimalInput | undefined;
  /** Price step; default 0.00000001. Reported on the product and used by the market maker; orders off the tick are accepted. */
  readonly tickSize?: DecimalInput | undefined;
  /** Default 0.00000001. */
  readonly minimumOrderQuantity?: DecimalInput | undefined;
  readonly disabled?: boolean | undefined;
  readonly marginEnabled?: boolean | undefined;
  readonly cfdEnabled?: boolean | undefined;
  readonly perpetualEnabled?: boolean | undefined;
  readonly fiatMinimumWithdraw?: DecimalInput | null | undefined;
  /** The starting reference price (the catalogue's `last_traded_price`): price band and market maker centre. */
  readonly lastTradedPrice?: DecimalInput | undefined;
}

/** A currency of the catalogue (`fixtures/catalogue/currencies.json`, camelCased). */
export interface CurrencySpec {
  readonly currency: string;
  readonly currencyType: CurrencyType;
  readonly symbol?: string | null | undefined;
  /** Fee of a withdrawal in the currency itself; default 0. */
  readonly withdrawalFee?: DecimalInput | undefined;
  /** Smallest withdrawal amount; default 0. */
  readonly minimumWithdrawal?: DecimalInput | null | undefined;
  /** Loan bids allowed in it; default false. */
  readonly lendable?: boolean | undefined;
  /** Can fund margin trades; default true for fiat. */
  readonly positionFundable?: boolean | undefined;
  readonly minimumLoanBidQuantity?: DecimalInput | undefined;
  readonly withdrawable?: boolean | undefined;
  readonly depositable?: boolean | undefined;
  /** Withdrawal networks (`ERC20`, `TRC20`); default none. */
  readonly networks?: readonly string[] | undefined;
  /** Chain name printed on withdrawals; default the currency's name or code. */
  readonly chainName?: string | undefined;
  readonly name?: string | null | undefined;
}

/** Answer to cancelling an order that is not live (quoine-api.md §4.3: the evidence conflicts). */
export type NonLiveCancelBehaviour = 'not-found' | 'return-order';

/** Construction options of the exchange. */
export interface ExchangeOptions {
  readonly products: readonly ProductSpec[];
  readonly currencies: readonly CurrencySpec[];
  /** Leverage levels users may choose; default `[2, 4, 5, 10, 25]` (the Quoine-era list). */
  readonly leverageLevels?: readonly number[] | undefined;
  /** Clock in milliseconds; default `Date.now`. Injected so specs are deterministic. */
  readonly now?: (() => number) | undefined;
  /** Seed of everything random inside the exchange (deposit addresses); default 1. */
  readonly seed?: number | undefined;
  /** Default `not-found` (404 `Order not found`). */
  readonly nonLiveCancel?: NonLiveCancelBehaviour | undefined;
  /**
   * Limit prices must lie within `[last × (1 − down), last × (1 + up)]` of the product's last traded
   * price (reference price before any trade); default `{ up: '0.5', down: '0.5' }` (±50 %).
   * Outside: `order: price_too_high` / `order: price_too_small`.
   */
  readonly priceBand?: { readonly up: DecimalInput; readonly down: DecimalInput } | undefined;
  /** Main currency of new users (main asset); default the first fiat currency of the catalogue. */
  readonly mainCurrency?: string | undefined;
  /**
   * When a margin trade needs to borrow more than the live loan bids offer: `true` (default) lends
   * the rest from the house (lender id 0, at `houseRate`); `false` refuses the order with
   * `user: not_enough_free_balance`.
   */
  readonly houseLending?: boolean | undefined;
  /** Daily rate of house loans; default `0.0005`. */
  readonly houseRate?: DecimalInput | undefined;
  /** Depth of `orderBook()` without `full`; default 20. */
  readonly bookDepth?: number | undefined;
}

/** `POST /orders`. */
export interface CreateOrderParams {
  readonly orderType: OrderType;
  readonly productId: number;
  readonly side: Side;
  readonly quantity: DecimalInput;
  /** Required for limit, limit_post_only, stop and market_with_range (unless priceRange is given). */
  readonly price?: DecimalInput | undefined;
  /** market_with_range: limit = best opposite price ± priceRange (overrides price). */
  readonly priceRange?: DecimalInput | undefined;
  readonly clientOrderId?: string | undefined;
  readonly trailingStopType?: TrailingStopType | undefined;
  readonly trailingStopValue?: DecimalInput | undefined;
  /** Default `spot`, or `margin` when leverageLevel > 1. */
  readonly tradingType?: TradingType | undefined;
  /** 1 (default) is spot; margin orders need one of the allowed levels. */
  readonly leverageLevel?: number | undefined;
  /** Spot: must equal the quote currency; margin: the currency funding the margin (default quote). */
  readonly fundingCurrency?: string | undefined;
  /** Margin only; default `netout`. */
  readonly orderDirection?: OrderDirection | undefined;
  readonly marginType?: MarginType | undefined;
  readonly takeProfit?: DecimalInput | undefined;
  readonly stopLoss?: DecimalInput | undefined;
}

/** `PUT /orders/{id}`: one or both. */
export interface EditOrderParams {
  readonly quantity?: DecimalInput | undefined;
  readonly price?: DecimalInput | undefined;
}

/** `GET /orders` filters. */
export interface OrderFilter {
  readonly productId?: number | undefined;
  readonly status?: string | undefined;
  readonly fundingCurrency?: string | undefined;
  readonly tradingType?: string | undefined;
  readonly side?: string | undefined;
}

/** `PUT /orders/cancel_all` filters. */
export interface CancelAllFilter {
  readonly productId?: number | undefined;
  readonly side?: Side | undefined;
  readonly tradingType?: string | undefined;
}

/** `GET /trades` filters. */
export interface TradeFilter {
  readonly fundingCurrency?: string | undefined;
  readonly status?: string | undefined;
  readonly productId?: number | undefined;
  readonly side?: string | undefined;
  readonly tradingType?: string | undefined;
}

/** `PUT /trades/{id}`. A null clears the level; undefined leaves it. */
export interface UpdateTradeParams {
  readonly stopLoss?: DecimalInput | null | undefined;
  readonly takeProfit?: DecimalInput | null | undefined;
}

/** `POST /loan_bids`. */
export interface CreateLoanBidParams {
  readonly currency: string;
  readonly quantity: DecimalInput;
  /** Daily rate (`0.0002` = 0.02 % a day). */
  readonly rate: DecimalInput;
}

/** `GET /balance_history` filters (timestamps in Unix seconds, inclusive). */
export interface BalanceHistoryFilter {
  readonly currency?: string | undefined;
  readonly sourceAction?: string | undefined;
  readonly sourceObjectType?: string | undefined;
  readonly sourceObjectId?: number | undefined;
  readonly timestampGte?: number | undefined;
  readonly timestampLte?: number | undefined;
}

/** `GET /transactions` filters. */
export interface TransactionFilter {
  readonly currency?: string | undefined;
  readonly transactionType?: string | undefined;
}

/** `POST /crypto_withdrawals`. */
export interface CreateCryptoWithdrawalParams {
  readonly currency: string;
  readonly address: string;
  readonly amount: DecimalInput;
  readonly network?: string | undefined;
  readonly paymentId?: string | undefined;
  readonly memoType?: string | undefined;
  readonly memoValue?: string | undefined;
}

/** `GET /crypto_withdrawals` filters (`timestamp`: created at or after, Unix seconds). */
export interface CryptoWithdrawalFilter {
  readonly currency?: string | undefined;
  readonly address?: string | undefined;
  readonly state?: string | undefined;
  readonly timestamp?: number | undefined;
}

/** `POST /withdrawals`. */
export interface CreateFiatWithdrawalParams {
  readonly currency: string;
  readonly amount: DecimalInput;
  readonly bankAccountId: number;
}

/** `for_params` of `POST /fees/estimate` with `for_action: create_order`. */
export interface OrderFeeEstimateParams {
  readonly productId: number;
  readonly side: Side;
  readonly quantity: DecimalInput;
  readonly price?: DecimalInput | undefined;
  readonly orderType?: OrderType | undefined;
  readonly tradingType?: string | undefined;
  readonly fundingCurrency?: string | undefined;
}

/** `for_params` of `POST /fees/estimate` with `for_action: withdraw`. */
export interface WithdrawalFeeEstimateParams {
  readonly currency: string;
  readonly amount: DecimalInput;
  readonly bankAccountId?: number | undefined;
}

export type { TradeSide };
