/**
 * toInt and toDate read a short digit string themselves (no pattern, no `Number`). The oracle is
 * what they did before, written here from the module's rules: an integer is `-?\d+` that `Number`
 * makes a safe integer (`-0` read as 0); whole Unix seconds are `\d+` up to the year 9999. On any
 * text of digits, signs, points and odd characters, both must give the same value or refuse.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { WireValueError, toDate, toInt } from '../../lib/core/wire-values.js';
import { runs } from '../helpers/property-runs.js';

function oracleInt(text: string): number | undefined {
  if (text.length > 100 || !/^-?\d+$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? (n === 0 ? 0 : n) : undefined;
}

function oracleSeconds(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n <= 253_402_300_799 ? n * 1000 : undefined;
}

const read = <T>(convert: () => T): T | 'refused' => {
  try {
    return convert();
  } catch (e) {
    expect(e).to.be.instanceOf(WireValueError);
    return 'refused';
  }
};

/** Texts around the fast path's edges: 0–20 characters of digits, with signs, points and others. */
const numeric = fc
  .array(fc.constantFrom('0', '0', '1', '5', '9', '9', '-', '+', '.', 'e', ' ', '\u0661', 'x'), { maxLength: 20 })
  .map((chars) => chars.join(''));
const digits = fc
  .tuple(fc.boolean(), fc.stringMatching(/^\d{1,20}$/))
  .map(([negative, d]) => `${negative ? '-' : ''}${d}`);

describe('core/wire-values: integers and whole seconds read without a pattern', () => {
  it('toInt agrees with -?\\d+ read by Number as a safe integer (property)', () => {
    fc.assert(
      fc.property(fc.oneof(numeric, digits), (text) => {
        const expected = oracleInt(text);
        const actual = read(() => toInt(text));
        if (expected === undefined) expect(actual, text).to.equal('refused');
        else expect(Object.is(actual, expected), `${text}: ${String(actual)}`).to.equal(true);
      }),
      runs(5000),
    );
  });

  it('toDate agrees on whole seconds, and still reads or refuses everything else as before (property)', () => {
    fc.assert(
      fc.property(fc.oneof(numeric, digits), (text) => {
        const expected = oracleSeconds(text);
        const actual = read(() => toDate(text));
        if (expected !== undefined) expect(actual instanceof Date ? actual.getTime() : actual, text).to.equal(expected);
        else if (actual !== 'refused')
          expect(/^\d+\.\d*$/.test(text), `${text} read as ${String(actual)}`).to.equal(true);
      }),
      runs(5000),
    );
  });

  it('reads the edges exactly', () => {
    for (const [text, value] of [
      ['0', 0],
      ['-0', 0],
      ['000000000000012', 12],
      ['999999999999999', 999_999_999_999_999],
      ['-999999999999999', -999_999_999_999_999],
      ['9007199254740991', Number.MAX_SAFE_INTEGER],
      ['-9007199254740991', -Number.MAX_SAFE_INTEGER],
      ['2914273073', 2_914_273_073],
    ] as const)
      expect(Object.is(toInt(text), value), text).to.equal(true);
    for (const text of ['', '-', '--1', '+1', '1-', '9007199254740992', '-9007199254740992', '1.0', ' 1', '0x1'])
      expect(
        read(() => toInt(text)),
        text,
      ).to.equal('refused');
    expect(toDate('253402300799').getTime()).to.equal(253_402_300_799_000);
    expect(toDate('000000000001').getTime()).to.equal(1000);
    for (const text of ['253402300800', '999999999999', '', '-1', '1e9'])
      expect(
        read(() => toDate(text)),
        text,
      ).to.equal('refused');
  });
});
