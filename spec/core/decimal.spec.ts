import { expect } from 'chai';
import { Decimal } from 'decimal.js';
import { decimal as toDecimalInput, decimalText as toWireDecimal, id as toIdInput } from '../../lib/core/coerce.js';
import { QDecimal } from '../../lib/core/decimal.js';
import { QuoineRequestError } from '../../lib/core/errors.js';

describe('core/decimal', () => {
  it('adds exchange values without rounding and never prints exponents', () => {
    const sum = new QDecimal('99999999999999999999.5').plus('0.4');
    expect(sum.toString()).to.equal('99999999999999999999.9');
    expect(new QDecimal('0.00000001').toString()).to.equal('0.00000001');
    expect(new QDecimal('123456789012.123456789012').times('1.000000000001').toFixed()).to.equal(
      '123456789012.246913578024123456789012',
    );
    expect(new QDecimal('1')).to.be.instanceOf(Decimal);
  });

  it('leaves the global Decimal settings alone', () => {
    expect(Decimal.precision).to.equal(20);
    expect(new Decimal('0.00000001').toString()).to.equal('1e-8');
  });

  describe('toDecimalInput', () => {
    it('accepts Decimal, plain decimal strings and numbers that print as themselves', () => {
      expect(toDecimalInput(new Decimal('0.5'), 'x').toFixed()).to.equal('0.5');
      expect(toDecimalInput('0.01', 'x').toFixed()).to.equal('0.01');
      expect(toDecimalInput(0.3, 'x').toFixed()).to.equal('0.3');
      expect(toDecimalInput(500000, 'x').toFixed()).to.equal('500000');
      expect(toWireDecimal(new QDecimal('1e-8'), 'x')).to.equal('0.00000001');
    });

    it('refuses float noise with a message that suggests a string', () => {
      expect(() => toDecimalInput(0.1 + 0.2, 'price'))
        .to.throw(QuoineRequestError, /price 0\.30000000000000004 is not an exact decimal.*'0\.3'/)
        .with.property('field', 'price');
    });

    const refused: Array<[string, unknown, RegExp]> = [
      ['NaN', Number.NaN, /finite/],
      ['Infinity', Number.POSITIVE_INFINITY, /finite/],
      ['a NaN Decimal', new Decimal(Number.NaN), /finite/],
      ['an exponent string', '1e-8', /plain decimal string/],
      ['a padded string', ' 1.5 ', /plain decimal string/],
      ['an empty string', '', /plain decimal string/],
      ['a word', 'abc', /plain decimal string/],
      ['null', null, /got null/],
      ['an object', {}, /got an object/],
      ['a bigint', 10n, /got 10/],
    ];
    for (const [what, value, message] of refused) {
      it(`refuses ${what}`, () => {
        expect(() => toDecimalInput(value, 'quantity')).to.throw(QuoineRequestError, message);
      });
    }

    it('applies sign rules', () => {
      expect(() => toDecimalInput('0', 'quantity', 'positive')).to.throw(QuoineRequestError, /greater than zero/);
      expect(() => toDecimalInput('-1', 'quantity', 'positive')).to.throw(QuoineRequestError, /greater than zero/);
      expect(() => toDecimalInput('-0', 'quantity', 'positive')).to.throw(QuoineRequestError, /greater than zero/);
      expect(() => toDecimalInput('-0.01', 'price', 'nonNegative')).to.throw(
        QuoineRequestError,
        /must not be negative/,
      );
      expect(toWireDecimal('-0', 'price', 'nonNegative')).to.equal('0');
      expect(toWireDecimal('-3', 'delta')).to.equal('-3');
    });
  });

  describe('toIdInput', () => {
    it('accepts safe positive integers and numeric strings', () => {
      expect(toIdInput(5, 'id')).to.equal(5);
      expect(toIdInput('2914273073', 'id')).to.equal(2914273073);
    });
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 53, '5a', '', ' 5', null, undefined]) {
      it(`refuses ${String(bad)}`, () => {
        expect(() => toIdInput(bad, 'productId')).to.throw(
          QuoineRequestError,
          /productId must be a positive integer id/,
        );
      });
    }
  });
});
