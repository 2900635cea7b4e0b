import { expect } from 'chai';
import { plainToInstance } from 'class-transformer';
import { Decimal } from 'decimal.js';
import { hydrate, hydrateMany, type EntityClass } from '../../lib/core/fields.js';
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
import { PriceLevel } from '../../lib/entities/price-level.js';
import { Product } from '../../lib/entities/product.js';
import { ERAS, fixture, fixtureIndex, type Era } from '../helpers/fixtures.js';

/** Which entity each public fixture hydrates to, and whether it is a list, a page or one object. */
const CASES: ReadonlyArray<{ name: string; cls: EntityClass<object>; shape: 'one' | 'many' | 'page' | 'models' | 'fee_options'; differs?: string[] }> = [
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
function entitiesOf(body: unknown, shape: (typeof CASES)[number]['shape']): unknown[] {
  if (shape === 'one') return [body];
  if (shape === 'fee_options') return [(body as { fee_options: unknown }).fee_options];
  if (shape === 'page' || shape === 'models') return (body as { models: unknown[] }).models;
  return body as unknown[];
}

function load(era: Era, c: (typeof CASES)[number]): object[] {
  return entitiesOf(parseLossless(fixture(era, c.name)), c.shape).map((plain) => hydrate(c.cls, plain));
}

/** Entities as comparable plain values: Decimals by exact value, Dates by time. */
function canonical(value: unknown): unknown {
  if (value instanceof Decimal) return `D:${value.toFixed()}`;
  if (value instanceof Date) return `T:${value.getTime()}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** `actual` equals `expected` wherever `expected` is not null (a field the Quoine era lacked). */
function expectSameWhereSet(actual: unknown, expected: unknown, at: string, differs: readonly string[]): void {
  if (expected === null) return;
  if (typeof expected === 'object') {
    expect(actual, at).to.be.an(Array.isArray(expected) ? 'array' : 'object');
    if (Array.isArray(expected)) expect(actual, at).to.have.length(expected.length);
    for (const [key, value] of Object.entries(expected)) {
      if (!differs.includes(key)) expectSameWhereSet((actual as Record<string, unknown>)[key], value, `${at}.${key}`, differs);
    }
    return;
  }
  expect(actual, at).to.equal(expected);
}

describe('entities from the fixtures of both eras', () => {
  for (const c of CASES) {
    it(`${c.name}: both eras hydrate to equal values on every field the Quoine era has`, () => {
      const quoine = load('quoine', c).map(canonical) as Record<string, unknown>[];
      const liquid = load('liquid', c).map(canonical) as Record<string, unknown>[];
      expect(liquid).to.have.length(quoine.length);
      quoine.forEach((q, i) => expectSameWhereSet(liquid[i], q, `${c.name}[${i}]`, c.differs ?? []));
    });

    for (const era of ERAS) {
      it(`${c.name} (${era}): our hydrator builds exactly what class-transformer's plainToInstance builds`, () => {
        const plain = entitiesOf(parseLossless(fixture(era, c.name)), c.shape);
        const ours = load(era, c);
        const theirs = plainToInstance(c.cls, plain, { excludeExtraneousValues: true });
        expect(theirs.map(canonical)).to.deep.equal(ours.map(canonical));
        theirs.forEach((t) => expect(t).to.be.instanceOf(c.cls));
      });
    }
  }

  it('covers every endpoint fixture that carries entities', () => {
    const covered = new Set(CASES.map((c) => c.name));
    const without = fixtureIndex().filter((e) => !covered.has(e.name)).map((e) => e.name);
    expect(without).to.deep.equal(['leverage_limitation']); // a plain array of numbers
  });

  it('keeps money exact where a float would not', () => {
    for (const era of ERAS) {
      const [usd] = hydrateMany(FiatAccount, parseLossless(fixture(era, 'fiat_accounts')));
      expect(usd?.balance.toFixed(), era).to.equal('12345678901234567.5');
      const page = parseLossless(fixture(era, 'orders_page')) as { models: unknown[] };
      expect(hydrateMany(Order, page.models).map((o) => o.quantity.toFixed()), era).to.include('0.12345678901234567891');
      const product = hydrate(Product, parseLossless(fixture(era, 'product')));
      expect(product.exchangeRate?.toFixed(), era).to.equal('0.009398151671149725');
      expect(product.id).to.equal(5);
      expect(product.lastTradedPrice).to.be.instanceOf(Decimal);
    }
  });

  it('reads order book levels as { price, quantity } decimals, bids descending', () => {
    const book = hydrate(OrderBook, parseLossless(fixture('liquid', 'price_levels')));
    const bid = book.buyPriceLevels[0] as PriceLevel;
    expect(bid).to.be.instanceOf(PriceLevel);
    expect(bid.price).to.be.instanceOf(Decimal);
    const prices = book.buyPriceLevels.map((l) => l.price);
    for (let i = 1; i < prices.length; i++) expect((prices[i] as Decimal).lte(prices[i - 1] as Decimal)).to.equal(true);
  });

  it('reads Unix seconds, fractional seconds and ISO times to Dates', () => {
    const [first] = hydrateMany(Execution, parseLossless(fixture('liquid', 'executions_since')));
    expect(first?.createdAt.getTime()).to.equal(1594964560000);
    expect(first?.timestamp?.getTime()).to.equal(1594964560120);
  });

  it('names the field when a value does not fit', () => {
    expect(() => hydrate(Execution, parseLossless('{"id": 1, "quantity": "abc", "price": "1", "taker_side": "buy", "created_at": 1}'))).to.throw(/quantity: expected a decimal/);
    expect(() => hydrate(Execution, parseLossless('{"id": 12345678901234567890, "quantity": "1", "price": "1", "taker_side": "buy", "created_at": 1}'))).to.throw(/id: expected a safe integer/);
    expect(() => hydrate(Execution, parseLossless('{"id": 1, "quantity": "1", "taker_side": "buy", "created_at": 1}'))).to.throw(/price: missing/);
    expect(() => hydrateMany(Execution, parseLossless('[{"id": 1, "quantity": "1", "price": "1", "taker_side": "buy", "created_at": "yesterday"}]'))).to.throw(/\[0\] created_at: expected Unix seconds/);
  });
});
