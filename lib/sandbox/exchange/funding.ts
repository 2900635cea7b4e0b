/**
 * Funding: crypto and fiat withdrawals, bank accounts and withdrawal addresses.
 *
 * Rules where the reference is silent: a withdrawal is created `pending` and reserves amount +
 * the currency's withdrawal fee; it can be cancelled only while pending (422 `Withdrawal can not
 * be cancelled` otherwise); the sandbox-only `process` completes it: the amount leaves the
 * exchange, the fee goes to the fee account. Crypto and fiat withdrawals share one id sequence.
 * @module
 */
import type { CurrencyConfig } from './config.js';
import type { Context } from './context.js';
import type { Decimal } from './decimal.js';
import { ErrorText, ExchangeError } from './errors.js';
import type { CreateCryptoWithdrawalParams, CreateFiatWithdrawalParams } from './inputs.js';
import { FEE_USER_ID, type Ledger } from './ledger.js';
import { atPrecision, boundedText, positive, requiredDecimal } from './parse.js';
import type { Prng } from './prng.js';
import type {
  BankAccountRecord,
  CryptoWithdrawalAddressRecord,
  CryptoWithdrawalRecord,
  FiatWithdrawalRecord,
  WithdrawalState,
} from './records.js';

interface CryptoWithdrawalState {
  readonly kind: 'crypto';
  record: CryptoWithdrawalRecord;
}

interface FiatWithdrawalState {
  readonly kind: 'fiat';
  record: FiatWithdrawalRecord;
}

type WithdrawalStateBox = CryptoWithdrawalState | FiatWithdrawalState;

export class Funding {
  readonly #context: Context;
  readonly #ledger: Ledger;
  readonly #prng: Prng;
  readonly #withdrawals = new Map<number, WithdrawalStateBox>();
  readonly #bankAccounts = new Map<number, BankAccountRecord[]>();
  readonly #addresses = new Map<number, CryptoWithdrawalAddressRecord[]>();

  constructor(context: Context, ledger: Ledger, prng: Prng) {
    this.#context = context;
    this.#ledger = ledger;
    this.#prng = prng;
  }

  /** Gives a new user its bank account. */
  openBankAccount(userId: number): BankAccountRecord {
    const account: BankAccountRecord = {
      id: this.#context.nextId('bankAccount'),
      accName: `SANDBOX USER ${userId}`,
      bank: 'Sandbox Bank',
      bankBranch: 'Main',
      accNumber: String(1_000_000 + userId),
      address: '.',
      swift: 'SANDXXXX',
      country: 'Singapore',
      status: 'approved',
    };
    this.#bankAccounts.set(userId, [...(this.#bankAccounts.get(userId) ?? []), account]);
    return account;
  }

  bankAccounts(userId: number): BankAccountRecord[] {
    return (this.#bankAccounts.get(userId) ?? []).map((account) => ({ ...account }));
  }

  createCrypto(userId: number, params: CreateCryptoWithdrawalParams): CryptoWithdrawalRecord {
    if (isBlank(params.currency) || isBlank(params.address))
      throw ExchangeError.badRequest(ErrorText.missingParameters);
    const amount = positive(requiredDecimal(params.amount, 'amount'), 'amount');
    // Stored and printed as given: bounded like every input (parse.ts).
    const address = boundedText(params.address, 'address');
    const paymentId = boundedText(params.paymentId ?? null, 'payment_id');
    const memoType = boundedText(params.memoType ?? null, 'memo_type');
    const memoValue = boundedText(params.memoValue ?? null, 'memo_value');
    const currency = this.#withdrawable(params.currency, 'crypto', amount);
    const network = isBlank(params.network) ? null : (params.network as string);
    if (network !== null && !currency.networks.includes(network)) throw ExchangeError.invalid('network', 'invalid');
    const fee = currency.withdrawalFee;
    this.#ledger.reserve(userId, currency.currency, amount.plus(fee));
    const seconds = this.#context.nowSeconds();
    const record: CryptoWithdrawalRecord = {
      id: this.#context.nextId('withdrawal'),
      userId,
      currency: currency.currency,
      address,
      amount,
      withdrawalFee: fee,
      state: 'pending',
      network,
      paymentId,
      memoType,
      memoValue,
      transactionHash: null,
      broadcastedAt: null,
      walletLabel: currency.currency.toLowerCase(),
      chainName: currency.chainName,
      createdAt: seconds,
      updatedAt: seconds,
    };
    this.#withdrawals.set(record.id, { kind: 'crypto', record });
    this.#rememberAddress(userId, record);
    return { ...record };
  }

  createFiat(userId: number, params: CreateFiatWithdrawalParams): FiatWithdrawalRecord {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime check for plain-JS callers of the sandbox API (the route always passes one)
    if (isBlank(params.currency) || params.bankAccountId === undefined)
      throw ExchangeError.badRequest(ErrorText.missingParameters);
    const amount = positive(requiredDecimal(params.amount, 'amount'), 'amount');
    const bankAccount = this.bankAccounts(userId).find((account) => account.id === params.bankAccountId);
    if (bankAccount === undefined) throw ExchangeError.invalid('bank_account_id', 'invalid');
    const currency = this.#withdrawable(params.currency, 'fiat', amount);
    const fee = currency.withdrawalFee;
    this.#ledger.reserve(userId, currency.currency, amount.plus(fee));
    const seconds = this.#context.nowSeconds();
    const record: FiatWithdrawalRecord = {
      id: this.#context.nextId('withdrawal'),
      userId,
      currency: currency.currency,
      amount,
      withdrawalFee: fee,
      state: 'pending',
      bankAccount,
      createdAt: seconds,
      updatedAt: seconds,
    };
    this.#withdrawals.set(record.id, { kind: 'fiat', record });
    return copyFiat(record);
  }

  cryptoOf(userId: number): CryptoWithdrawalRecord[] {
    const list: CryptoWithdrawalRecord[] = [];
    for (const box of this.#withdrawals.values())
      if (box.kind === 'crypto' && box.record.userId === userId) list.push({ ...box.record });
    return list.reverse();
  }

  fiatOf(userId: number): FiatWithdrawalRecord[] {
    const list: FiatWithdrawalRecord[] = [];
    for (const box of this.#withdrawals.values())
      if (box.kind === 'fiat' && box.record.userId === userId) list.push(copyFiat(box.record));
    return list.reverse();
  }

  addresses(userId: number, currency: string | undefined): CryptoWithdrawalAddressRecord[] {
    return (this.#addresses.get(userId) ?? [])
      .filter((entry) => currency === undefined || entry.currency === currency)
      .map((entry) => ({ ...entry }));
  }

  cancel(userId: number, id: number, kind: 'crypto' | 'fiat'): CryptoWithdrawalRecord | FiatWithdrawalRecord {
    const box = this.#withdrawals.get(id);
    if (box?.kind !== kind || box.record.userId !== userId) throw ExchangeError.notFound('Withdrawal not found');
    if (box.record.state !== 'pending') throw ExchangeError.unprocessable('Withdrawal can not be cancelled');
    this.#ledger.release(userId, box.record.currency, box.record.amount.plus(box.record.withdrawalFee));
    this.#setState(box, 'cancelled');
    return box.kind === 'fiat' ? copyFiat(box.record) : { ...box.record };
  }

  process(id: number): CryptoWithdrawalRecord | FiatWithdrawalRecord {
    const box = this.#withdrawals.get(id);
    if (box === undefined) throw ExchangeError.notFound('Withdrawal not found');
    if (box.record.state !== 'pending') throw ExchangeError.unprocessable('Withdrawal can not be processed');
    const { userId, currency, amount, withdrawalFee } = box.record;
    this.#ledger.release(userId, currency, amount.plus(withdrawalFee));
    const objectType = box.kind === 'crypto' ? 'CryptoWithdrawal' : 'Withdrawal';
    this.#ledger.change(userId, currency, amount.negated(), { action: 'withdrawal', objectType, objectId: id });
    this.#ledger.transfer(userId, FEE_USER_ID, currency, withdrawalFee, {
      action: 'withdrawal_fee',
      objectType,
      objectId: id,
    });
    this.#setState(box, 'processed');
    if (box.kind === 'crypto') {
      box.record = { ...box.record, transactionHash: this.#hash(), broadcastedAt: this.#context.nowSeconds() };
    }
    return box.kind === 'fiat' ? copyFiat(box.record) : { ...box.record };
  }

  #setState(box: WithdrawalStateBox, state: WithdrawalState): void {
    const updatedAt = this.#context.nowSeconds();
    if (box.kind === 'crypto') box.record = { ...box.record, state, updatedAt };
    else box.record = { ...box.record, state, updatedAt };
  }

  #withdrawable(code: string, type: 'crypto' | 'fiat', amount: Decimal): CurrencyConfig {
    const currency = this.#context.config.currencies.get(code);
    if (currency?.type !== type) throw ExchangeError.invalid('currency', 'invalid');
    if (!currency.withdrawable) throw ExchangeError.invalid('currency', 'not_withdrawable');
    atPrecision(amount, currency.precision, 'amount');
    if (amount.lessThan(currency.minimumWithdrawal))
      throw ExchangeError.invalid('amount', 'less_than_minimum_withdrawal');
    return currency;
  }

  #rememberAddress(userId: number, withdrawal: CryptoWithdrawalRecord): void {
    const list = this.#addresses.get(userId) ?? [];
    if (
      list.some(
        (entry) =>
          entry.address === withdrawal.address &&
          entry.currency === withdrawal.currency &&
          entry.network === withdrawal.network,
      )
    )
      return;
    list.push({
      id: this.#context.nextId('address'),
      address: withdrawal.address,
      currency: withdrawal.currency,
      network: withdrawal.network,
      chainName: withdrawal.chainName,
      status: 'confirmed',
      label: null,
      memoType: withdrawal.memoType,
      memoValue: withdrawal.memoValue,
      recipientName: null,
      cryptoExchange: null,
    });
    this.#addresses.set(userId, list);
  }

  /** A fake transaction hash (64 hex digits) from the exchange's seeded PRNG. */
  #hash(): string {
    let text = '';
    for (let index = 0; index < 8; index += 1) text += this.#prng.nextUint32().toString(16).padStart(8, '0');
    return text;
  }
}

/** A fiat withdrawal snapshot (its bank account is an object of its own). */
function copyFiat(record: FiatWithdrawalRecord): FiatWithdrawalRecord {
  return { ...record, bankAccount: { ...record.bankAccount } };
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
