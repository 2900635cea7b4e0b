import type {
  BalanceHistoryRecord,
  BankAccountRecord,
  CryptoNetworkRecord,
  CryptoWithdrawalAddressRecord,
  CryptoWithdrawalRecord,
  FiatWithdrawalRecord,
  TransactionRecord,
} from '../../exchange/records.js';
import type { WireObject } from '../json.js';
import { rawNumber } from '../json.js';
import { decimal, epochSeconds, text, timestampText } from './values.js';

/**
 * A crypto withdrawal row of `GET /crypto_withdrawals`. Liquid: every field a string, including
 * `id` and the times (2021 capture, §7.8 [L]).
 */
export function cryptoWithdrawalRowWire(withdrawal: CryptoWithdrawalRecord, liquid: boolean): WireObject {
  const asText = (value: number | null): string | number | null =>
    value === null ? null : liquid ? String(epochSeconds(value)) : epochSeconds(value);
  return {
    id: liquid ? String(withdrawal.id) : withdrawal.id,
    address: withdrawal.address,
    amount: text(withdrawal.amount),
    state: withdrawal.state,
    currency: withdrawal.currency,
    withdrawal_fee: text(withdrawal.withdrawalFee),
    created_at: asText(withdrawal.createdAt),
    updated_at: asText(withdrawal.updatedAt),
    payment_id: withdrawal.paymentId,
    transaction_hash: withdrawal.transactionHash,
    broadcasted_at: asText(withdrawal.broadcastedAt),
    wallet_label: withdrawal.walletLabel,
    chain_name: withdrawal.chainName,
    network: withdrawal.network,
  };
}

/** The create / cancel response: Liquid prints `amount` and `withdrawal_fee` as numbers (docs, 2019 capture). */
export function cryptoWithdrawalWire(withdrawal: CryptoWithdrawalRecord, liquid: boolean): WireObject {
  return {
    id: withdrawal.id,
    address: withdrawal.address,
    amount: decimal(withdrawal.amount, liquid),
    state: withdrawal.state,
    currency: withdrawal.currency,
    withdrawal_fee: decimal(withdrawal.withdrawalFee, liquid),
    created_at: epochSeconds(withdrawal.createdAt),
    updated_at: epochSeconds(withdrawal.updatedAt),
    payment_id: withdrawal.paymentId,
  };
}

export function cryptoNetworkWire(network: CryptoNetworkRecord): WireObject {
  return { network: network.network, currency: network.currency };
}

export function cryptoWithdrawalAddressWire(address: CryptoWithdrawalAddressRecord): WireObject {
  return {
    id: address.id,
    address: address.address,
    currency: address.currency,
    network: address.network,
    chain_name: address.chainName,
    status: address.status,
    label: address.label,
    memo_type: address.memoType,
    memo_value: address.memoValue,
    recipient_name: address.recipientName,
    crypto_exchange: address.cryptoExchange,
  };
}

/** A fiat withdrawal with its bank account; the Liquid profile adds `updated_at`. */
export function fiatWithdrawalWire(withdrawal: FiatWithdrawalRecord, liquid: boolean): WireObject {
  const row: WireObject = {
    id: withdrawal.id,
    currency: withdrawal.currency,
    amount: text(withdrawal.amount),
    state: withdrawal.state,
    created_at: epochSeconds(withdrawal.createdAt),
  };
  if (liquid) row['updated_at'] = epochSeconds(withdrawal.updatedAt);
  row['bank_account'] = bankAccountWire(withdrawal.bankAccount);
  return row;
}

/** A bank account (inside fiat withdrawals, and `GET /bank_accounts`). */
export function bankAccountWire(account: BankAccountRecord): WireObject {
  return {
    id: account.id,
    acc_name: account.accName,
    bank: account.bank,
    bank_branch: account.bankBranch,
    acc_number: account.accNumber,
    address: account.address,
    swift: account.swift,
    country: account.country,
    status: account.status,
  };
}

/**
 * A legacy `GET /transactions` row, with the fields of the 2020 lending capture (§7.8): `currency`,
 * `action_id` (null) and, on lending rows, `loan: {currency, quantity, rate}` (quantity and rate as
 * text, no id, as captured). `execution` is `{id}` on trade rows (a sandbox choice: not captured).
 */
export function transactionWire(transaction: TransactionRecord): WireObject {
  const loan = transaction.loan;
  return {
    id: transaction.id,
    action_id: transaction.actionId,
    created_at: epochSeconds(transaction.createdAt),
    currency: transaction.currency,
    gross_amount: text(transaction.grossAmount),
    net_amount: text(transaction.netAmount),
    exchange_fee: text(transaction.exchangeFee),
    network_fee: text(transaction.networkFee),
    transaction_type: transaction.transactionType,
    from_account_id: transaction.fromAccountId,
    to_account_id: transaction.toAccountId,
    from_role: transaction.fromRole,
    to_role: transaction.toRole,
    state: transaction.state,
    transaction_hash: transaction.transactionHash,
    execution: transaction.executionId === null ? null : { id: transaction.executionId },
    loan: loan === null ? null : { currency: loan.currency, quantity: text(loan.quantity), rate: text(loan.rate) },
    notes: transaction.notes,
  };
}

/**
 * A `GET /balance_history` row. `timestamp` is `"1632493065.665"` text in the Liquid profile (the
 * capture) and the same value as a fractional JSON number in the Quoine profile (a choice).
 */
export function balanceHistoryWire(entry: BalanceHistoryRecord, liquid: boolean): WireObject {
  const timestamp = timestampText(entry.timestamp);
  return {
    id: entry.id,
    currency: entry.currency,
    amount: text(entry.amount),
    source_action: entry.sourceAction,
    source_object_type: entry.sourceObjectType,
    source_object_id: entry.sourceObjectId,
    timestamp: liquid ? timestamp : rawNumber(timestamp),
    balance: text(entry.balance),
  };
}
