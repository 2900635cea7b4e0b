import { expect } from 'chai';
import * as input from '../../lib/core/coerce.js';
import { QuoineRequestError } from '../../lib/core/errors.js';

/** The QuoineRequestError `coerce` throws: its field and message. */
function refusal(coerce: () => unknown): { field: string | undefined; message: string } {
  try {
    coerce();
  } catch (e) {
    expect(e).to.be.instanceOf(QuoineRequestError);
    return { field: (e as QuoineRequestError).field, message: (e as Error).message };
  }
  throw new Error('expected a QuoineRequestError');
}

describe('core/coerce (input coercers)', () => {
  it('reads Unix seconds from a Date or whole seconds, refusing fractions, negatives and text', () => {
    expect(input.unixSeconds(new Date(1632493000_999), 'since')).to.equal(1632493000);
    expect(input.unixSeconds(1632493000, 'since')).to.equal(1632493000);
    for (const bad of [-1, 1.5, '1632493000', new Date(Number.NaN), null]) {
      expect(refusal(() => input.unixSeconds(bad, 'until'))).to.include({ field: 'until' });
    }
  });

  it('pages: limit 1–1000 (1000 when absent), page ≥ 1 (1 when absent)', () => {
    expect([input.pageLimit(undefined), input.pageLimit(1), input.pageLimit(1000)]).to.deep.equal([1000, 1, 1000]);
    expect([input.pageNumber(undefined), input.pageNumber(7)]).to.deep.equal([1, 7]);
    for (const bad of [0, 1001, 2.5, '10', Number.NaN])
      expect(refusal(() => input.pageLimit(bad))).to.include({ field: 'limit' });
    for (const bad of [0, -1, 1.5, '2']) expect(refusal(() => input.pageNumber(bad))).to.include({ field: 'page' });
  });

  it('whole numbers with a minimum, named as the caller says', () => {
    expect(input.wholeNumber(25, 'leverageLevel', 1)).to.equal(25);
    expect(refusal(() => input.wholeNumber(0, 'leverageLevel', 1)).message).to.equal(
      'leverageLevel must be a whole number ≥ 1, got 0',
    );
    expect(refusal(() => input.wholeNumber(0.5, 'resolution', 1, 'whole seconds')).message).to.equal(
      'resolution must be whole seconds ≥ 1, got 0.5',
    );
    expect(refusal(() => input.wholeNumber('60', 'resolution', 1)).field).to.equal('resolution');
  });

  it('enums, currencies, client order ids, text and booleans name the option they refuse', () => {
    expect(input.oneOf('buy', ['buy', 'sell'], 'side')).to.equal('buy');
    expect(refusal(() => input.oneOf('long', ['buy', 'sell'], 'side')).message).to.equal(
      'side must be one of "buy", "sell", got "long"',
    );
    expect(input.currency('USD', 'currency')).to.equal('USD');
    expect(refusal(() => input.currency('../orders', 'fundingCurrency')).field).to.equal('fundingCurrency');
    expect(input.clientOrderId('bot-0001')).to.equal('bot-0001');
    expect(refusal(() => input.clientOrderId('x'.repeat(37))).field).to.equal('clientOrderId');
    expect(refusal(() => input.text('a\nb', 'address')).field).to.equal('address');
    expect(refusal(() => input.bool('true', 'fundReloaned')).field).to.equal('fundReloaned');
  });

  it('a non-zero decimal of either sign (a margin delta)', () => {
    expect(input.decimalText('-2.5', 'delta', 'nonZero')).to.equal('-2.5');
    for (const zero of ['0', '-0', 0, '0.000'])
      expect(refusal(() => input.decimalText(zero, 'delta', 'nonZero')).message).to.equal('delta must not be zero');
  });

  it('flags are 1 or left out; optional options are coerced only when given', () => {
    expect([input.flag(true), input.flag(false), input.flag(undefined)]).to.deep.equal([1, undefined, undefined]);
    expect(input.optional(undefined, () => 'called')).to.equal(undefined);
    expect(input.optional('5', (v) => input.id(v, 'productId'))).to.equal(5);
  });
});
