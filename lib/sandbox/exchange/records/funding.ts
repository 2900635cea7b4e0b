/**
 * Funding: crypto and fiat withdrawals, networks, addresses and bank accounts.
 * (Conventions of every record: see records.ts.)
 * @module
 */
import type { Decimal } from '../decimal.js';

/**
 * State of a withdrawal: `pending` until processed or cancelled.
 * @group Exchange records
 */
export type WithdrawalState = 'pending' | 'processed' | 'cancelled';

/**
 * A crypto withdrawal.
 * @group Exchange records
 */
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

/**
 * `GET /crypto_withdrawals/crypto_networks` row.
 * @group Exchange records
 */
export interface CryptoNetworkRecord {
  /** Network name, e.g. `ERC20`. */
  readonly network: string;
  /** The currency asked about. */
  readonly currency: string;
}

/**
 * `GET /crypto_withdrawal_addresses` row (whitelisted addresses: the ones the user withdrew to).
 * @group Exchange records
 */
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

/**
 * A user's bank account (fiat withdrawals name one by id).
 * @group Exchange records
 */
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

/**
 * A fiat withdrawal (`GET /withdrawals`).
 * @group Exchange records
 */
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
