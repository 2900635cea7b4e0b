import { expect } from 'chai';
import fc from 'fast-check';
import { parse } from 'lossless-json';
import { DECLINED, parseRequestJson, QUICK_PARSE_MAX_DEPTH, quickParse } from '../../../lib/sandbox/wire/json.js';
import { unwrap } from '../../../lib/sandbox/server/params.js';
import { runs } from '../../helpers/property-runs.js';

/** lossless-json with numbers as their source text: what the sandbox parsed with before the fast path. */
const oracle = (text: string): unknown => parse(text, null, (source: string) => source);

/** The oracle's answer, or the fact that it throws. */
function outcome(read: (text: string) => unknown, text: string): { value: unknown } | 'throws' {
  try {
    return { value: read(text) };
  } catch {
    return 'throws';
  }
}

describe('sandbox wire: quickParse (the fast path of parseRequestJson)', () => {
  it('answers as lossless-json on any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const quick = quickParse(text);
        expect(quick).to.not.equal(DECLINED);
        expect((quick as { value: unknown }).value).to.deep.equal(oracle(text));
      }),
      runs(500),
    );
  });

  it('parseRequestJson answers or refuses exactly as lossless-json on mutated JSON (property)', () => {
    const mutated = fc
      .tuple(
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc.nat(),
        fc.constantFrom('', '1', '-', '.', 'e', 'E5', ',', ':', '"', '\\', '{', '}', '[', ']', '01', ' ', '"a":1,'),
      )
      .map(([text, at, insert]) => {
        const i = text.length === 0 ? 0 : at % text.length;
        return text.slice(0, i) + insert + text.slice(i + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(mutated, (text) => {
        expect(outcome(parseRequestJson, text), text).to.deep.equal(outcome(oracle, text));
      }),
      runs(3000),
    );
  });

  for (const planted of [{ a: 1 }, 7]) {
    it(`reads a body beside an enumerable property on Object.prototype (${JSON.stringify(planted)}), as lossless-json does`, () => {
      // The host process may have polluted the prototype: an object there once sent the key count
      // round it forever (a stack overflow, answered as invalid JSON to every request).
      const proto = Object.prototype as Record<string, unknown>;
      proto.planted = planted;
      try {
        const text = '{"order":{"quantity":0.10,"price":[1e3]}}';
        expect(outcome(quickParse, text)).to.deep.equal({ value: { value: oracle(text) } });
        expect(outcome(parseRequestJson, text)).to.deep.equal({ value: oracle(text) });
        expect(quickParse('{"a":1,"a":1}')).to.equal(DECLINED);
      } finally {
        delete proto.planted;
      }
    });
  }

  it('keeps number text, string digits and escapes as lossless-json does', () => {
    for (const text of [
      '{"order":{"price":976382.0,"quantity":"0.001","product_id":5,"n":1594964584123456789,"e":-1.5E-8}}',
      '{"a":"12\\"3","b":["\\\\",-0,0.5e+3,true,false,null],"c":{"__proto__":1}}',
      ' [1, {"x": [2, {"y": 3}]}] ',
    ]) {
      const quick = quickParse(text);
      expect(quick, text).to.not.equal(DECLINED);
      expect((quick as { value: unknown }).value).to.deep.equal(oracle(text));
    }
  });

  for (const [why, text] of [
    ['a number where a key belongs', '{1:2}'],
    ['a number key after a comma', '{"a":1,2:3}'],
    ['a token that is not a number', '{"a":01}'],
    ['a dangling exponent', '{"a":1e}'],
    ['a repeated key with another value', '{"price":"1","price":"1000000"}'],
    ['a repeated key with the same value', '{"price":1,"price":1}'],
    ['an escaped repeat', '{"a":1,"\\u0061":2}'],
    ['text JSON.parse refuses', '{"a":1,}'],
    ['nesting past the bound', '['.repeat(QUICK_PARSE_MAX_DEPTH + 1) + ']'.repeat(QUICK_PARSE_MAX_DEPTH + 1)],
  ] as const) {
    it(`declines ${why}, and parseRequestJson answers as lossless-json`, () => {
      expect(quickParse(text)).to.equal(DECLINED);
      expect(outcome(parseRequestJson, text)).to.deep.equal(outcome(oracle, text));
    });
  }
});

describe('sandbox server: unwrap', () => {
  /** The merge as written before its fast path: outer fields, then the wrapped ones. */
  const general = (params: Record<string, unknown>, wrapper: string): unknown => {
    const inner = params[wrapper];
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return params;
    const { [wrapper]: _wrapped, ...outer } = params;
    return { ...outer, ...(inner as Record<string, unknown>) };
  };

  it('answers as the general merge on any parsed body, wrapped or not (property)', () => {
    const body = fc.oneof(
      fc.dictionary(fc.constantFrom('order', 'price', '__proto__', 'a'), fc.jsonValue()),
      fc.record({ order: fc.dictionary(fc.constantFrom('price', '__proto__', 'order', 'b'), fc.jsonValue()) }),
    );
    fc.assert(
      fc.property(body, (value) => {
        const params = parseRequestJson(JSON.stringify(value)) as Record<string, unknown>;
        const merged = unwrap(params, 'order');
        expect(merged).to.deep.equal(general(params, 'order'));
        expect(Object.getPrototypeOf(merged)).to.equal(Object.prototype);
      }),
      runs(500),
    );
  });
});
