import { expect } from 'chai';
import fc from 'fast-check';
import { parse as losslessParse } from 'lossless-json';
import { parseLossless } from '../../lib/core/json.js';

/** lossless-json, with numbers kept as their source text: the oracle. */
const oracle = (text: string): unknown => losslessParse(text, undefined, (s: string) => s);

describe('core/json parseLossless', () => {
  it('keeps every number as its exact source text', () => {
    const body = parseLossless('{"price": 976382.0, "q": 0.12345678901234567891, "big": 12345678901234567890, "e": 1e-8, "neg": -0.5}');
    expect(body).to.deep.equal({ price: '976382.0', q: '0.12345678901234567891', big: '12345678901234567890', e: '1e-8', neg: '-0.5' });
  });

  it('leaves strings, booleans, null and nesting alone, including digits inside strings', () => {
    const body = parseLossless('{"a": "12.5", "b": [true, false, null, "x\\"1\\\\", {"c": [1, [2]]}], "d": "-3"}');
    expect(body).to.deep.equal({ a: '12.5', b: [true, false, null, 'x"1\\', { c: ['1', ['2']] }], d: '-3' });
  });

  it('parses a top-level number and array', () => {
    expect(parseLossless(' 42 ')).to.equal('42');
    expect(parseLossless('[100, 50, 25]')).to.deep.equal(['100', '50', '25']);
  });

  for (const bad of ['{"a": 1.2.3}', '{"a": 01}', '{"a": -}', '{"a": 1e}', '{1: 2}', '{"a": 1, 2: 3}', '{"a": .5}', '{"a": 1,}', '', 'API Authentication failed', '{"a": 1', '<html>']) {
    it(`refuses text that is not JSON: ${JSON.stringify(bad)}`, () => {
      expect(() => parseLossless(bad)).to.throw(SyntaxError);
    });
  }

  it('agrees with lossless-json on any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(parseLossless(text)).to.deep.equal(oracle(text));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with lossless-json on exact decimal text (property)', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.option(fc.stringMatching(/^\d{1,25}$/), { nil: undefined }))
      .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 10 }), (numbers) => {
        const text = `{"models": [${numbers.map((n) => `{"price": ${n}, "quantity": "${n}"}`).join(',')}]}`;
        const parsed = parseLossless(text) as { models: { price: string; quantity: string }[] };
        expect(parsed).to.deep.equal(oracle(text));
        parsed.models.forEach((m, i) => expect(m.price).to.equal(numbers[i]));
      }),
    );
  });

  it('accepts exactly what lossless-json accepts on mutated JSON (property)', () => {
    const mutated = fc
      .tuple(fc.jsonValue().map((v) => JSON.stringify(v)), fc.nat(), fc.constantFrom('', '1', '-', '.', 'e', ',', ':', '"', '{', '}', '[', ']', '01', ' '))
      .map(([text, at, insert]) => {
        const i = text.length === 0 ? 0 : at % text.length;
        return text.slice(0, i) + insert + text.slice(i + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(mutated, (text) => {
        let expected: unknown;
        let oracleFailed = false;
        try {
          expected = oracle(text);
        } catch {
          oracleFailed = true;
        }
        if (oracleFailed) expect(() => parseLossless(text), text).to.throw(SyntaxError);
        else expect(parseLossless(text), text).to.deep.equal(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
