// Issue 11: matching terminates by construction whatever quantities are stored. Validation keeps
// new inputs short (decimals.spec.ts); these specs put quantities the validation would refuse
// straight into the engine's state, as a state older than the validation would hold them, and
// check that a taker still ends after at most one round per resting order.
import { expect } from 'chai';
import fc from 'fast-check';
import { resolveConfig } from '../../../lib/sandbox/exchange/config.js';
import { Context } from '../../../lib/sandbox/exchange/context.js';
import { Decimal } from '../../../lib/sandbox/exchange/decimal.js';
import { Engine } from '../../../lib/sandbox/exchange/engine.js';
import { Ledger } from '../../../lib/sandbox/exchange/ledger.js';
import { Lending } from '../../../lib/sandbox/exchange/lending.js';
import { Margin } from '../../../lib/sandbox/exchange/margin.js';
import { MarketData } from '../../../lib/sandbox/exchange/market-data.js';
import { remaining } from '../../../lib/sandbox/exchange/order-state.js';
import { BTCUSD, CURRENCIES, Clock, PRODUCTS } from './helpers.js';
import { guardExecutions, type ExecutionGuard } from './runaway.js';
import { runs } from '../../helpers/property-runs.js';

const MAKER = 1;
const TAKER = 2;

function engineWithUsers(): Engine {
  const clock = new Clock();
  const context = new Context(resolveConfig({ products: PRODUCTS, currencies: CURRENCIES }), clock.now);
  const ledger = new Ledger(context);
  const market = new MarketData(context);
  const lending = new Lending(context, ledger);
  const margin = new Margin(context, ledger, lending, market);
  for (const [userId, currency, amount] of [
    [MAKER, 'BTC', '1000'],
    [TAKER, 'USD', '100000000'],
  ] as const) {
    ledger.change(userId, currency, new Decimal(amount), {
      action: 'deposit',
      objectType: 'Deposit',
      objectId: userId,
    });
  }
  return new Engine(context, ledger, market, margin, lending);
}

describe('sandbox exchange: matching terminates whatever is stored (issue 11)', () => {
  let guard: ExecutionGuard;
  beforeEach(() => {
    guard = guardExecutions();
  });
  afterEach(() => guard.restore());

  it('a resting order of 1.000…0001 (150 places) fills once and leaves the book; the next ordinary taker ends', () => {
    const engine = engineWithUsers();
    const resting = engine.create(MAKER, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '1',
      price: '10000',
    });
    resting.quantity = new Decimal(`1.${'0'.repeat(149)}1`);
    const taker = engine.create(TAKER, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'buy',
      quantity: '2',
      price: '10000',
    });
    expect(guard.count()).to.equal(1);
    expect([resting.status, resting.onBook]).to.deep.equal(['filled', false]);
    expect([taker.status, taker.onBook, taker.filled.toFixed()]).to.deep.equal(['partially_filled', true, '1']);
    expect(engine.book(BTCUSD).snapshot('sell')).to.deep.equal([]);
  });

  it('a resting order with nothing left (a corrupt state) leaves the book without an execution', () => {
    const engine = engineWithUsers();
    const empty = engine.create(MAKER, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '1',
      price: '10000',
    });
    const next = engine.create(MAKER, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '1',
      price: '10000',
    });
    empty.filled = new Decimal('1');
    const taker = engine.create(TAKER, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.5',
      price: '10000',
    });
    expect(guard.count()).to.equal(1);
    expect(empty.onBook).to.equal(false);
    expect([next.status, taker.status]).to.deep.equal(['partially_filled', 'filled']);
  });

  it('property: a sweep runs at most one execution per resting order, whatever their stored quantities', () => {
    // Remainders from 1 to 300 significant digits: tiny tails, huge tails, zeros, negatives.
    const storedQuantity = fc.oneof(
      fc
        .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 298 }))
        .map(([head, zeros]) => `${head}.${'0'.repeat(zeros)}1`),
      fc
        .tuple(fc.integer({ min: 0, max: 298 }), fc.integer({ min: 1, max: 9 }))
        .map(([zeros, tail]) => `0.001${'0'.repeat(zeros)}${tail}`),
      fc.constantFrom('0', '-0.5', '0.00000001'),
    );
    fc.assert(
      fc.property(fc.array(storedQuantity, { minLength: 1, maxLength: 12 }), (quantities) => {
        const engine = engineWithUsers();
        const before = guard.count();
        const resting = quantities.map((quantity) => {
          const order = engine.create(MAKER, {
            orderType: 'limit',
            productId: BTCUSD,
            side: 'sell',
            quantity: '1',
            price: '10000',
          });
          order.quantity = new Decimal(quantity);
          return order;
        });
        const taker = engine.create(TAKER, {
          orderType: 'limit',
          productId: BTCUSD,
          side: 'buy',
          quantity: '1000',
          price: '10000',
        });
        expect(guard.count() - before).to.be.at.most(resting.length);
        // The taker wants more than all of them hold: every resting order has left the book.
        expect(resting.filter((order) => order.onBook)).to.deep.equal([]);
        expect(taker.onBook).to.equal(remaining(taker).isPositive());
      }),
      runs(200),
    );
  });
});
