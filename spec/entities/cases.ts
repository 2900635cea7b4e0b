/** Which entity each endpoint fixture hydrates to, shared by the fixture specs. */
import { hydrate, type EntityClass } from '../../lib/core/fields.js';
import { parseLossless } from '../../lib/core/json.js';
import { Currency } from '../../lib/entities/currency.js';
import { Execution } from '../../lib/entities/execution.js';
import { Fee } from '../../lib/entities/fee.js';
import { MyExecution } from '../../lib/entities/my-execution.js';
import { Account } from '../../lib/entities/account.js';
import { AccountsOverview } from '../../lib/entities/accounts-overview.js';
import { Balance } from '../../lib/entities/balance.js';
import { BalanceHistoryEntry } from '../../lib/entities/balance-history-entry.js';
import { CancelledOrder } from '../../lib/entities/cancelled-order.js';
import { CryptoAccount } from '../../lib/entities/crypto-account.js';
import { CryptoNetwork } from '../../lib/entities/crypto-network.js';
import { CryptoWithdrawal } from '../../lib/entities/crypto-withdrawal.js';
import { CryptoWithdrawalAddress } from '../../lib/entities/crypto-withdrawal-address.js';
import { FeeEstimate } from '../../lib/entities/fee-estimate.js';
import { FeeTier } from '../../lib/entities/fee-tier.js';
import { FiatAccount } from '../../lib/entities/fiat-account.js';
import { Loan } from '../../lib/entities/loan.js';
import { LoanBid } from '../../lib/entities/loan-bid.js';
import { MainAsset } from '../../lib/entities/main-asset.js';
import { Trade } from '../../lib/entities/trade.js';
import { TradingAccount } from '../../lib/entities/trading-account.js';
import { Transaction } from '../../lib/entities/transaction.js';
import { Withdrawal } from '../../lib/entities/withdrawal.js';
import { Order } from '../../lib/entities/order.js';
import { InterestRateLadder } from '../../lib/entities/interest-rate-ladder.js';
import { OrderBook } from '../../lib/entities/order-book.js';
import { Product } from '../../lib/entities/product.js';
import { fixture, type Era } from '../helpers/fixtures.js';

/** Which entity each public fixture hydrates to, and whether it is a list, a page or one object. */
export const CASES: ReadonlyArray<{
  name: string;
  cls: EntityClass<object>;
  shape: 'one' | 'many' | 'page' | 'models' | 'fee_options';
  differs?: string[];
}> = [
  { name: 'products', cls: Product, shape: 'many' },
  { name: 'products_perpetual', cls: Product, shape: 'many' },
  { name: 'product', cls: Product, shape: 'one' },
  { name: 'price_levels', cls: OrderBook, shape: 'one' },
  { name: 'executions_page', cls: Execution, shape: 'page' },
  { name: 'executions_since', cls: Execution, shape: 'many' },
  { name: 'ir_ladder', cls: InterestRateLadder, shape: 'one' },
  { name: 'currencies', cls: Currency, shape: 'many' },
  { name: 'fees', cls: Fee, shape: 'many' },
  { name: 'order', cls: Order, shape: 'one' },
  { name: 'order_with_executions', cls: Order, shape: 'one' },
  { name: 'order_edit', cls: Order, shape: 'one' },
  { name: 'order_cancel', cls: Order, shape: 'one' },
  // source_exchange was "QUOINE" in the 2017 docs and 0 in later list rows (quoine-api.md §7.2).
  { name: 'orders_page', cls: Order, shape: 'page', differs: ['sourceExchange'] },
  { name: 'my_executions_page', cls: MyExecution, shape: 'page' },
  { name: 'cancel_all', cls: CancelledOrder, shape: 'models' },
  { name: 'order_trades', cls: Trade, shape: 'many' },
  { name: 'fiat_accounts', cls: FiatAccount, shape: 'many' },
  { name: 'fiat_account', cls: FiatAccount, shape: 'one' },
  { name: 'crypto_accounts', cls: CryptoAccount, shape: 'many' },
  { name: 'balances', cls: Balance, shape: 'many' },
  { name: 'main_asset', cls: MainAsset, shape: 'one' },
  { name: 'accounts', cls: AccountsOverview, shape: 'one' },
  { name: 'account', cls: Account, shape: 'one' },
  { name: 'loan_bid', cls: LoanBid, shape: 'one' },
  { name: 'loan_bids_page', cls: LoanBid, shape: 'page' },
  { name: 'loan_bid_closed', cls: LoanBid, shape: 'one' },
  { name: 'loans_page', cls: Loan, shape: 'page' },
  { name: 'loan', cls: Loan, shape: 'one' },
  { name: 'trade_loans', cls: Loan, shape: 'many' },
  { name: 'trading_accounts', cls: TradingAccount, shape: 'many' },
  { name: 'trading_account', cls: TradingAccount, shape: 'one' },
  { name: 'trades_page', cls: Trade, shape: 'page' },
  { name: 'trade', cls: Trade, shape: 'one' },
  { name: 'trades_close_all', cls: Trade, shape: 'many' },
  { name: 'crypto_withdrawals_page', cls: CryptoWithdrawal, shape: 'page' },
  { name: 'crypto_withdrawal', cls: CryptoWithdrawal, shape: 'one' },
  { name: 'crypto_networks', cls: CryptoNetwork, shape: 'many' },
  { name: 'crypto_withdrawal_addresses_page', cls: CryptoWithdrawalAddress, shape: 'page' },
  { name: 'withdrawals_page', cls: Withdrawal, shape: 'page' },
  { name: 'withdrawal', cls: Withdrawal, shape: 'one' },
  { name: 'transactions_page', cls: Transaction, shape: 'page' },
  { name: 'balance_history_page', cls: BalanceHistoryEntry, shape: 'page' },
  { name: 'fee_tier', cls: FeeTier, shape: 'one' },
  { name: 'user_fees', cls: Fee, shape: 'many' },
  { name: 'fee_estimate', cls: FeeEstimate, shape: 'fee_options' },
];

/** The part of a fixture body that holds the entities. */
export function entitiesOf(body: unknown, shape: (typeof CASES)[number]['shape']): unknown[] {
  if (shape === 'one') return [body];
  if (shape === 'fee_options') return [(body as { fee_options: unknown }).fee_options];
  if (shape === 'page' || shape === 'models') return (body as { models: unknown[] }).models;
  return body as unknown[];
}

/** Hydrates the entities of one fixture. */
export function load(era: Era, c: (typeof CASES)[number]): object[] {
  return entitiesOf(parseLossless(fixture(era, c.name)), c.shape).map((plain) => hydrate(c.cls, plain));
}
