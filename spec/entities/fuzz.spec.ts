/**
 * Property tests: random and mutated bodies of every endpoint give entities or a typed
 * QuoineResponseError, never a TypeError, and never a silently wrong value.
 */
import { expect } from 'chai';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { QuoineResponseError } from '../../lib/core/errors.js';
import { hydrate, hydrateMany, type EntityClass } from '../../lib/core/fields.js';
import { parseLossless } from '../../lib/core/json.js';
import { toEntity } from '../../lib/core/resource.js';
import { Execution } from '../../lib/entities/execution.js';
import { Order } from '../../lib/entities/order.js';
import { OrderBook } from '../../lib/entities/order-book.js';
import { Product } from '../../lib/entities/product.js';
import { Trade } from '../../lib/entities/trade.js';
import { TradingAccount } from '../../lib/entities/trading-account.js';
import { FiatAccount } from '../../lib/entities/fiat-account.js';
import { ERAS, fixture } from '../helpers/fixtures.js';
import { runs } from '../helpers/property-runs.js';

const target = { method: 'GET', path: '/fuzz' };

/** One entity of each shape worth mutating: flat, nested, tuples, pages. */
const SUBJECTS: ReadonlyArray<{ name: string; cls: EntityClass<object>; pick: (body: unknown) => unknown }> = [
  { name: 'order_with_executions', cls: Order, pick: (b) => b },
  { name: 'product', cls: Product, pick: (b) => b },
  { name: 'price_levels', cls: OrderBook, pick: (b) => b },
  { name: 'executions_since', cls: Execution, pick: (b) => (b as unknown[])[0] },
  { name: 'trade', cls: Trade, pick: (b) => b },
  { name: 'trading_accounts', cls: TradingAccount, pick: (b) => (b as unknown[])[0] },
  { name: 'fiat_accounts', cls: FiatAccount, pick: (b) => (b as unknown[])[0] },
];

/** Replaces the value at a random path with `replacement` (or deletes it). */
function mutate(value: unknown, path: readonly number[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const [step, ...rest] = path as [number, ...number[]];
  if (Array.isArray(value)) {
    if (value.length === 0) return value;
    const i = step % value.length;
    const copy = (value as unknown[]).slice();
    copy[i] = mutate(copy[i], rest, replacement, remove);
    return copy;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return value;
  const key = keys[step % keys.length] as string;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (remove && rest.length === 0) Reflect.deleteProperty(copy, key);
  else copy[key] = mutate(copy[key], rest, replacement, remove);
  return copy;
}

/** A lossless-parsed JSON value: numbers appear as strings, as the parser gives them. */
const wireValue = fc.jsonValue().map((v) => parseLossless(JSON.stringify(v)));
const tricky = fc.constantFrom<unknown>(
  '',
  'NaN',
  'Infinity',
  '-0',
  '1e400',
  '0x10',
  ' 1',
  '1,5',
  '12345678901234567890',
  'true',
  null,
  [],
  {},
  [['1']],
  '2020-13-45T00:00:00Z',
  '-1',
);

describe('hydration under random and mutated bodies (property)', () => {
  for (const era of ERAS) {
    for (const s of SUBJECTS) {
      it(`${era} ${s.name}: an entity or a QuoineResponseError, nothing else`, () => {
        const original = s.pick(parseLossless(fixture(era, s.name)));
        fc.assert(
          fc.property(
            fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
            fc.oneof(wireValue, tricky),
            fc.boolean(),
            (path, replacement, remove) => {
              const body = mutate(original, path, replacement, remove);
              let entity: object | undefined;
              try {
                entity = toEntity(() => hydrate(s.cls, body), target);
              } catch (e) {
                expect(e, String(e)).to.be.instanceOf(QuoineResponseError);
                return;
              }
              // Accepted: every Decimal must be finite, every Date valid, every id a safe integer.
              const check = (v: unknown): void => {
                if (v instanceof Decimal) expect(v.isFinite()).to.equal(true);
                else if (v instanceof Date) expect(Number.isNaN(v.getTime())).to.equal(false);
                else if (Array.isArray(v)) v.forEach(check);
                else if (v !== null && typeof v === 'object' && !(v.constructor === Object))
                  Object.values(v).forEach(check);
              };
              check(entity);
              const id = (entity as { id?: unknown }).id;
              if (id !== undefined && id !== null) expect(Number.isSafeInteger(id)).to.equal(true);
            },
          ),
          runs(300),
        );
      });
    }
  }

  it('random JSON anywhere an entity list is expected gives a typed error or entities', () => {
    fc.assert(
      fc.property(wireValue, (body) => {
        try {
          const list = toEntity(() => hydrateMany(Execution, body), target);
          list.forEach((e) => expect(e).to.be.instanceOf(Execution));
        } catch (e) {
          expect(e).to.be.instanceOf(QuoineResponseError);
        }
      }),
      runs(500),
    );
  });

  it('never converts a non-decimal into a Decimal', () => {
    for (const bad of ['', 'NaN', 'Infinity', '0x10', ' 1', '1,5', 'abc', '--1', '1.']) {
      const body = parseLossless(
        `{"id": 1, "quantity": ${JSON.stringify(bad)}, "price": "1", "taker_side": "buy", "created_at": 1}`,
      );
      expect(() => toEntity(() => hydrate(Execution, body), target), bad).to.throw(
        QuoineResponseError,
        /quantity: expected a decimal/,
      );
    }
  });
});
