// Issue 14: decimal inputs are parsed once per distinct text (parse.ts keeps the Decimals of the
// valid texts it read). A text read again must answer exactly what its first reading answered, and
// the texts the table does not keep (too long, invalid) must be refused every time.
import { expect } from 'chai';
import fc from 'fast-check';
import { Decimal } from '../../../lib/sandbox/exchange/decimal.js';
import { ExchangeError } from '../../../lib/sandbox/exchange/errors.js';
import { decimalOf } from '../../../lib/sandbox/exchange/parse.js';
import { runs } from '../../helpers/property-runs.js';

/** What reading `text` answers: the decimal's exact text, or the refusal's field and code. */
function outcome(text: string, field: string): string {
  try {
    return `value ${decimalOf(text, field).toFixed()}`;
  } catch (error) {
    if (!(error instanceof ExchangeError)) throw error;
    return `refused ${error.field} ${error.code}`;
  }
}

/** What the uncached reading answers: trim, bound, pattern, Decimal, bound again. */
function expected(text: string, field: string): string {
  const trimmed = text.trim();
  const tooLong = `refused ${field} too_long`;
  if (trimmed.length > 32) return tooLong;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return `refused ${field} is_not_a_number`;
  const decimal = new Decimal(trimmed);
  const integerDigits = Math.max(decimal.e + 1, 1);
  const places = decimal.decimalPlaces();
  const length = (decimal.isNegative() ? 1 : 0) + integerDigits + (places > 0 ? places + 1 : 0);
  return length > 32 ? tooLong : `value ${decimal.toFixed()}`;
}

const texts = fc.oneof(
  fc.constantFrom('0.001', '976382', '1e-8', '2e-05', '-0', ' 1 ', '1e40', '1.', '.5', 'abc', '', '  '),
  fc.stringMatching(/^ {0,3}[+-]?\d{0,20}(\.\d{0,20})?([eE][+-]?\d{1,3})? {0,3}$/),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: 20, max: 60 }).map((length) => `1${'0'.repeat(length)}`),
);

describe('sandbox exchange: decimal inputs read once per text (issue 14)', () => {
  it('property: a text read again answers what it answered first, as the uncached reading does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(texts, fc.constantFrom('quantity', 'price')), { maxLength: 30 }), (inputs) => {
        for (const [text, field] of [...inputs, ...inputs])
          expect(outcome(text, field)).to.equal(expected(text, field));
      }),
      runs(300),
    );
  });

  it('a repeated valid text answers the same immutable Decimal; the field of a refusal is the caller’s', () => {
    expect(decimalOf('0.00123', 'quantity')).to.equal(decimalOf('0.00123', 'price'));
    expect(outcome('1e40', 'quantity')).to.equal('refused quantity too_long');
    expect(outcome('1e40', 'price')).to.equal('refused price too_long');
  });
});
