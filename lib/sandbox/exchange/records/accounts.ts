/**
 * Accounts: balances, the main asset, the balance history and the legacy transactions.
 * (Conventions of every record: see records.ts.)
 * @module
 */
import type { Decimal } from '../decimal.js';

/**
 * Kind of currency.
 * @group Exchange records
 */
export type CurrencyType = 'fiat' | 'crypto';

/**
 * `source_action` of a balance-history entry.
 * @group Exchange records
 */
export type SourceAction =
  'deposit' | 'withdrawal' | 'trade' | 'fee' | 'loan' | 'interest' | 'pnl' | 'margin' | 'withdrawal_fee';

/**
 * One currency account of a user (fiat or crypto; `GET /accounts/{currency}` and the lists).
 * @group Exchange records
 */
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

/**
 * `GET /accounts/balance` row.
 * @group Exchange records
 */
export interface BalanceRecord {
  /** Currency code. */
  readonly currency: string;
  /** Total balance, reserved part included. */
  readonly balance: Decimal;
}

/**
 * `GET /accounts/main_asset`.
 * @group Exchange records
 */
export interface MainAssetRecord {
  /** The main currency the total is valued in. */
  readonly currency: string;
  /** Sum of the user's balances valued in the main currency, rounded down to 8 decimals. */
  readonly totalAmount: Decimal;
}

/**
 * `GET /balance_history` row: one balance change.
 * @group Exchange records
 */
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

/**
 * The loan a lending row of `GET /transactions` refers to (quoine-api.md §7.8, 2020 capture).
 * @group Exchange records
 */
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

/**
 * `GET /transactions` row (legacy list): deposits, withdrawals, trades, fees, loans.
 * @group Exchange records
 */
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
