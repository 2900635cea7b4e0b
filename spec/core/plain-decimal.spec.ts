import { expect } from 'chai';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { QDecimal, compareDecimalTexts, plainDecimal } from '../../lib/core/decimal.js';
import { toDecimal } from '../../lib/core/wire-values.js';
import { runs } from '../helpers/property-runs.js';

const PLAIN = /^-?\d+(\.\d+)?$/;
const digits = (max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom('0', '0', '0', '1', '5', '9'), { minLength: 1, maxLength: max }).map((d) => d.join(''));
/** Plain decimal texts, leading and trailing zeros included, across the 7-digit word boundaries. */
const plainText = fc
  .tuple(fc.boolean(), digits(30), fc.option(digits(30), { nil: undefined }))
  .map(([negative, int, fraction]) => `${negative ? '-' : ''}${int}${fraction === undefined ? '' : `.${fraction}`}`);

/** The object decimal.js builds, with its own properties in order. */
function expectSameDecimal(actual: unknown, text: string): void {
  const reference = new QDecimal(text);
  expect(actual, text).to.be.instanceOf(QDecimal);
  expect(actual, text).to.deep.equal(reference);
  expect(Object.keys(actual as object), text).to.deep.equal(Object.keys(reference));
  expect((actual as QDecimal).toFixed(), text).to.equal(reference.toFixed());
}

describe('core/decimal plainDecimal (the one-pass reader of plain decimal text)', () => {
  it('builds the same QDecimal as decimal.js for any plain decimal text (property)', () => {
    fc.assert(
      fc.property(plainText, (text) => expectSameDecimal(plainDecimal(text), text)),
      runs(3000),
    );
  });

  it('reads the word boundaries, zeros and signs exactly', () => {
    for (const text of [
      '0',
      '-0',
      '0.000',
      '-000.000',
      '100',
      '9999999',
      '10000000',
      '1234567.1234567',
      '12345678',
      '0.1234567',
      '0.12345678',
      '0.0000001',
      '0.00000001',
      '0.000000123456789',
      '00012.3400',
      '976382.12000',
      '-0.5',
      '123456789012345678901234567890.123456789012345678901',
    ])
      expectSameDecimal(plainDecimal(text), text);
  });

  it('leaves any other text to decimal.js (undefined), never guessing', () => {
    for (const text of [
      '',
      '-',
      '1.',
      '.5',
      '1e5',
      '1E-3',
      '--1',
      '+1',
      '1.2.3',
      'abc',
      ' 1',
      '1 ',
      '0x10',
      'Infinity',
      'NaN',
    ])
      expect(plainDecimal(text), text).to.equal(undefined);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const read = plainDecimal(text);
        if (PLAIN.test(text)) expectSameDecimal(read, text);
        else expect(read, text).to.equal(undefined);
      }),
      runs(3000),
    );
  });

  it("builds an object no user can tell from decimal.js's: prototype, own property descriptors, class checks, arithmetic", () => {
    for (const text of ['0', '-0', '0.001', '976382.0', '-123456789012345678901234567890.5']) {
      const ours = plainDecimal(text) as QDecimal;
      const theirs = new QDecimal(text);
      expect(Object.getPrototypeOf(ours), text).to.equal(Object.getPrototypeOf(theirs));
      expect(Object.getOwnPropertyDescriptors(ours), text).to.deep.equal(Object.getOwnPropertyDescriptors(theirs));
      expect(ours.constructor, text).to.equal(QDecimal);
      expect(ours, text).to.be.instanceOf(Decimal);
      expect(Decimal.isDecimal(ours) && QDecimal.isDecimal(ours), text).to.equal(true);
      expect(Object.prototype.toString.call(ours)).to.equal(Object.prototype.toString.call(theirs));
      expect(ours.plus('0.1').times(3).toFixed(), text).to.equal(theirs.plus('0.1').times(3).toFixed());
      expect(new QDecimal(ours).eq(theirs) && ours.eq(theirs), text).to.equal(true);
      expect(JSON.stringify(ours), text).to.equal(JSON.stringify(theirs));
    }
  });

  it('is what toDecimal returns for a plain wire text, and toDecimal still refuses what it refused', () => {
    expectSameDecimal(toDecimal('976382.12000'), '976382.12000');
    expectSameDecimal(toDecimal('1e-8'), '1e-8');
    expect(() => toDecimal('1'.repeat(101))).to.throw(/at most 100 characters/);
    expect(() => toDecimal('1.')).to.throw(/a decimal/);
    expect(() => toDecimal('1e200')).to.throw(/magnitude/);
  });

  it('compareDecimalTexts orders plain texts as QDecimal comparedTo does (property)', () => {
    fc.assert(
      fc.property(plainText, plainText, (a, b) => {
        expect(compareDecimalTexts(a, b), `${a} vs ${b}`).to.equal(new QDecimal(a).comparedTo(b));
        expect(compareDecimalTexts(a, a), a).to.equal(0);
      }),
      runs(5000),
    );
    for (const [a, b, c] of [
      ['10', '9.5', 1],
      ['100', '99.99', 1],
      ['10.00000000000000000001', '10', 1],
      ['0.50', '0.5', 0],
      ['000', '0.000', 0],
      ['0.05', '0.5', -1],
      ['1.10', '1.1', 0],
      ['-1', '0', -1],
      // One shape (same length, point at the same place): compared as characters.
      ['01.5', '10.5', -1],
      ['976382.10000', '976382.09999', 1],
      ['0010', '0010', 0],
      ['-1.5', '-2.5', 1],
    ] as const)
      expect(compareDecimalTexts(a, b), `${a} vs ${b}`).to.equal(c);
  });
});
