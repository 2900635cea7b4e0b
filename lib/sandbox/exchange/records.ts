/**
 * The records the {@link Exchange} returns: snapshots (fresh copies, never live internal objects)
 * whose field names are the camelCase of the wire names of quoine-api.md §7, one to one, so the
 * server's serializer is a mechanical mapping. Money is the exchange's {@link Decimal}; times are
 * Unix seconds as a number that may carry a fractional part (milliseconds); ids are numbers.
 * A few fields have no wire counterpart and are marked "sandbox" (the server may ignore them).
 * @module
 */
import type { Decimal } from './decimal.js';

/** Side of an order or execution. */
export type Side = 'buy' | 'sell';
/** Order type; stop and trailing_stop orders wait for their trigger, then run as market orders. */
export type OrderType = 'limit' | 'market' | 'market_with_range' | 'limit_post_only' | 'stop' | 'trailing_stop';
/** Status of an order: live and partially_filled orders are still working. */
export type OrderStatus = 'live' | 'partially_filled' | 'filled' | 'cancelled';
/** Trading type of an order or trade: `spot`, or one of the margin types. */
export type TradingType = 'spot' | 'margin' | 'cfd' | 'perpetual';
/** Margin type of a margin order or trade. */
export type MarginType = 'cross' | 'isolated';
/** How a margin order treats the user's opposite open trades: `netout` and `one_direction` reduce them first, `two_direction` always opens. */
export type OrderDirection = 'one_direction' | 'two_direction' | 'netout';
/** Unit of a trailing stop's distance: a price difference or a percentage. */
export type TrailingStopType = 'price' | 'percentage';
/** Side of a trade (margin position): `long` opened by a buy, `short` by a sell. */
export type TradeSide = 'long' | 'short';
/** Status of a trade. */
export type TradeStatus = 'open' | 'closed';
/** Kind of currency. */
export type CurrencyType = 'fiat' | 'crypto';
/** Status of a loan bid. */
export type LoanBidStatus = 'live' | 'closed';
/** Status of a loan. */
export type LoanStatus = 'open' | 'closed';
/** State of a withdrawal: `pending` until processed or cancelled. */
export type WithdrawalState = 'pending' | 'processed' | 'cancelled';
/** `source_action` of a balance-history entry. */
export type SourceAction = 'deposit' | 'withdrawal' | 'trade' | 'fee' | 'loan' | 'interest' | 'pnl' | 'margin' | 'withdrawal_fee';

/** `[price, quantity]` of an order-book level, or `[rate, amount]` of an interest-rate ladder level. */
export type LevelRecord = readonly [Decimal, Decimal];

/** `GET /products/{id}`: the catalogue's static fields plus the statistics that move with trades. */
export interface ProductRecord {
  /** Product id. */
  readonly id: number;
  /** `CurrencyPair` or `Perpetual` (from the catalogue). */
  readonly productType: string;
  /** Product code; `CASH` unless the catalogue says otherwise. */
  readonly code: string;
  /** Display name from the catalogue, or null. */
  readonly name: string | null;
  /** The quote currency (same as `quotedCurrency`). */
  readonly currency: string;
  /** Pair code, e.g. `BTCUSD`. */
  readonly currencyPairCode: string;
  /** Symbol from the catalogue (the quote currency's, e.g. `$`), or null. */
  readonly symbol: string | null;
  /** The currency bought and sold. */
  readonly baseCurrency: string;
  /** The currency prices, fees and notionals are in. */
  readonly quotedCurrency: string;
  /** Realtime channel name; default `product_cash_<pair in lower case>_<id>`. */
  readonly pusherChannel: string;
  /** Price step (reported; orders off the tick are accepted). */
  readonly tickSize: Decimal;
  /** Taker fee rate as a fraction (`0.0015` = 0.15 %). */
  readonly takerFee: Decimal;
  /** Maker fee rate as a fraction. */
  readonly makerFee: Decimal;
  /** True when orders are refused with `order: product_disabled`. */
  readonly disabled: boolean;
  /** True when margin orders are accepted. */
  readonly marginEnabled: boolean;
  /** Catalogue flag, reported only. */
  readonly cfdEnabled: boolean;
  /** Catalogue flag, reported only. */
  readonly perpetualEnabled: boolean;
  /** sandbox: the smallest order quantity (`less_than_order_size` below it). */
  readonly minimumOrderQuantity: Decimal;
  /** Catalogue value, reported only; null when absent. */
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
  /** Price of the last execution; before any, the catalogue's reference price (null without one). */
  readonly lastTradedPrice: Decimal | null;
  /** Quantity of the last execution; null before any. */
  readonly lastTradedQuantity: Decimal | null;
  /** Price band multipliers around the last price (see ExchangeOptions.priceBand). */
  readonly multiplierUp: Decimal;
  /** Lower price band multiplier (see `multiplierUp`). */
  readonly multiplierDown: Decimal;
  /** Unix seconds of the last change of any statistic. */
  readonly lastEventTimestamp: number;
  /** Unix seconds of this snapshot. */
  readonly timestamp: number;
}

/** `GET /products/{id}/price_levels`: levels aggregated by price. */
export interface OrderBookRecord {
  /** The product of the book. */
  readonly productId: number;
  /** Buy levels, best (highest) price first. */
  readonly buyPriceLevels: readonly LevelRecord[];
  /** Sell levels, best (lowest) price first. */
  readonly sellPriceLevels: readonly LevelRecord[];
  /** Unix seconds of this snapshot. */
  readonly timestamp: number;
}

/** A public execution (`GET /executions`). */
export interface ExecutionRecord {
  /** Execution id. */
  readonly id: number;
  /** The product traded. */
  readonly productId: number;
  /** Quantity traded, in the base currency. */
  readonly quantity: Decimal;
  /** Always the maker's (resting order's) price. */
  readonly price: Decimal;
  /** Side of the taker (the incoming order). */
  readonly takerSide: Side;
  /** Unix seconds of the match. */
  readonly createdAt: number;
  /** Unix seconds of the match (same as `createdAt`). */
  readonly timestamp: number;
}

/** An execution seen by one of its two users (`GET /executions/me`, `order.executions`). */
export interface MyExecutionRecord extends ExecutionRecord {
  /** Side of this user's order in the match. */
  readonly mySide: Side;
  /** This user's order in the match. */
  readonly orderId: number;
  /** Client order id of that order, or null. */
  readonly clientOrderId: string | null;
  /** sandbox: the user it belongs to. */
  readonly userId: number;
}

/** An order (`GET /orders/{id}`); `executions` are the order's own, oldest first. */
export interface OrderRecord {
  /** Order id. */
  readonly id: number;
  /** sandbox: the owner. */
  readonly userId: number;
  /** Order type. */
  readonly orderType: OrderType;
  /** Ordered quantity in the base currency (as last edited). */
  readonly quantity: Decimal;
  /** Always 0 (the sandbox has no iceberg orders). */
  readonly discQuantity: Decimal;
  /** Always 0 (the sandbox has no iceberg orders). */
  readonly icebergTotalQuantity: Decimal;
  /** Buy or sell. */
  readonly side: Side;
  /** Quantity filled so far. */
  readonly filledQuantity: Decimal;
  /**
   * The limit price; for market orders the average fill price (0 before any fill); for
   * market_with_range the range limit; for stop orders the trigger price.
   */
  readonly price: Decimal;
  /** sandbox: the price_range of a market_with_range order, else null. */
  readonly priceRange: Decimal | null;
  /** Unix seconds of placement. */
  readonly createdAt: number;
  /** Unix seconds of the last change (fill, edit, cancel, trigger). */
  readonly updatedAt: number;
  /** Order status. */
  readonly status: OrderStatus;
  /** Leverage of a margin order; 1 for spot. */
  readonly leverageLevel: number;
  /** Always `QUOINE`. */
  readonly sourceExchange: string;
  /** The product traded. */
  readonly productId: number;
  /** The product's code (e.g. `CASH`). */
  readonly productCode: string;
  /** The product's pair code, e.g. `BTCUSD`. */
  readonly currencyPairCode: string;
  /** Funding currency: always the product's quote currency. */
  readonly fundingCurrency: string;
  /** Margin orders: `cross` (default) or `isolated`; null for spot. */
  readonly marginType: MarginType | null;
  /** Margin orders: the take-profit level given to the trade it opens; else null. */
  readonly takeProfit: Decimal | null;
  /** Margin orders: the stop-loss level given to the trade it opens; else null. */
  readonly stopLoss: Decimal | null;
  /** Spot or one of the margin trading types. */
  readonly tradingType: TradingType;
  /** sandbox: the margin order direction (null for spot). */
  readonly orderDirection: OrderDirection | null;
  /** Always null. */
  readonly cryptoAccountId: number | null;
  /** Average fill price, rounded half up to 8 decimals; 0 before any fill. */
  readonly averagePrice: Decimal;
  /** `spot` for spot orders; `open` or `close` for margin orders (close: it reduces a trade). */
  readonly target: string;
  /** Fees charged on the order's fills so far, in the quote currency. */
  readonly orderFee: Decimal;
  /** `manual`, or `stop_loss` / `take_profit` / `close_trade` for orders the exchange placed. */
  readonly sourceAction: string;
  /** A close order (`target` close): the trade it reduces; else null. */
  readonly unwoundTradeId: number | null;
  /** A close order: the leverage of the trade it reduces; else null. */
  readonly unwoundTradeLeverageLevel: number | null;
  /** The trade this margin order opened, or the trade a close order reduces; else null. */
  readonly tradeId: number | null;
  /** The client order id given at placement, or null. */
  readonly clientOrderId: string | null;
  /** Always 0 (margin is reported on the trade). */
  readonly marginUsed: Decimal;
  /** Always 0 (interest is reported on the trade). */
  readonly marginInterest: Decimal;
  /** Always null. */
  readonly settings: null;
  /** Trailing stops: whether the distance is a price or a percentage; else null. */
  readonly trailingStopType: TrailingStopType | null;
  /** Trailing stops: the trailing distance; else null. */
  readonly trailingStopValue: Decimal | null;
  /** Unix seconds when a stop / trailing stop triggered, else null. */
  readonly stopTriggeredTime: number | null;
  /** The order's own executions, oldest first. */
  readonly executions: readonly MyExecutionRecord[];
}

/** `{id, client_order_id}` of `PUT /orders/cancel_all`. */
export interface CancelledOrderRecord {
  /** Id of the cancelled order. */
  readonly id: number;
  /** Its client order id, or null. */
  readonly clientOrderId: string | null;
}

/** One currency account of a user (fiat or crypto; `GET /accounts/{currency}` and the lists). */
export interface AccountRecord {
  /** Account id. */
  readonly id: number;
  /** sandbox: the owner. */
  readonly userId: number;
  /** Currency code. */
  readonly currency: string;
  /** `fiat` or `crypto`. */
  readonly currencyType: CurrencyType;
  /** Currency symbol from the catalogue, or null. */
  readonly currencySymbol: string | null;
  /** Total balance, reserved part included. */
  readonly balance: Decimal;
  /** Part of the balance held by live orders, open trades, loan bids and lent funds, and pending withdrawals. */
  readonly reservedBalance: Decimal;
  /** `balance` − `reservedBalance`. */
  readonly freeBalance: Decimal;
  /** Unrealised pnl of the user's open trades funded in this currency. */
  readonly pnl: Decimal;
  /** Margin used by the user's open trades funded in this currency. */
  readonly margin: Decimal;
  /** `freeBalance` + `pnl`. */
  readonly freeMargin: Decimal;
  /** 5 % of `margin`. */
  readonly maintenanceMargin: Decimal;
  /** Lowest daily rate of the live loan bids in the currency (any user), or null. */
  readonly lowestOfferInterestRate: Decimal | null;
  /** Highest daily rate of the live loan bids in the currency (any user), or null. */
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
  /** Currency code. */
  readonly currency: string;
  /** Total balance, reserved part included. */
  readonly balance: Decimal;
}

/** `GET /accounts/main_asset`. */
export interface MainAssetRecord {
  /** The main currency the total is valued in. */
  readonly currency: string;
  /** Sum of the user's balances valued in the main currency, rounded down to 8 decimals. */
  readonly totalAmount: Decimal;
}

/** `GET /balance_history` row: one balance change. */
export interface BalanceHistoryRecord {
  /** Entry id. */
  readonly id: number;
  /** sandbox: the owner. */
  readonly userId: number;
  /** Currency of the change. */
  readonly currency: string;
  /** Signed change. */
  readonly amount: Decimal;
  /** What caused the change. */
  readonly sourceAction: SourceAction;
  /** `Execution`, `Trade`, `Loan`, `CryptoWithdrawal`, `Withdrawal`, `Deposit`. */
  readonly sourceObjectType: string;
  /** Id of the object named by `sourceObjectType`. */
  readonly sourceObjectId: number;
  /** Unix seconds of the change. */
  readonly timestamp: number;
  /** The balance after the change. */
  readonly balance: Decimal;
}

/** The loan a lending row of `GET /transactions` refers to (quoine-api.md §7.8, 2020 capture). */
export interface TransactionLoanRecord {
  /** sandbox: the loan's id (not printed: the capture's object has no id). */
  readonly id: number;
  /** Currency lent. */
  readonly currency: string;
  /** Quantity of the whole loan. */
  readonly quantity: Decimal;
  /** Daily rate. */
  readonly rate: Decimal;
}

/** `GET /transactions` row (legacy list): deposits, withdrawals, trades, fees, loans. */
export interface TransactionRecord {
  /** Id of the balance-history entry (or lending movement) behind the row. */
  readonly id: number;
  /** Always null (the capture's rows have `action_id: null`). */
  readonly actionId: number | null;
  /** The owner. */
  readonly userId: number;
  /** Currency of the change. */
  readonly currency: string;
  /** Unix seconds of the change. */
  readonly createdAt: number;
  /** Signed change (same as `netAmount`). */
  readonly grossAmount: Decimal;
  /** Signed change (same as `grossAmount`). */
  readonly netAmount: Decimal;
  /** Always 0 (fees are rows of their own). */
  readonly exchangeFee: Decimal;
  /** Always 0. */
  readonly networkFee: Decimal;
  /**
   * `funding`, `withdrawal`, `withdrawal_fee`, `trade`, `trade_fee`, `pnl`, `margin`, and the lending
   * types of the 2020 capture: `loan` (lent funds leave the lender), `repay` (they come back),
   * `interest_transfer` (interest from borrower to lender); the sandbox charges no `loan_fee`.
   */
  readonly transactionType: string;
  /** The account money leaves (the user's, or on lending rows the other party's), else null. */
  readonly fromAccountId: number | null;
  /** The account money enters (the user's, or on lending rows the other party's), else null. */
  readonly toAccountId: number | null;
  /** `user` when money leaves the user's account, else null (null on lending rows, as captured). */
  readonly fromRole: string | null;
  /** `user` when money enters the user's account, else null (null on lending rows, as captured). */
  readonly toRole: string | null;
  /** Always `completed`. */
  readonly state: string;
  /** Always null. */
  readonly transactionHash: string | null;
  /** sandbox: id of the execution behind a trade row (the wire nests an object; null here when none). */
  readonly executionId: number | null;
  /** The loan behind a lending row, else null. */
  readonly loan: TransactionLoanRecord | null;
  /** Always null. */
  readonly notes: string | null;
}

/** Totals of one side of a trading account. */
export interface PositionSummaryRecord {
  /** Open quantity of the side's open trades, in the base currency. */
  readonly position: Decimal;
  /** Unrealised pnl of those trades at the last traded price. */
  readonly pnl: Decimal;
  /** Volume-weighted open price of those trades (0 when flat). */
  readonly baseOpenPrice: Decimal;
  /** Margin used by those trades. */
  readonly marginUsed: Decimal;
}

/** A margin trading account per (user, product, funding currency). */
export interface TradingAccountRecord {
  /** Trading account id. */
  readonly id: number;
  /** The owner. */
  readonly traderId: number;
  /** The product. */
  readonly productId: number;
  /** The product's code. */
  readonly productCode: string;
  /** The product's pair code. */
  readonly currencyPairCode: string;
  /** The funding currency (the product's quote currency). */
  readonly fundingCurrency: string;
  /** The account's leverage setting (`updateLeverage`); starts at the highest allowed level. */
  readonly leverageLevel: number;
  /** The highest allowed leverage level. */
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
  /** Open price of the side holding the net position (0 when flat). */
  readonly baseOpenPrice: Decimal;
  /** Totals of the open long trades. */
  readonly longSummary: PositionSummaryRecord;
  /** Totals of the open short trades. */
  readonly shortSummary: PositionSummaryRecord;
  /** Always `active`. */
  readonly status: 'active';
  /** Unix seconds of creation. */
  readonly createdAt: number;
  /** Unix seconds of the last leverage change. */
  readonly updatedAt: number;
}

/** A margin position (`GET /trades`). */
export interface TradeRecord {
  /** Trade id. */
  readonly id: number;
  /** The owner. */
  readonly traderId: number;
  /** The product. */
  readonly productId: number;
  /** The product's code. */
  readonly productCode: string;
  /** The product's pair code. */
  readonly currencyPairCode: string;
  /** The currency funding the margin (the product's quote currency). */
  readonly fundingCurrency: string;
  /** `open` until the whole quantity is closed. */
  readonly status: TradeStatus;
  /** `long` (opened by a buy) or `short` (opened by a sell). */
  readonly side: TradeSide;
  /** Leverage of the opening order. */
  readonly leverageLevel: number;
  /** `cross` or `isolated`, from the opening order. */
  readonly marginType: MarginType;
  /** Trading type of the opening order. */
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
  /** 5 % of `marginUsed`. */
  readonly maintenanceMargin: Decimal;
  /** Unrealised pnl of the open quantity at the mark. */
  readonly openPnl: Decimal;
  /** Realised pnl of the closed quantity. */
  readonly closePnl: Decimal;
  /** openPnl + closePnl. */
  readonly pnl: Decimal;
  /** Price at which the trade is closed at market to stop a loss, or null. */
  readonly stopLoss: Decimal | null;
  /** Price at which the trade is closed at market to take profit, or null. */
  readonly takeProfit: Decimal | null;
  /** The price at which the equity of the trade reaches its maintenance margin (null if none). */
  readonly liquidationPrice: Decimal | null;
  /** Fees of the closing fills. */
  readonly closeFee: Decimal;
  /** Fees of the opening and closing fills. */
  readonly totalFee: Decimal;
  /** Interest of the trade's loans: paid so far plus accrued on what is outstanding. */
  readonly totalInterest: Decimal;
  /** Daily interest of the trade's outstanding loans. */
  readonly dailyInterest: Decimal;
  /** sandbox: the order that opened the trade. */
  readonly orderId: number;
  /** Unix seconds of the first opening fill. */
  readonly createdAt: number;
  /** Unix seconds of the last change. */
  readonly updatedAt: number;
  /** Always null (the sandbox has no periodic settlement). */
  readonly lastSettlementAt: number | null;
}

/** A loan bid (lender's offer, `GET /loan_bids`). */
export interface LoanBidRecord {
  /** Loan bid id. */
  readonly id: number;
  /** The lender. */
  readonly userId: number;
  /** Always `limit`. */
  readonly bidaskType: 'limit';
  /** Always `bid`. */
  readonly side: 'bid';
  /** Currency lent. */
  readonly currency: string;
  /** Amount offered. */
  readonly quantity: Decimal;
  /** Amount lent out and not yet returned to the bid. */
  readonly filledQuantity: Decimal;
  /** Daily interest rate (`0.0002` = 0.02 % a day). */
  readonly rate: Decimal;
  /** `live` until closed. */
  readonly status: LoanBidStatus;
  /** Unix seconds of creation. */
  readonly createdAt: number;
  /** Unix seconds of the last change. */
  readonly updatedAt: number;
}

/** A loan (`GET /loans`, `GET /trades/{id}/loans`). */
export interface LoanRecord {
  /** Loan id. */
  readonly id: number;
  /** Amount borrowed. */
  readonly quantity: Decimal;
  /** Daily interest rate. */
  readonly rate: Decimal;
  /** Currency borrowed (the trade's funding currency). */
  readonly currency: string;
  /** The lender's user id (0: the house, when lending liquidity ran out and house lending is on). */
  readonly lenderId: number;
  /** The borrower's user id. */
  readonly borrowerId: number;
  /** `open` until fully repaid. */
  readonly status: LoanStatus;
  /** When true (the default), repaid funds return to the loan bid while it is live. */
  readonly fundReloaned: boolean;
  /** sandbox: the trade that borrowed, and the bid that lent. */
  readonly tradeId: number;
  /** sandbox: the bid that lent (null for a house loan). */
  readonly loanBidId: number | null;
  /** Interest accrued so far (see Exchange lending notes). */
  readonly interest: Decimal;
  /** Unix seconds of creation. */
  readonly createdAt: number;
  /** Unix seconds of the last change. */
  readonly updatedAt: number;
}

/** `GET /ir_ladders/{currency}`. */
export interface InterestRateLadderRecord {
  /** Currency of the ladder. */
  readonly currency: string;
  /** Live bids aggregated by rate, best (lowest rate) first. */
  readonly bids: readonly LevelRecord[];
  /** Always empty: the sandbox has no loan asks (borrowing happens through margin trades). */
  readonly asks: readonly LevelRecord[];
}

/** A crypto withdrawal. */
export interface CryptoWithdrawalRecord {
  /** Withdrawal id (crypto and fiat withdrawals share one sequence). */
  readonly id: number;
  /** The owner. */
  readonly userId: number;
  /** Currency withdrawn. */
  readonly currency: string;
  /** Destination address. */
  readonly address: string;
  /** Amount sent, fee excluded. */
  readonly amount: Decimal;
  /** The currency's withdrawal fee, charged on top of `amount`. */
  readonly withdrawalFee: Decimal;
  /** `pending`, then `processed` or `cancelled`. */
  readonly state: WithdrawalState;
  /** Network given at creation, or null. */
  readonly network: string | null;
  /** Payment id given at creation, or null. */
  readonly paymentId: string | null;
  /** Memo type given at creation, or null. */
  readonly memoType: string | null;
  /** Memo value given at creation, or null. */
  readonly memoValue: string | null;
  /** A fake 64-hex-digit hash once processed, else null. */
  readonly transactionHash: string | null;
  /** Unix seconds of processing, else null. */
  readonly broadcastedAt: number | null;
  /** The currency code in lower case. */
  readonly walletLabel: string | null;
  /** The currency's chain name from the catalogue. */
  readonly chainName: string;
  /** Unix seconds of creation. */
  readonly createdAt: number;
  /** Unix seconds of the last state change. */
  readonly updatedAt: number;
}

/** `GET /crypto_withdrawals/crypto_networks` row. */
export interface CryptoNetworkRecord {
  /** Network name, e.g. `ERC20`. */
  readonly network: string;
  /** The currency asked about. */
  readonly currency: string;
}

/** `GET /crypto_withdrawal_addresses` row (whitelisted addresses: the ones the user withdrew to). */
export interface CryptoWithdrawalAddressRecord {
  /** Address entry id. */
  readonly id: number;
  /** The address withdrawn to. */
  readonly address: string;
  /** Currency of those withdrawals. */
  readonly currency: string;
  /** Network of those withdrawals, or null. */
  readonly network: string | null;
  /** The currency's chain name. */
  readonly chainName: string;
  /** Always `confirmed`. */
  readonly status: 'confirmed';
  /** Always null. */
  readonly label: string | null;
  /** Memo type of the first withdrawal to the address, or null. */
  readonly memoType: string | null;
  /** Memo value of the first withdrawal to the address, or null. */
  readonly memoValue: string | null;
  /** Always null. */
  readonly recipientName: string | null;
  /** Always null. */
  readonly cryptoExchange: string | null;
}

/** A user's bank account (fiat withdrawals name one by id). */
export interface BankAccountRecord {
  /** Bank account id (`bankAccountId` of a fiat withdrawal). */
  readonly id: number;
  /** Account holder: `SANDBOX USER <userId>`. */
  readonly accName: string;
  /** Always `Sandbox Bank`. */
  readonly bank: string;
  /** Always `Main`. */
  readonly bankBranch: string;
  /** Account number: 1000000 + the user id. */
  readonly accNumber: string;
  /** Always `.`. */
  readonly address: string;
  /** Always `SANDXXXX`. */
  readonly swift: string;
  /** Always `Singapore`. */
  readonly country: string;
  /** Always `approved`. */
  readonly status: 'approved';
}

/** A fiat withdrawal (`GET /withdrawals`). */
export interface FiatWithdrawalRecord {
  /** Withdrawal id (crypto and fiat withdrawals share one sequence). */
  readonly id: number;
  /** The owner. */
  readonly userId: number;
  /** Currency withdrawn. */
  readonly currency: string;
  /** Amount sent, fee excluded. */
  readonly amount: Decimal;
  /** The currency's withdrawal fee, charged on top of `amount`. */
  readonly withdrawalFee: Decimal;
  /** `pending`, then `processed` or `cancelled`. */
  readonly state: WithdrawalState;
  /** The destination bank account. */
  readonly bankAccount: BankAccountRecord;
  /** Unix seconds of creation. */
  readonly createdAt: number;
  /** Unix seconds of the last state change. */
  readonly updatedAt: number;
}

/** `GET /user/fee_tier`. */
export interface FeeTierRecord {
  /** Always 0. */
  readonly feeTier: number;
  /** Unix seconds: the start of the current 30-day window. */
  readonly fromTime: number;
  /** Unix seconds: now, the end of the window. */
  readonly toTime: number;
  /** Currency of the volumes: USD when the catalogue has it, else the main currency. */
  readonly inCurrency: string;
  /** Notional of the user's spot executions in the window on products quoted in `inCurrency` (see Exchange.feeTier). */
  readonly currencyPairVolume: Decimal;
  /** The same for perpetual products. */
  readonly perpetualVolume: Decimal;
}

/** One fee line of an estimate. */
export interface FeeLineRecord {
  /** `trade_fee` or `withdrawal_fee`. */
  readonly feeType: string;
  /** Fee amount. */
  readonly amount: Decimal;
  /** Currency of the fee. */
  readonly currency: string;
}

/** `POST /fees/estimate`. */
export interface FeeEstimateRecord {
  /** The estimated fees. */
  readonly feeOptions: {
    /** The fee lines that apply (one line). */
    readonly default: readonly FeeLineRecord[];
    /** Always empty (the sandbox grants no fee discount). */
    readonly tradeFeeDiscount: readonly FeeLineRecord[];
  };
}
