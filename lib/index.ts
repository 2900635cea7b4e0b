/**
 * quoine: the TypeScript SDK for the Quoine exchange API v2 (Quoinex, Qryptos, Liquid).
 * Start at {@link Quoine}: each `client.<namespace>` (`client.orders`, `client.products`, …) is a class
 * of the Resources group below.
 * Every price, quantity, amount, fee and balance is a {@link QDecimal}, never a float.
 *
 * @groupDescription Client
 * The entry point {@link Quoine}, its options, per-call options, pages and the rate-limit snapshot.
 *
 * @groupDescription Resources
 * The namespaces of the client (`client.orders`, `client.products`, …): one class per namespace, built by the client.
 *
 * @groupDescription Parameters
 * What the resource methods take: create and update bodies, list filters and shortcut options.
 *
 * @groupDescription Entities
 * What the resource methods return: typed models of the exchange's JSON, money as {@link QDecimal}.
 *
 * @groupDescription Money
 * {@link QDecimal}, the exact decimal every money field is, and {@link DecimalInput}, what money parameters accept.
 *
 * @groupDescription Errors
 * Everything the SDK throws: one {@link QuoineError} tree, with request, response, API and realtime branches.
 *
 * @groupDescription Realtime
 * Liquid Tap: {@link QuoineRealtime} (or `client.realtime`), channel names, subscriptions and {@link LiveOrderBook}.
 *
 * @groupDescription Constants
 * The exchange's enumerations (order types, sides, statuses, …) as `const` objects with matching string types.
 *
 * @module quoine
 */
import 'reflect-metadata';

export { Quoine, type QuoineOptions } from './client.js';
export { VERSION } from './version.js';
export * from './constants.js';
export * from './core/errors.js';
export { QDecimal, type DecimalInput } from './core/decimal.js';
export { Page, PagedCall, type PageFetcher } from './core/pagination.js';
export type { PageOptions } from './core/resource.js';
export type { CallOptions } from './core/call-options.js';
export type { RateLimit, RateSlot } from './core/rate-limiter.js';
export type { Coordinator, LaneLease } from './core/coordinator.js';
export { LocalCoordinator } from './core/local-coordinator.js';

export { Product } from './entities/product.js';
export { OrderBook } from './entities/order-book.js';
export { PriceLevel } from './entities/price-level.js';
export { Execution } from './entities/execution.js';
export { InterestRateLadder } from './entities/interest-rate-ladder.js';
export { Currency } from './entities/currency.js';
export { Fee } from './entities/fee.js';
export { MyExecution } from './entities/my-execution.js';
export { Order } from './entities/order.js';
export { Account } from './entities/account.js';
export { AccountsOverview } from './entities/accounts-overview.js';
export { CurrencyAccount } from './entities/currency-account.js';
export { FiatAccount } from './entities/fiat-account.js';
export { CryptoAccount } from './entities/crypto-account.js';
export { Balance } from './entities/balance.js';
export { MainAsset } from './entities/main-asset.js';
export { Loan } from './entities/loan.js';
export { LoanBid } from './entities/loan-bid.js';
export { TradingAccount } from './entities/trading-account.js';
export { PositionSummary } from './entities/position-summary.js';
export { Trade } from './entities/trade.js';
export { BankAccount } from './entities/bank-account.js';
export { Candle } from './entities/candle.js';
export { FundingRate } from './entities/funding-rate.js';
export { ReservedBalanceDetails } from './entities/reserved-balance-details.js';
export { DepositInfo } from './entities/deposit-info.js';
export { CryptoWithdrawal } from './entities/crypto-withdrawal.js';
export { CryptoNetwork } from './entities/crypto-network.js';
export { CryptoWithdrawalAddress } from './entities/crypto-withdrawal-address.js';
export { Withdrawal } from './entities/withdrawal.js';
export { Transaction } from './entities/transaction.js';
export { TransactionLoan } from './entities/transaction-loan.js';
export { BalanceHistoryEntry } from './entities/balance-history-entry.js';
export { FeeTier } from './entities/fee-tier.js';
export { FeeAmount } from './entities/fee-amount.js';
export { FeeEstimate } from './entities/fee-estimate.js';
export { CancelledOrder } from './entities/cancelled-order.js';

export { Products, type ProductListOptions, type OrderBookOptions } from './resources/products.js';
export {
  Executions,
  type MyExecutionListOptions,
  type ExecutionListOptions,
  type ExecutionsSinceOptions,
  type ExecutionsWalkOptions,
} from './resources/executions.js';
export { InterestRates } from './resources/interest-rates.js';
export { Currencies } from './resources/currencies.js';
export { Fees, type FeeListOptions, type FeeEstimateParams } from './resources/fees.js';
export { Orders } from './resources/orders.js';
export type {
  OrderCreateParams,
  MarginOrderCreateParams,
  OrderShortcutOptions,
  MarketOrderOptions,
  OrderListOptions,
  OrderUpdateParams,
  CancelAllOptions,
} from './resources/order-params.js';
export { Accounts } from './resources/accounts.js';
export { FiatAccounts } from './resources/fiat-accounts.js';
export { CryptoAccounts } from './resources/crypto-accounts.js';
export { Loans } from './resources/loans.js';
export { LoanBids, type LoanListOptions, type LoanBidCreateParams } from './resources/loan-bids.js';
export { TradingAccounts } from './resources/trading-accounts.js';
export { Users } from './resources/users.js';
export { Trades, type TradeListOptions, type TradeUpdateParams } from './resources/trades.js';
export {
  CryptoWithdrawals,
  type CryptoWithdrawalListOptions,
  type CryptoWithdrawalCreateParams,
} from './resources/crypto-withdrawals.js';
export { Withdrawals, type WithdrawalCreateParams } from './resources/withdrawals.js';
export { Transactions, type TransactionListOptions } from './resources/transactions.js';
export { BalanceHistory, type BalanceHistoryListOptions } from './resources/balance-history.js';
export type { ApiResource } from './core/resource.js';
export * from './realtime/index.js';
