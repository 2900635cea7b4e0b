// Issue 14: the engine's integer money (units.ts) against decimal.js: a value read into units at a
// scale and built back is the same value; a value with more places than the scale has no units; a
// decimal column stores units as it stores the Decimal of the same value; a ledger account adds in
// units what decimal.js adds.
import { expect } from 'chai';
import fc from 'fast-check';
import { Context } from '../../../lib/sandbox/exchange/context.js';
import { resolveConfig } from '../../../lib/sandbox/exchange/config.js';
import { Decimal, compareDecimals } from '../../../lib/sandbox/exchange/decimal.js';
import { DecimalColumn } from '../../../lib/sandbox/exchange/decimal-column.js';
import { Ledger } from '../../../lib/sandbox/exchange/ledger.js';
import { ExchangeError } from '../../../lib/sandbox/exchange/errors.js';
import { checkQuantity } from '../../../lib/sandbox/exchange/order-validation.js';
import { decimalOfUnits, scaledOf, unitsAt } from '../../../lib/sandbox/exchange/units.js';
import { CURRENCIES, Clock, PRODUCTS } from './helpers.js';
import { runs } from '../../helpers/property-runs.js';

/** Decimal texts of every shape: 1 to 60 digits, a point anywhere, exponents, signs, zeros. */
const decimalText = fc
  .tuple(
    fc.constantFrom('', '-'),
    fc.stringMatching(/^[0-9]{1,60}$/),
    fc.integer({ min: -40, max: 40 }),
    fc.stringMatching(/^0{0,12}$/),
  )
  .map(([sign, digits, exponent, zeros]) => `${sign}${digits}${zeros}e${exponent}`);

/**
 * Amounts whose sums stay within decimal.js's 100 significant digits (up to 30 digits, exponents
 * ±20): there decimal.js is exact, as units always are (beyond, decimal.js rounds and units do not).
 */
const amountText = fc
  .tuple(fc.constantFrom('', '-'), fc.stringMatching(/^[0-9]{1,30}$/), fc.integer({ min: -20, max: 20 }))
  .map(([sign, digits, exponent]) => `${sign}${digits}e${exponent}`);

describe('sandbox exchange: integer money (issue 14)', () => {
  it('property: units at a scale give back the value exactly, and exist exactly when it has at most that many places', () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 40 }), (text, scale) => {
        const value = new Decimal(text);
        const units = unitsAt(value, scale);
        const fits = value.decimalPlaces() <= scale && !(value.isZero() && value.isNegative());
        expect(units !== null, `${text} at ${scale}`).to.equal(fits);
        if (units !== null) {
          expect(decimalOfUnits(units, scale).toFixed()).to.equal(value.toFixed());
          expect(units.toString()).to.equal(value.times(new Decimal(10).pow(scale)).toFixed());
        }
      }),
      runs(3000),
    );
  });

  it('property: a Decimal built from units is the one decimal.js parses from their text, field for field', () => {
    // decimalOfUnits writes decimal.js's representation itself for units within ±2^53: the words,
    // the exponent and the sign must be exactly the parser's (any trailing zeros, any scale).
    const units = fc.oneof(
      fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n }),
      fc
        .tuple(fc.bigInt({ min: -99_999_999n, max: 99_999_999n }), fc.integer({ min: 0, max: 12 }))
        .map(([n, zeros]) => n * 10n ** BigInt(zeros)),
      fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
    );
    fc.assert(
      fc.property(units, fc.integer({ min: 0, max: 40 }), (n, scale) => {
        const built = decimalOfUnits(n, scale);
        const parsed = new Decimal(`${n}e-${scale}`);
        expect({ s: built.s, e: built.e, d: built.d }, `${n}e-${scale}`).to.deep.equal({
          s: parsed.s,
          e: parsed.e,
          d: parsed.d,
        });
        expect(built.toFixed()).to.equal(parsed.toFixed());
        expect(built).to.be.instanceOf(Decimal);
        expect(Object.keys(built)).to.deep.equal(Object.keys(parsed));
      }),
      runs(5000),
    );
  });

  it('property: compareDecimals answers what decimal.js comparedTo answers, for every shape, zeros, NaN and infinities', () => {
    const special = fc.constantFrom(
      '0',
      '-0',
      'NaN',
      'Infinity',
      '-Infinity',
      '1e-100',
      '-1e100',
      '9999999',
      '10000000',
    );
    const value = fc.oneof(decimalText, special);
    // Pairs alike but for one digit, or for extra digits at the end: same sign, same exponent, so
    // the words decide (random pairs rarely share an exponent).
    const close = fc
      .tuple(
        fc.constantFrom('', '-'),
        fc.stringMatching(/^[1-9][0-9]{0,29}$/),
        fc.nat(),
        fc.integer({ min: 0, max: 9 }),
        fc.stringMatching(/^[0-9]{0,9}$/),
        fc.integer({ min: -30, max: 30 }),
      )
      .map(([sign, digits, at, digit, tail, exponent]) => {
        const k = 1 + (at % digits.length);
        const other = digits.slice(0, k - 1) + String(Math.max(digit, k === 1 ? 1 : 0)) + digits.slice(k);
        return [`${sign}${digits}e${exponent}`, `${sign}${other}${at % 2 === 0 ? tail : ''}e${exponent}`] as const;
      });
    const pair = fc.oneof(fc.tuple(value, value), close);
    fc.assert(
      fc.property(pair, fc.boolean(), ([x, y], same) => {
        const a = new Decimal(x);
        // The same object, and equal values in two objects (another text of one value).
        const b = same ? a : new Decimal(y);
        const expected = a.comparedTo(b);
        const answered = compareDecimals(a, b);
        expect(Object.is(answered, expected) || answered === expected, `${x} vs ${y}: ${answered}`).to.equal(true);
        expect(compareDecimals(b, a), `${y} vs ${x}`).to.satisfy((n: number) =>
          Number.isNaN(expected) ? Number.isNaN(n) : n === -expected || (expected === 0 && n === 0),
        );
        expect(compareDecimals(a, new Decimal(a.toString()))).to.satisfy((n: number) =>
          a.isNaN() ? Number.isNaN(n) : n === 0,
        );
      }),
      runs(5000),
    );
  });

  it('property: any finite value has units at its own places; -0 and zero are 0', () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const value = new Decimal(text);
        const [units, scale] = scaledOf(value) as [bigint, number];
        expect(scale).to.equal(value.isZero() ? 0 : value.decimalPlaces());
        expect(decimalOfUnits(units, scale).toFixed()).to.equal(value.toFixed());
      }),
      runs(2000),
    );
    expect(scaledOf(new Decimal('-0'))).to.deep.equal([0n, 0]);
    expect(scaledOf(new Decimal(NaN))).to.equal(null);
    expect(scaledOf(new Decimal(Infinity))).to.equal(null);
  });

  it('property: a decimal column stores units as it stores the Decimal of the same value, beyond 2^53 too', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: 0, max: 60 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (values) => {
          const byUnits = new DecimalColumn(1);
          const byDecimal = new DecimalColumn(1);
          byUnits.grow(values.length);
          byDecimal.grow(values.length);
          values.forEach(([units, scale], row) => {
            byUnits.setUnits(row, units, scale);
            byDecimal.set(row, decimalOfUnits(units, scale));
          });
          values.forEach(([units, scale], row) => {
            const expected = new Decimal(`${units}e-${scale}`).toFixed();
            expect(byUnits.get(row).toFixed()).to.equal(expected);
            expect(byDecimal.get(row).toFixed()).to.equal(expected);
          });
        },
      ),
      runs(300),
    );
  });

  it('property: an account adds, reserves and releases in units what decimal.js adds, whatever the scales', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('change', 'reserve', 'release'), amountText), { maxLength: 30 }),
        (steps) => {
          const ledger = new Ledger(
            new Context(resolveConfig({ products: PRODUCTS, currencies: CURRENCIES }), new Clock().now),
          );
          const source = { action: 'deposit', objectType: 'Deposit', objectId: 1 } as const;
          let balance = new Decimal(0);
          let reserved = new Decimal(0);
          for (const [step, text] of steps) {
            const amount = new Decimal(text).abs();
            if (step === 'change') {
              ledger.change(1, 'USD', new Decimal(text), source);
              balance = balance.plus(text);
            } else if (step === 'reserve') {
              const refused = balance.minus(reserved).lessThan(amount);
              let threw = false;
              try {
                ledger.reserve(1, 'USD', amount);
              } catch {
                threw = true;
              }
              expect(threw).to.equal(refused);
              if (!refused) reserved = reserved.plus(amount);
            } else {
              ledger.release(1, 'USD', amount);
              reserved = Decimal.max(reserved.minus(amount), 0);
            }
            const account = ledger.account(1, 'USD');
            expect([account.balance.toFixed(), account.reserved.toFixed()]).to.deep.equal([
              balance.toFixed(),
              reserved.toFixed(),
            ]);
          }
          const history = ledger.historyOf(1);
          if (history.length > 0) expect(history.at(history.length - 1).balance.toFixed()).to.equal(balance.toFixed());
        },
      ),
      runs(300),
    );
  });

  it('property: a quantity is checked in units as the Decimal rule checks it (size first, then places)', () => {
    const config = resolveConfig({ products: PRODUCTS, currencies: CURRENCIES });
    const products = [...config.products.values()];
    fc.assert(
      fc.property(decimalText, fc.constantFrom(...products), (text, product) => {
        const quantity = new Decimal(text);
        const expected =
          quantity.lessThan(product.minimumOrderQuantity) || quantity.isZero() || quantity.isNegative()
            ? 'less_than_order_size'
            : quantity.decimalPlaces() > product.quantityPrecision
              ? 'invalid_precision'
              : 'ok';
        let answer = 'ok';
        try {
          checkQuantity(quantity, product);
        } catch (error) {
          if (!(error instanceof ExchangeError)) throw error;
          answer = error.code ?? error.message;
        }
        expect(answer, `${text} on ${product.currencyPairCode}`).to.equal(expected);
      }),
      runs(3000),
    );
  });
});
