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

/**
 * A product of the catalogue (`fixtures/catalogue/products.json`, camelCased by the server).
 * @group Exchange inputs
 */
export interface ProductSpec {
  /** Product id. */
  readonly id: number;
  /** The currency bought and sold. */
  readonly baseCurrency: string;
  /** The currency prices, fees and funding are in. */
  readonly quotedCurrency: string;
  /** Pair code, e.g. `BTCUSD`. */
  readonly currencyPairCode: string;
  /** `CurrencyPair` (default) or `Perpetual`. */
  readonly productType?: string | undefined;
  /** Product code; default `CASH`. */
  readonly code?: string | undefined;
  /** Display name, reported as is; default null. */
  readonly name?: string | null | undefined;
  /** Symbol, reported as is; default null. */
  readonly symbol?: string | null | undefined;
  /** Realtime channel name; default `product_cash_<pair in lower case>_<id>`. */
  readonly pusherChannel?: string | undefined;
  /** Fee rates as fractions (`0.0015` = 0.15 %); default 0. */
  readonly takerFee?: DecimalInput | undefined;
  /** Maker fee rate as a fraction; default 0. */
  readonly makerFee?: DecimalInput | undefined;
  /** Price step; default 0.00000001. Order prices (limit, post-only, stop, market_with_range) must be multiples of it (`price: invalid_tick_size`). */
  readonly tickSize?: DecimalInput | undefined;
  /** Default 0.00000001. */
  readonly minimumOrderQuantity?: DecimalInput | undefined;
  /** Refuse orders with `order: product_disabled`; default false. */
  readonly disabled?: boolean | undefined;
  /** Accept margin orders; default false. */
  readonly marginEnabled?: boolean | undefined;
  /** Reported only; default false. */
  readonly cfdEnabled?: boolean | undefined;
  /** Reported only; default false. */
  readonly perpetualEnabled?: boolean | undefined;
  /** Reported only; default null. */
  readonly fiatMinimumWithdraw?: DecimalInput | null | undefined;
  /** The starting reference price (the catalogue's `last_traded_price`): price band and market maker centre. */
  readonly lastTradedPrice?: DecimalInput | undefined;
}

/**
 * A currency of the catalogue (`fixtures/catalogue/currencies.json`, camelCased).
 * @group Exchange inputs
 */
export interface CurrencySpec {
  /** Currency code, e.g. `USD`. */
  readonly currency: string;
  /** `fiat` or `crypto`. */
  readonly currencyType: CurrencyType;
  /**
   * Decimal places of amounts in the currency (the catalogue's `assets_precision`), 0–30; default 8.
   * Order quantities of a product whose base it is may have at most this many (`quantity: invalid_precision`).
   */
  readonly assetsPrecision?: number | undefined;
  /** Symbol reported on accounts; default null. */
  readonly symbol?: string | null | undefined;
  /** Fee of a withdrawal in the currency itself; default 0. */
  readonly withdrawalFee?: DecimalInput | undefined;
  /** Smallest withdrawal amount; default 0. */
  readonly minimumWithdrawal?: DecimalInput | null | undefined;
  /** Loan bids allowed in it; default false. */
  readonly lendable?: boolean | undefined;
  /** Can fund margin trades; default true for fiat. */
  readonly positionFundable?: boolean | undefined;
  /** Smallest loan bid quantity; default 0. */
  readonly minimumLoanBidQuantity?: DecimalInput | undefined;
  /** Withdrawals allowed (`currency: not_withdrawable` otherwise); default true. */
  readonly withdrawable?: boolean | undefined;
  /** Accepted for the catalogue's sake; the exchange does not use it. */
  readonly depositable?: boolean | undefined;
  /** Withdrawal networks (`ERC20`, `TRC20`); default none. */
  readonly networks?: readonly string[] | undefined;
  /** Chain name printed on withdrawals; default the currency's name or code. */
  readonly chainName?: string | undefined;
  /** Currency name; the default `chainName`. */
  readonly name?: string | null | undefined;
}

/**
 * Answer to cancelling an order that is not live (quoine-api.md §4.3: the evidence conflicts).
 * @group Exchange inputs
 */
export type NonLiveCancelBehaviour = 'not-found' | 'return-order';

/**
 * Construction options of the exchange.
 * @group Exchange inputs
 */
export interface ExchangeOptions {
  /** The product catalogue. */
  readonly products: readonly ProductSpec[];
  /** The currency catalogue (a product currency missing here is added as crypto). */
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
  readonly priceBand?:
    | {
        /** Allowed rise above the last price, as a fraction. */
        readonly up: DecimalInput;
        /** Allowed fall below the last price, as a fraction. */
        readonly down: DecimalInput;
      }
    | undefined;
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

/**
 * `POST /orders`.
 * @group Exchange inputs
 */
export interface CreateOrderParams {
  /** Order type. */
  readonly orderType: OrderType;
  /** The product to trade (`product_id: not_found` when unknown). */
  readonly productId: number;
  /** Buy or sell. */
  readonly side: Side;
  /** Quantity in the base currency; at least the product's minimum order quantity. */
  readonly quantity: DecimalInput;
  /** Required for limit, limit_post_only, stop and market_with_range (unless priceRange is given). */
  readonly price?: DecimalInput | undefined;
  /** market_with_range: limit = best opposite price ± priceRange (overrides price). */
  readonly priceRange?: DecimalInput | undefined;
  /** Up to 36 letters, digits or `-`; refused when among the user's last 100. */
  readonly clientOrderId?: string | undefined;
  /** Required for trailing_stop: the distance is a price or a percentage. */
  readonly trailingStopType?: TrailingStopType | undefined;
  /** Required for trailing_stop: the trailing distance (5 with `percentage` = 5 %). */
  readonly trailingStopValue?: DecimalInput | undefined;
  /** Default `spot`, or `margin` when leverageLevel > 1. */
  readonly tradingType?: TradingType | undefined;
  /** 1 (default) is spot; margin orders need one of the allowed levels. */
  readonly leverageLevel?: number | undefined;
  /** Spot: must equal the quote currency; margin: the currency funding the margin (default quote). */
  readonly fundingCurrency?: string | undefined;
  /** Margin only; default `netout`. */
  readonly orderDirection?: OrderDirection | undefined;
  /** Margin only; default `cross`. */
  readonly marginType?: MarginType | undefined;
  /** Margin only: the take-profit level of the trade the order opens. */
  readonly takeProfit?: DecimalInput | undefined;
  /** Margin only: the stop-loss level of the trade the order opens. */
  readonly stopLoss?: DecimalInput | undefined;
}

/**
 * `PUT /orders/{id}`: one or both.
 * @group Exchange inputs
 */
export interface EditOrderParams {
  /** New quantity; at least the product's minimum order quantity. */
  readonly quantity?: DecimalInput | undefined;
  /** New price. */
  readonly price?: DecimalInput | undefined;
}

/**
 * `GET /orders` filters.
 * @group Exchange inputs
 */
export interface OrderFilter {
  /** Only orders of this product. */
  readonly productId?: number | undefined;
  /** Only orders with this status. */
  readonly status?: string | undefined;
  /** Only orders with this funding currency. */
  readonly fundingCurrency?: string | undefined;
  /** Only orders of this trading type. */
  readonly tradingType?: string | undefined;
  /** Only orders of this side. */
  readonly side?: string | undefined;
}

/**
 * `PUT /orders/cancel_all` filters.
 * @group Exchange inputs
 */
export interface CancelAllFilter {
  /** Only orders of this product. */
  readonly productId?: number | undefined;
  /** Only orders of this side. */
  readonly side?: Side | undefined;
  /** Only orders of this trading type. */
  readonly tradingType?: string | undefined;
}

/**
 * `GET /trades` filters.
 * @group Exchange inputs
 */
export interface TradeFilter {
  /** Only trades with this funding currency. */
  readonly fundingCurrency?: string | undefined;
  /** Only trades with this status (`open`, `closed`). */
  readonly status?: string | undefined;
  /** Only trades of this product. */
  readonly productId?: number | undefined;
  /** Only trades of this side (`long`, `short`). */
  readonly side?: string | undefined;
  /** Only trades of this trading type. */
  readonly tradingType?: string | undefined;
}

/**
 * `PUT /trades/{id}`. A null clears the level; undefined leaves it.
 * @group Exchange inputs
 */
export interface UpdateTradeParams {
  /** New stop-loss level; null or 0 clears it. */
  readonly stopLoss?: DecimalInput | null | undefined;
  /** New take-profit level; null or 0 clears it. */
  readonly takeProfit?: DecimalInput | null | undefined;
}

/**
 * `POST /loan_bids`.
 * @group Exchange inputs
 */
export interface CreateLoanBidParams {
  /** A lendable currency (`currency: not_lendable` otherwise). */
  readonly currency: string;
  /** Amount offered; at least the currency's minimum loan bid quantity. */
  readonly quantity: DecimalInput;
  /** Daily rate (`0.0002` = 0.02 % a day). */
  readonly rate: DecimalInput;
}

/**
 * `GET /balance_history` filters (timestamps in Unix seconds, inclusive).
 * @group Exchange inputs
 */
export interface BalanceHistoryFilter {
  /** Only changes in this currency. */
  readonly currency?: string | undefined;
  /** Only changes with this source action. */
  readonly sourceAction?: string | undefined;
  /** Only changes caused by this type of object (e.g. `Execution`). */
  readonly sourceObjectType?: string | undefined;
  /** Only changes caused by the object with this id. */
  readonly sourceObjectId?: number | undefined;
  /** Only changes at or after this time. */
  readonly timestampGte?: number | undefined;
  /** Only changes at or before this time. */
  readonly timestampLte?: number | undefined;
}

/**
 * `GET /transactions` filters.
 * @group Exchange inputs
 */
export interface TransactionFilter {
  /** Only rows in this currency. */
  readonly currency?: string | undefined;
  /**
   * Only rows of these transaction types: one type or a comma-separated list
   * (`interest_transfer,loan,repay,loan_fee`, quoine-api.md §7.8); blanks around commas are ignored.
   */
  readonly transactionType?: string | undefined;
}

/**
 * `POST /crypto_withdrawals`.
 * @group Exchange inputs
 */
export interface CreateCryptoWithdrawalParams {
  /** A withdrawable crypto currency. */
  readonly currency: string;
  /** Destination address. */
  readonly address: string;
  /** Amount to send, fee excluded; at least the currency's minimum withdrawal. */
  readonly amount: DecimalInput;
  /** One of the currency's networks (`network: invalid` otherwise). */
  readonly network?: string | undefined;
  /** Payment id, recorded as given. */
  readonly paymentId?: string | undefined;
  /** Memo type, recorded as given. */
  readonly memoType?: string | undefined;
  /** Memo value, recorded as given. */
  readonly memoValue?: string | undefined;
}

/**
 * `GET /crypto_withdrawals` filters (`timestamp`: created at or after, Unix seconds).
 * @group Exchange inputs
 */
export interface CryptoWithdrawalFilter {
  /** Only withdrawals of this currency. */
  readonly currency?: string | undefined;
  /** Only withdrawals to this address. */
  readonly address?: string | undefined;
  /** Only withdrawals in this state. */
  readonly state?: string | undefined;
  /** Only withdrawals created at or after this time. */
  readonly timestamp?: number | undefined;
}

/**
 * `POST /withdrawals`.
 * @group Exchange inputs
 */
export interface CreateFiatWithdrawalParams {
  /** A withdrawable fiat currency. */
  readonly currency: string;
  /** Amount to send, fee excluded; at least the currency's minimum withdrawal. */
  readonly amount: DecimalInput;
  /** One of the user's bank accounts (`bank_account_id: invalid` otherwise). */
  readonly bankAccountId: number;
}

/**
 * `for_params` of `POST /fees/estimate` with `for_action: create_order`.
 * @group Exchange inputs
 */
export interface OrderFeeEstimateParams {
  /** The product to trade. */
  readonly productId: number;
  /** Buy or sell. */
  readonly side: Side;
  /** Quantity in the base currency. */
  readonly quantity: DecimalInput;
  /** Price; default the best opposite price, else the last traded price. */
  readonly price?: DecimalInput | undefined;
  /** Accepted; the estimate does not use it. */
  readonly orderType?: OrderType | undefined;
  /** Accepted; the estimate does not use it. */
  readonly tradingType?: string | undefined;
  /** Accepted; the estimate does not use it. */
  readonly fundingCurrency?: string | undefined;
}

/**
 * `for_params` of `POST /fees/estimate` with `for_action: withdraw`.
 * @group Exchange inputs
 */
export interface WithdrawalFeeEstimateParams {
  /** The currency to withdraw. */
  readonly currency: string;
  /** Amount to withdraw (checked to be a decimal; the fee does not depend on it). */
  readonly amount: DecimalInput;
  /** Accepted; the estimate does not use it. */
  readonly bankAccountId?: number | undefined;
}

export type { TradeSide };
