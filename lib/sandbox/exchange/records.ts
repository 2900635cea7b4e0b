/**
 * The records the {@link Exchange} returns: snapshots (fresh copies, never live internal objects)
 * whose field names are the camelCase of the wire names of quoine-api.md §7, one to one, so the
 * server's serializer is a mechanical mapping. Money is the exchange's {@link Decimal}; times are
 * Unix seconds as a number that may carry a fractional part (milliseconds); ids are numbers.
 * A few fields have no wire counterpart and are marked "sandbox" (the server may ignore them).
 * @module
 */
import type { Decimal } from './decimal.js';

export type Side = 'buy' | 'sell';
export type OrderType = 'limit' | 'market' | 'market_with_range' | 'limit_post_only' | 'stop' | 'trailing_stop';
export type OrderStatus = 'live' | 'partially_filled' | 'filled' | 'cancelled';
export type TradingType = 'spot' | 'margin' | 'cfd' | 'perpetual';
export type MarginType = 'cross' | 'isolated';
export type OrderDirection = 'one_direction' | 'two_direction' | 'netout';
export type TrailingStopType = 'price' | 'percentage';
export type TradeSide = 'long' | 'short';
export type TradeStatus = 'open' | 'closed';
export type CurrencyType = 'fiat' | 'crypto';
export type LoanBidStatus = 'live' | 'closed';
export type LoanStatus = 'open' | 'closed';
export type WithdrawalState = 'pending' | 'processed' | 'cancelled';
/** `source_action` of a balance-history entry. */
export type SourceAction = 'deposit' | 'withdrawal' | 'trade' | 'fee' | 'loan' | 'interest' | 'pnl' | 'margin' | 'withdrawal_fee';

/** `[price, quantity]` of an order-book level, or `[rate, amount]` of an interest-rate ladder level. */
export type LevelRecord = readonly [Decimal, Decimal];

/** `GET /products/{id}`: the catalogue's static fields plus the statistics that move with trades. */
export interface ProductRecord {
  readonly id: number;
  readonly productType: string;
  readonly code: string;
  readonly name: string | null;
  readonly currency: string;
  readonly currencyPairCode: string;
  readonly symbol: string | null;
  readonly baseCurrency: string;
  readonly quotedCurrency: string;
  readonly pusherChannel: string;
  readonly tickSize: Decimal;
  readonly takerFee: Decimal;
  readonly makerFee: Decimal;
  readonly disabled: boolean;
  readonly marginEnabled: boolean;
  readonly cfdEnabled: boolean;
  readonly perpetualEnabled: boolean;
  /** sandbox: the smallest order quantity (`less_than_order_size` below it). */
  readonly minimumOrderQuantity: Decimal;
  readonly fiatMinimumWithdraw: Decimal | null;
  /** Best bid on the book, null when that side is empty. */
  readonly marketBid: Decimal | null;
  /** Best ask on the book, null when that side is empty. */
  readonly marketAsk: Decimal | null;
  /**
   * The 24 h low: the lowest traded price of the rolling last 24 h (clients read it as the day's
   * low); without trades in the window, the current best bid.
   */
  readonly lowMarketBid: Decimal | null;
  /** The 24 h high: the highest traded price of the rolling last 24 h; without trades, the current best ask. */
  readonly highMarketAsk: Decimal | null;
  /** Base quantity traded over the rolling last 24 h. */
  readonly volume24h: Decimal;
  /**
   * The last traded price as it stood 24 h ago: the price of the last execution before the window;
   * without one, the catalogue's reference price; without that, the current last price.
   */
  readonly lastPrice24h: Decimal | null;
  readonly lastTradedPrice: Decimal | null;
  readonly lastTradedQuantity: Decimal | null;
  /** Price band multipliers around the last price (see ExchangeOptions.priceBand). */
  readonly multiplierUp: Decimal;
  readonly multiplierDown: Decimal;
  /** Unix seconds of the last change of any statistic. */
  readonly lastEventTimestamp: number;
  /** Unix seconds of this snapshot. */
  readonly timestamp: number;
}

/** `GET /products/{id}/price_levels`: levels aggregated by price. */
export interface OrderBookRecord {
  readonly productId: number;
  /** Buy levels, best (highest) price first. */
  readonly buyPriceLevels: readonly LevelRecord[];
  /** Sell levels, best (lowest) price first. */
  readonly sellPriceLevels: readonly LevelRecord[];
  readonly timestamp: number;
}

/** A public execution (`GET /executions`). */
export interface ExecutionRecord {
  readonly id: number;
  readonly productId: number;
  readonly quantity: Decimal;
  /** Always the maker's (resting order's) price. */
  readonly price: Decimal;
  readonly takerSide: Side;
  readonly createdAt: number;
  readonly timestamp: number;
}

/** An execution seen by one of its two users (`GET /executions/me`, `order.executions`). */
export interface MyExecutionRecord extends ExecutionRecord {
  readonly mySide: Side;
  readonly orderId: number;
  readonly clientOrderId: string | null;
  /** sandbox: the user it belongs to. */
  readonly userId: number;
}

/** An order (`GET /orders/{id}`); `executions` are the order's own, oldest first. */
export interface OrderRecord {
  readonly id: number;
  /** sandbox: the owner. */
  readonly userId: number;
  readonly orderType: OrderType;
  readonly quantity: Decimal;
  readonly discQuantity: Decimal;
  readonly icebergTotalQuantity: Decimal;
  readonly side: Side;
  readonly filledQuantity: Decimal;
  /**
   * The limit price; for market orders the average fill price (0 before any fill); for
   * market_with_range the range limit; for stop orders the trigger price.
   */
  readonly price: Decimal;
  /** sandbox: the price_range of a market_with_range order, else null. */
  readonly priceRange: Decimal | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly status: OrderStatus;
  readonly leverageLevel: number;
  readonly sourceExchange: string;
  readonly productId: number;
  readonly productCode: string;
  readonly currencyPairCode: string;
  readonly fundingCurrency: string;
  readonly marginType: MarginType | null;
  readonly takeProfit: Decimal | null;
  readonly stopLoss: Decimal | null;
  readonly tradingType: TradingType;
  /** sandbox: the margin order direction (null for spot). */
  readonly orderDirection: OrderDirection | null;
  readonly cryptoAccountId: number | null;
  readonly averagePrice: Decimal;
  /** `spot` for spot orders; `open` or `close` for margin orders (close: it reduces a trade). */
  readonly target: string;
  readonly orderFee: Decimal;
  /** `manual`, or `stop_loss` / `take_profit` / `close_trade` for orders the exchange placed. */
  readonly sourceAction: string;
  readonly unwoundTradeId: number | null;
  readonly unwoundTradeLeverageLevel: number | null;
  readonly tradeId: number | null;
  readonly clientOrderId: string | null;
  readonly marginUsed: Decimal;
  readonly marginInterest: Decimal;
  readonly settings: null;
  readonly trailingStopType: TrailingStopType | null;
  readonly trailingStopValue: Decimal | null;
  /** Unix seconds when a stop / trailing stop triggered, else null. */
  readonly stopTriggeredTime: number | null;
  readonly executions: readonly MyExecutionRecord[];
}

/** `{id, client_order_id}` of `PUT /orders/cancel_all`. */
export interface CancelledOrderRecord {
  readonly id: number;
  readonly clientOrderId: string | null;
}

/** One currency account of a user (fiat or crypto; `GET /accounts/{currency}` and the lists). */
export interface AccountRecord {
  readonly id: number;
  /** sandbox: the owner. */
  readonly userId: number;
  readonly currency: string;
  readonly currencyType: CurrencyType;
  readonly currencySymbol: string | null;
  readonly balance: Decimal;
  readonly reservedBalance: Decimal;
  readonly freeBalance: Decimal;
  /** Unrealised pnl of the user's open trades funded in this currency. */
  readonly pnl: Decimal;
  /** Margin used by the user's open trades funded in this currency. */
  readonly margin: Decimal;
  readonly freeMargin: Decimal;
  readonly maintenanceMargin: Decimal;
  readonly lowestOfferInterestRate: Decimal | null;
  readonly highestOfferInterestRate: Decimal | null;
  /** Value of one unit in the user's main currency (see Exchange.mainAsset). */
  readonly exchangeRate: Decimal;
  /** Crypto only: a deterministic sandbox deposit address, else null. */
  readonly address: string | null;
  /** Crypto only: the currency's minimum withdrawal, else null. */
  readonly minimumWithdraw: Decimal | null;
}

/** `GET /accounts/balance` row. */
export interface BalanceRecord {
  readonly currency: string;
  readonly balance: Decimal;
}

/** `GET /accounts/main_asset`. */
export interface MainAssetRecord {
  readonly currency: string;
  readonly totalAmount: Decimal;
}

/** `GET /balance_history` row: one balance change. */
export interface BalanceHistoryRecord {
  readonly id: number;
  /** sandbox: the owner (0 for the exchange's fee account). */
  readonly userId: number;
  readonly currency: string;
  /** Signed change. */
  readonly amount: Decimal;
  readonly sourceAction: SourceAction;
  /** `Execution`, `Trade`, `Loan`, `CryptoWithdrawal`, `Withdrawal`, `Deposit`. */
  readonly sourceObjectType: string;
  readonly sourceObjectId: number;
  readonly timestamp: number;
  /** The balance after the change. */
  readonly balance: Decimal;
}

/** `GET /transactions` row (legacy list): deposits, withdrawals, trades, fees, loans. */
export interface TransactionRecord {
  readonly id: number;
  readonly userId: number;
  readonly currency: string;
  readonly createdAt: number;
  readonly grossAmount: Decimal;
  readonly netAmount: Decimal;
  readonly exchangeFee: Decimal;
  readonly networkFee: Decimal;
  /** `funding`, `withdrawal`, `trade`, `fee`, `loan`, `interest`, `pnl`. */
  readonly transactionType: string;
  readonly fromAccountId: number | null;
  readonly toAccountId: number | null;
  readonly fromRole: string | null;
  readonly toRole: string | null;
  readonly state: string;
  readonly transactionHash: string | null;
  /** sandbox: id of the execution behind a trade row (the wire nests an object; null here when none). */
  readonly executionId: number | null;
  /** sandbox: id of the loan behind a loan row. */
  readonly loanId: number | null;
  readonly notes: string | null;
}

/** Totals of one side of a trading account. */
export interface PositionSummaryRecord {
  readonly position: Decimal;
  readonly pnl: Decimal;
  readonly baseOpenPrice: Decimal;
  readonly marginUsed: Decimal;
}

/** A margin trading account per (user, product, funding currency). */
export interface TradingAccountRecord {
  readonly id: number;
  readonly traderId: number;
  readonly productId: number;
  readonly productCode: string;
  readonly currencyPairCode: string;
  readonly fundingCurrency: string;
  readonly leverageLevel: number;
  readonly maxLeverageLevel: number;
  /** Leverage actually in use: position notional / equity, rounded down to an integer (0 flat). */
  readonly currentLeverageLevel: number;
  /** Unrealised pnl of the open trades. */
  readonly pnl: Decimal;
  /** balance + pnl. */
  readonly equity: Decimal;
  /** Margin used by the open trades. */
  readonly margin: Decimal;
  /** equity − margin. */
  readonly freeMargin: Decimal;
  /** Net position in base currency (long positive, short negative). */
  readonly position: Decimal;
  /** The funding-currency balance. */
  readonly balance: Decimal;
  /** margin / equity (0 when equity is 0). */
  readonly marginPercent: Decimal;
  readonly baseOpenPrice: Decimal;
  readonly longSummary: PositionSummaryRecord;
  readonly shortSummary: PositionSummaryRecord;
  readonly status: 'active';
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A margin position (`GET /trades`). */
export interface TradeRecord {
  readonly id: number;
  readonly traderId: number;
  readonly productId: number;
  readonly productCode: string;
  readonly currencyPairCode: string;
  readonly fundingCurrency: string;
  readonly status: TradeStatus;
  readonly side: TradeSide;
  readonly leverageLevel: number;
  readonly marginType: MarginType;
  readonly tradingType: TradingType;
  /** Quantity ever opened. */
  readonly quantity: Decimal;
  /** Quantity still open. */
  readonly openQuantity: Decimal;
  /** Quantity closed so far. */
  readonly closeQuantity: Decimal;
  /** Volume-weighted opening price. */
  readonly openPrice: Decimal;
  /** While open: the current mark (last traded price); once closed: the average closing price. */
  readonly closePrice: Decimal;
  /** Margin still allocated to the open quantity. */
  readonly marginUsed: Decimal;
  readonly maintenanceMargin: Decimal;
  /** Unrealised pnl of the open quantity at the mark. */
  readonly openPnl: Decimal;
  /** Realised pnl of the closed quantity. */
  readonly closePnl: Decimal;
  /** openPnl + closePnl. */
  readonly pnl: Decimal;
  readonly stopLoss: Decimal | null;
  readonly takeProfit: Decimal | null;
  /** The price at which the equity of the trade reaches its maintenance margin (null if none). */
  readonly liquidationPrice: Decimal | null;
  readonly closeFee: Decimal;
  readonly totalFee: Decimal;
  readonly totalInterest: Decimal;
  readonly dailyInterest: Decimal;
  /** sandbox: the order that opened the trade. */
  readonly orderId: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly lastSettlementAt: number | null;
}

/** A loan bid (lender's offer, `GET /loan_bids`). */
export interface LoanBidRecord {
  readonly id: number;
  readonly userId: number;
  readonly bidaskType: 'limit';
  readonly side: 'bid';
  readonly currency: string;
  readonly quantity: Decimal;
  readonly filledQuantity: Decimal;
  readonly rate: Decimal;
  readonly status: LoanBidStatus;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A loan (`GET /loans`, `GET /trades/{id}/loans`). */
export interface LoanRecord {
  readonly id: number;
  readonly quantity: Decimal;
  readonly rate: Decimal;
  readonly currency: string;
  /** The lender's user id (0: the house, when lending liquidity ran out and house lending is on). */
  readonly lenderId: number;
  readonly borrowerId: number;
  readonly status: LoanStatus;
  readonly fundReloaned: boolean;
  /** sandbox: the trade that borrowed, and the bid that lent. */
  readonly tradeId: number;
  readonly loanBidId: number | null;
  /** Interest accrued so far (see Exchange lending notes). */
  readonly interest: Decimal;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** `GET /ir_ladders/{currency}`. */
export interface InterestRateLadderRecord {
  readonly currency: string;
  /** Live bids aggregated by rate, best (lowest rate) first. */
  readonly bids: readonly LevelRecord[];
  /** Always empty: the sandbox has no loan asks (borrowing happens through margin trades). */
  readonly asks: readonly LevelRecord[];
}

/** A crypto withdrawal. */
export interface CryptoWithdrawalRecord {
  readonly id: number;
  readonly userId: number;
  readonly currency: string;
  readonly address: string;
  readonly amount: Decimal;
  readonly withdrawalFee: Decimal;
  readonly state: WithdrawalState;
  readonly network: string | null;
  readonly paymentId: string | null;
  readonly memoType: string | null;
  readonly memoValue: string | null;
  readonly transactionHash: string | null;
  readonly broadcastedAt: number | null;
  readonly walletLabel: string | null;
  readonly chainName: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** `GET /crypto_withdrawals/crypto_networks` row. */
export interface CryptoNetworkRecord {
  readonly network: string;
  readonly currency: string;
}

/** `GET /crypto_withdrawal_addresses` row (whitelisted addresses: the ones the user withdrew to). */
export interface CryptoWithdrawalAddressRecord {
  readonly id: number;
  readonly address: string;
  readonly currency: string;
  readonly network: string | null;
  readonly chainName: string;
  readonly status: 'confirmed';
  readonly label: string | null;
  readonly memoType: string | null;
  readonly memoValue: string | null;
  readonly recipientName: string | null;
  readonly cryptoExchange: string | null;
}

/** A user's bank account (fiat withdrawals name one by id). */
export interface BankAccountRecord {
  readonly id: number;
  readonly accName: string;
  readonly bank: string;
  readonly bankBranch: string;
  readonly accNumber: string;
  readonly address: string;
  readonly swift: string;
  readonly country: string;
  readonly status: 'approved';
}

/** A fiat withdrawal (`GET /withdrawals`). */
export interface FiatWithdrawalRecord {
  readonly id: number;
  readonly userId: number;
  readonly currency: string;
  readonly amount: Decimal;
  readonly withdrawalFee: Decimal;
  readonly state: WithdrawalState;
  readonly bankAccount: BankAccountRecord;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** `GET /user/fee_tier`. */
export interface FeeTierRecord {
  readonly feeTier: number;
  /** Unix seconds: the start of the current 30-day window. */
  readonly fromTime: number;
  readonly toTime: number;
  readonly inCurrency: string;
  /** Notional of the user's spot executions in the window on products quoted in `inCurrency` (see Exchange.feeTier). */
  readonly currencyPairVolume: Decimal;
  /** The same for perpetual products. */
  readonly perpetualVolume: Decimal;
}

/** One fee line of an estimate. */
export interface FeeLineRecord {
  readonly feeType: string;
  readonly amount: Decimal;
  readonly currency: string;
}

/** `POST /fees/estimate`. */
export interface FeeEstimateRecord {
  readonly feeOptions: {
    readonly default: readonly FeeLineRecord[];
    readonly tradeFeeDiscount: readonly FeeLineRecord[];
  };
}
