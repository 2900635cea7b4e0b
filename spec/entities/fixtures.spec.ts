import { expect } from 'chai';
import { plainToInstance } from 'class-transformer';
import { Decimal } from 'decimal.js';
import { hydrate, hydrateMany } from '../../lib/core/fields.js';
import { parseLossless } from '../../lib/core/json.js';
import { Execution } from '../../lib/entities/execution.js';
import { FiatAccount } from '../../lib/entities/fiat-account.js';
import { Order } from '../../lib/entities/order.js';
import { OrderBook } from '../../lib/entities/order-book.js';
import { PriceLevel } from '../../lib/entities/price-level.js';
import { Product } from '../../lib/entities/product.js';
import { ERAS, fixture, fixtureIndex } from '../helpers/fixtures.js';
import { CASES, entitiesOf, load } from './cases.js';

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
      if (!differs.includes(key))
        expectSameWhereSet((actual as Record<string, unknown>)[key], value, `${at}.${key}`, differs);
    }
    return;
  }
  expect(actual, at).to.equal(expected);
}

describe('entities from the fixtures of both eras', () => {
  for (const c of CASES) {
    it(`${c.name}: both eras hydrate to equal values on every field the Quoine era has`, () => {
      const quoine = load('quoine', c).map(canonical) as Array<Record<string, unknown>>;
      const liquid = load('liquid', c).map(canonical) as Array<Record<string, unknown>>;
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
    const without = fixtureIndex()
      .filter((e) => !covered.has(e.name))
      .map((e) => e.name);
    expect(without).to.deep.equal(['leverage_limitation']); // a plain array of numbers
  });

  it('keeps money exact where a float would not', () => {
    for (const era of ERAS) {
      const [usd] = hydrateMany(FiatAccount, parseLossless(fixture(era, 'fiat_accounts')));
      expect(usd?.balance.toFixed(), era).to.equal('12345678901234567.5');
      const page = parseLossless(fixture(era, 'orders_page')) as { models: unknown[] };
      expect(
        hydrateMany(Order, page.models).map((o) => o.quantity.toFixed()),
        era,
      ).to.include('0.12345678901234567891');
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
    expect(() =>
      hydrate(
        Execution,
        parseLossless('{"id": 1, "quantity": "abc", "price": "1", "taker_side": "buy", "created_at": 1}'),
      ),
    ).to.throw(/quantity: expected a decimal/);
    expect(() =>
      hydrate(
        Execution,
        parseLossless(
          '{"id": 12345678901234567890, "quantity": "1", "price": "1", "taker_side": "buy", "created_at": 1}',
        ),
      ),
    ).to.throw(/id: expected a safe integer/);
    expect(() =>
      hydrate(Execution, parseLossless('{"id": 1, "quantity": "1", "taker_side": "buy", "created_at": 1}')),
    ).to.throw(/price: missing/);
    expect(() =>
      hydrateMany(
        Execution,
        parseLossless('[{"id": 1, "quantity": "1", "price": "1", "taker_side": "buy", "created_at": "yesterday"}]'),
      ),
    ).to.throw(/\[0\] created_at: expected Unix seconds/);
  });
});
