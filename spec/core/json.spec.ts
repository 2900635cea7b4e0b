import { expect } from 'chai';
import fc from 'fast-check';
import { parse as losslessParse } from 'lossless-json';
import sinon from 'sinon';
import { JsonLimitError, MAX_JSON_DEPTH, MAX_JSON_VALUES, parseLossless } from '../../lib/core/json.js';
import { runs } from '../helpers/property-runs.js';

/** lossless-json, with numbers kept as their source text: the oracle. */
const oracle = (text: string): unknown => losslessParse(text, undefined, (s: string) => s);

/**
 * The properties run from a fixed seed, so a run is reproducible; `FC_SEED=<n>` explores another
 * one. fast-check names the seed and the counterexample's path in every failure it reports.
 */

/** Whether valid JSON `text` repeats a key in some object: more keys in the text than in its value. */
function repeatsAKey(text: string): boolean {
  const inText = [...text.matchAll(/"(?:[^"\\]|\\.)*"(\s*:)?/g)].filter((m) => m[1] !== undefined).length;
  const count = (v: unknown): number =>
    Array.isArray(v)
      ? v.reduce((n: number, x) => n + count(x), 0)
      : typeof v === 'object' && v !== null
        ? Object.values(v).reduce((n: number, x) => n + 1 + count(x), 0)
        : 0;
  return inText > count(JSON.parse(text));
}

describe('core/json parseLossless', () => {
  it('keeps every number as its exact source text', () => {
    const body = parseLossless(
      '{"price": 976382.0, "q": 0.12345678901234567891, "big": 12345678901234567890, "e": 1e-8, "neg": -0.5}',
    );
    expect(body).to.deep.equal({
      price: '976382.0',
      q: '0.12345678901234567891',
      big: '12345678901234567890',
      e: '1e-8',
      neg: '-0.5',
    });
  });

  it('leaves strings, booleans, null and nesting alone, including digits inside strings', () => {
    const body = parseLossless('{"a": "12.5", "b": [true, false, null, "x\\"1\\\\", {"c": [1, [2]]}], "d": "-3"}');
    expect(body).to.deep.equal({ a: '12.5', b: [true, false, null, 'x"1\\', { c: ['1', ['2']] }], d: '-3' });
  });

  it('parses a top-level number and array', () => {
    expect(parseLossless(' 42 ')).to.equal('42');
    expect(parseLossless('[100, 50, 25]')).to.deep.equal(['100', '50', '25']);
  });

  for (const bad of [
    '{"a": 1.2.3}',
    '{"a": 01}',
    '{"a": -}',
    '{"a": 1e}',
    '{1: 2}',
    '{"a": 1, 2: 3}',
    '{"a": .5}',
    '{"a": 1,}',
    '',
    'API Authentication failed',
    '{"a": 1',
    '<html>',
  ]) {
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
      runs(500),
    );
  });

  it('agrees with lossless-json on exact decimal text (property)', () => {
    const decimal = fc
      .tuple(
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.option(fc.stringMatching(/^\d{1,25}$/), { nil: undefined }),
      )
      .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(fc.array(decimal, { maxLength: 10 }), (numbers) => {
        const text = `{"models": [${numbers.map((n) => `{"price": ${n}, "quantity": "${n}"}`).join(',')}]}`;
        const parsed = parseLossless(text) as { models: Array<{ price: string; quantity: string }> };
        expect(parsed).to.deep.equal(oracle(text));
        parsed.models.forEach((m, i) => expect(m.price).to.equal(numbers[i]));
      }),
      runs(100),
    );
  });

  it('accepts exactly what lossless-json accepts on mutated JSON (property)', () => {
    const mutated = fc
      .tuple(
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc.nat(),
        fc.constantFrom('', '1', '-', '.', 'e', ',', ':', '"', '{', '}', '[', ']', '01', ' '),
      )
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
        // lossless-json lets a key repeat with an identical value; the policy refuses every repeat.
        if (oracleFailed || repeatsAKey(text)) expect(() => parseLossless(text), text).to.throw(SyntaxError);
        else expect(parseLossless(text), text).to.deep.equal(expected);
      }),
      runs(2000),
    );
  });

  // Policy: a duplicate key is refused (as lossless-json refuses it), never resolved to one value.
  for (const dup of [
    '{"price": "1", "price": "1000000"}',
    '{"price": 1, "price": 1}',
    '{"a": 1, "\\u0061": 2}',
    '{"models": [{"id": 1, "quantity": "1", "quantity": "9"}]}',
    '{"x": {"a": 1}, "x": {"a": 1}}',
    '{"__proto__": 1, "__proto__": 2}',
    // Among objects with the same keys, and with escaped keys (the count of keys after the parse falls short):
    '[{"a": 1, "b": 2}, {"a": 1, "a": 2}]',
    '[{"a": 1, "b": 2}, {"a": 1, "b": 2, "a": 3}]',
    '[{"a": 1, "b": 2}, {"b": 1, "a": 2, "b": 3}]',
    '[{"a": 1, "b": 2}, {"a": 1}, {"a": 1, "b": 2, "b": 3}]',
    '[{"a\\u0062": 1}, {"a\\u0062": 1, "ab": 2}]',
  ]) {
    it(`refuses an object with a duplicate key, even with an identical value: ${dup}`, () => {
      expect(() => parseLossless(dup)).to.throw(SyntaxError, /Duplicate key/);
      expect(repeatsAKey(dup)).to.equal(true);
    });
  }

  it('accepts the same key in different objects, and the key text inside values', () => {
    expect(parseLossless('{"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}], "c": "a"}')).to.deep.equal({
      a: { a: '1' },
      b: [{ a: '2' }, { a: '3' }],
      c: 'a',
    });
    expect(parseLossless('[{"a": 1}, {"a": 2}]')).to.deep.equal([{ a: '1' }, { a: '2' }]);
  });

  it('finds every duplicate key the mutated-JSON property can make (the case that made it flaky)', () => {
    // "ab" with its "a" deleted: the mutation that produced {"b":…,"b":…} about one run in twenty.
    const text = '{"ab":1,"b":2}'.replace('"ab"', '"b"');
    expect(() => oracle(text)).to.throw();
    expect(() => parseLossless(text)).to.throw(SyntaxError);
  });
});

describe('core/json parseLossless: bounds on what a parse builds (issue 10)', function () {
  this.timeout(60_000); // million-value texts, on a shared machine

  /** parseLossless(text), asserting that JSON.parse never ran: the refusal came from the scan. */
  function refusedBeforeParsing(text: string): Error {
    const parse = sinon.spy(JSON, 'parse');
    let error: unknown;
    try {
      parseLossless(text);
    } catch (e) {
      error = e;
    } finally {
      parse.restore();
    }
    expect(parse.called, 'JSON.parse ran on a text over the bounds').to.equal(false);
    expect(error).to.be.instanceOf(JsonLimitError).and.instanceOf(SyntaxError);
    return error as Error;
  }

  it("refuses the reviewer's 60 MiB of [[],[],…] (61 KB gzipped) by its value count, naming the bound", () => {
    const error = refusedBeforeParsing('[' + '[],'.repeat(20 * 1024 * 1024) + '[]]');
    expect(error.message).to.include(`more than ${MAX_JSON_VALUES} values`);
  });

  it("refuses the reviewer's 16 MiB of [0,0,…] by its value count", () => {
    expect(refusedBeforeParsing('[' + '0,'.repeat(8 * 1024 * 1024) + '0]').message).to.include(
      `more than ${MAX_JSON_VALUES} values`,
    );
  });

  for (const [kind, item, perItem] of [
    ['strings', '""', 1],
    ['literals', 'null', 1],
    ['empty objects', '{}', 1],
    ['objects with a key (the key is not a value)', '{"a":true}', 2],
  ] as const) {
    it(`counts ${kind}: ${MAX_JSON_VALUES} values parse, one more is refused`, () => {
      // The outer array is one value, each item `perItem`, each trailing 0 one.
      const items = Math.floor((MAX_JSON_VALUES - 1) / perItem);
      const text = (n: number): string =>
        `[${Array(items).fill(item).join(',')}${',0'.repeat(n - 1 - items * perItem)}]`;
      expect(parseLossless(text(MAX_JSON_VALUES))).to.have.length(MAX_JSON_VALUES - 1 - items * (perItem - 1));
      expect(refusedBeforeParsing(text(MAX_JSON_VALUES + 1)).message).to.include(`more than ${MAX_JSON_VALUES} values`);
    });
  }

  it(`accepts nesting ${MAX_JSON_DEPTH} deep and refuses one level more, arrays or objects, naming the bound`, () => {
    const arrays = (d: number): string => '['.repeat(d) + ']'.repeat(d);
    const objects = (d: number): string => '{"a":'.repeat(d - 1) + '{}' + '}'.repeat(d - 1);
    expect(() => parseLossless(arrays(MAX_JSON_DEPTH))).not.to.throw();
    expect(() => parseLossless(objects(MAX_JSON_DEPTH))).not.to.throw();
    expect(refusedBeforeParsing(arrays(MAX_JSON_DEPTH + 1)).message).to.include(`deeper than ${MAX_JSON_DEPTH} levels`);
    expect(refusedBeforeParsing(objects(MAX_JSON_DEPTH + 1)).message).to.include(
      `deeper than ${MAX_JSON_DEPTH} levels`,
    );
    // 100,000 open brackets: refused at the 65th, not a stack overflow in JSON.parse.
    refusedBeforeParsing('['.repeat(100_000));
  });

  it('does not count brackets, digits or letters inside strings', () => {
    const text = `[${JSON.stringify('['.repeat(MAX_JSON_DEPTH + 1) + '0,'.repeat(MAX_JSON_VALUES) + 'true')}]`;
    expect(parseLossless(text)).to.have.length(1);
  });
});
