/**
 * parseLossless puts each number's source text back into what JSON.parse made, in document
 * order (core/json-numbers.ts). These are the inputs that could make that order differ from the
 * tokens' order, or make the walk touch what it must not: keys that are array indices (for-in
 * lists them first), escaped keys, `__proto__`, an enumerable property on Object.prototype,
 * repeated keys whose first value held numbers, and numbers in odd places.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { parse as losslessParse } from 'lossless-json';
import sinon from 'sinon';
import {
  JsonLimitError,
  JsonSyntaxError,
  MAX_JSON_DEPTH,
  MAX_JSON_VALUES,
  parseLossless,
} from '../../lib/core/json.js';
import { runs } from '../helpers/property-runs.js';

/** lossless-json, with numbers kept as their source text: the oracle. */
const oracle = (text: string): unknown => losslessParse(text, undefined, (s: string) => s);

/** parseLossless agrees with the oracle, key order included (JSON.stringify writes keys in order). */
function expectOracle(text: string): void {
  const parsed = parseLossless(text);
  const expected = oracle(text);
  expect(parsed, text).to.deep.equal(expected);
  expect(JSON.stringify(parsed), text).to.equal(JSON.stringify(expected));
}

/** Keys an attacker would pick. */
const KEYS = [
  ...['0', '1', '2', '10', '01', '-1', '1.5', '4294967294', '4294967295', '9007199254740993'],
  ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'],
  ...['a', 'b', 'price', '', ' ', '"', '\\', '\\"', '"\\', '\u2028', '\ud800', '\udc00', '1a'],
];
/** A key's text: as JSON.stringify writes it, or with every UTF-16 unit escaped (`"\u0031"`). */
const keyText = (key: string, escaped: boolean): string =>
  escaped
    ? `"${Array.from({ length: key.length }, (_, i) => `\\u${key.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')}"`
    : JSON.stringify(key);
/** Number tokens that JSON.parse rounds, overflows or writes back differently. */
const NUMBERS = ['-0', '0', '0.0', '976382.0', '1e400', '-1e-400', '1E+2', '-1.5e-7', '0.1', '9007199254740993'];
const numberText = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.option(fc.nat(), { nil: undefined }))
    .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`),
);
const SCALARS = ['"x"', '"1.5"', '"\\"2\\""', '"\\\\"', 'true', 'false', 'null', '"\\ud800"'];

/** JSON text with hostile keys (each object's keys unique once unescaped) and many numbers. */
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    numberText,
    fc.constantFrom(...SCALARS),
    tie('array') as fc.Arbitrary<string>,
    tie('object') as fc.Arbitrary<string>,
  ),
  array: fc.array(tie('value') as fc.Arbitrary<string>, { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
  object: fc
    .uniqueArray(fc.tuple(fc.constantFrom(...KEYS), fc.boolean(), tie('value') as fc.Arbitrary<string>), {
      maxLength: 6,
      selector: ([key]) => key,
    })
    .map((members) => `{${members.map(([key, escaped, value]) => `${keyText(key, escaped)}:${value}`).join(',')}}`),
})).value;

describe('core/json parseLossless: numbers put back in document order', () => {
  it('agrees with lossless-json on hostile keys and odd numbers, key order included (property)', () => {
    fc.assert(
      fc.property(hostileJson, fc.constantFrom('', ' ', '\n  '), (text, space) => {
        expectOracle(text.replace(/([,:[{])/g, `$1${space}`));
      }),
      runs(3000),
    );
  });

  it('refuses a repeated key anywhere, however the repeat is escaped and whatever the first value held (property)', () => {
    const withRepeat = fc
      .tuple(
        fc.constantFrom(...KEYS),
        fc.boolean(),
        fc.boolean(),
        hostileJson,
        hostileJson,
        fc.array(fc.tuple(fc.constantFrom('x', 'y', 'z'), numberText), { maxLength: 3 }),
      )
      .map(([key, escapeFirst, escapeSecond, first, second, others]) => {
        const rest = others.map(([k, v]) => `"${k}${k}":${v}`);
        const members = [`${keyText(key, escapeFirst)}:${first}`, ...rest, `${keyText(key, escapeSecond)}:${second}`];
        return `[1.0,{"k":[${members.length}.5,{${members.join(',')}}]}]`;
      });
    fc.assert(
      fc.property(withRepeat, (text) => {
        expect(() => parseLossless(text), text).to.throw(JsonSyntaxError, /Duplicate key/);
      }),
      runs(1000),
    );
  });

  it('reads keys that are array indices, which for-in lists before the others', () => {
    expect(
      JSON.stringify(parseLossless('{"b": 1.10, "1": 2.20, "a": 3.30, "0": [4.40, {"2": 5.0, "x": 6}]}')),
    ).to.equal('{"0":["4.40",{"2":"5.0","x":"6"}],"1":"2.20","b":"1.10","a":"3.30"}');
    expect(parseLossless('{"a": 1.0, "\\u0031": 2.0, "\\u0030": 3.0}')).to.deep.equal({ 0: '3.0', 1: '2.0', a: '1.0' });
    expect(parseLossless('[{"x": 1.0}, {"1": 2.0, "x": 3.0}, {"x": 4.0}]')).to.deep.equal([
      { x: '1.0' },
      { 1: '2.0', x: '3.0' },
      { x: '4.0' },
    ]);
  });

  it('keeps a __proto__ key an own property, with its number, and never a prototype', () => {
    const one = parseLossless('{"a": 1.0, "__proto__": 2.50, "b": 3}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(one)).to.equal(Object.prototype);
    expect(Object.keys(one)).to.deep.equal(['a', '__proto__', 'b']);
    expect(Object.getOwnPropertyDescriptor(one, '__proto__')?.value).to.equal('2.50');
    const nested = parseLossless('[{"__proto__": {"polluted": 7.0, "x": [8.0]}, "n": 9.0}]') as Array<
      Record<string, unknown>
    >;
    const item = nested[0] as Record<string, unknown>;
    expect(Object.getPrototypeOf(item)).to.equal(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(item, '__proto__')?.value).to.deep.equal({ polluted: '7.0', x: ['8.0'] });
    expect(item.n).to.equal('9.0');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(() => parseLossless('{"__proto__": 1, "\\u005f_proto__": 2}')).to.throw(JsonSyntaxError, /Duplicate key/);
  });

  for (const names of [['planted', 'plantedNumber', ''], ['']]) {
    it(`reads right beside enumerable properties on Object.prototype (${JSON.stringify(names)}), never writing into them`, () => {
      const proto = Object.prototype as Record<string, unknown>;
      const planted: Record<string, unknown> = { planted: { price: 1, deep: [2] }, plantedNumber: 3, '': { price: 4 } };
      for (const name of names) proto[name] = planted[name];
      try {
        const parsed = parseLossless('{"a": 1.10, "b": {"price": 2.20}, "c": [3.30]}') as Record<string, unknown>;
        expect(Object.keys(parsed)).to.deep.equal(['a', 'b', 'c']);
        expect([parsed.a, parsed.b, parsed.c]).to.deep.equal(['1.10', { price: '2.20' }, ['3.30']]);
        expect(Object.keys(parsed.b as object)).to.deep.equal(['price']);
        for (const name of names) expect(proto[name]).to.equal(planted[name]);
        expect(planted).to.deep.equal({ planted: { price: 1, deep: [2] }, plantedNumber: 3, '': { price: 4 } });
        expect(() => parseLossless('{"a": 1, "a": 2}')).to.throw(JsonSyntaxError, /Duplicate key/);
      } finally {
        for (const name of names) Reflect.deleteProperty(proto, name);
      }
    });
  }

  for (const [text, key] of [
    ['{"a": {"x": 1, "y": [2, 3]}, "b": 4, "a": 5}', 'a'],
    ['{"a": 5, "b": 4, "a": {"x": 1, "y": [2, 3]}}', 'a'],
    ['[{"a": [1, 2]}, {"b": 3, "c": {"d": 4}, "b": [5]}, 6]', 'b'],
    ['{"1": 1, "\\u0031": 2}', '1'],
    ['{"0": 1, "a": 2, "0": 3}', '0'],
    ['{"a\\"b": 1, "a\\u0022b": 2}', 'a"b'],
    ['{"\\\\": 1, "\\u005c": 2}', '\\'],
    ['{"\\\\\\"": 1.0, "\\\\\\u0022": 1.0}', '\\"'],
    ['{"\\ud800": 1, "\\uD800": 2}', '\ud800'],
  ] as const) {
    it(`refuses a repeated key whose values held numbers, naming it: ${text}`, () => {
      expect(() => parseLossless(text)).to.throw(JsonSyntaxError, `Duplicate key ${JSON.stringify(key)}`);
    });
  }

  it('skips strings ending in escaped quotes and backslashes, and takes no digit inside one for a number', () => {
    const text = '["\\\\", 1.0, "\\"", 2.0, "a\\\\\\"3", 4.0, "\\\\\\\\", {"k5": "6.0", "7": "\\"8\\\\"}]';
    expect(parseLossless(text)).to.deep.equal([
      '\\',
      '1.0',
      '"',
      '2.0',
      'a\\"3',
      '4.0',
      '\\\\',
      { k5: '6.0', 7: '"8\\' },
    ]);
    expectOracle(text);
  });

  it('reads lone surrogates, raw and escaped, beside numbers', () => {
    for (const text of ['["\ud800", 1.0, "\udc00x", 2]', '["\\ud800", 1.0, {"\\udc00": 2.0}]', '{"\ud800": 1.0}'])
      expectOracle(text);
  });

  it('keeps numbers JSON.parse would round or overflow, anywhere, top level included', () => {
    for (const text of ['-0', ' 1e400 ', '-1.5E-7', '9007199254740993', '0.30000000000000004'])
      expect(parseLossless(text)).to.equal(text.trim());
    expect(parseLossless('[0.1, [9007199254740993, [1e400, {"x": -1e-400}]], -0]')).to.deep.equal([
      '0.1',
      ['9007199254740993', ['1e400', { x: '-1e-400' }]],
      '-0',
    ]);
    const deepArrays = '['.repeat(MAX_JSON_DEPTH) + '1.0, -2' + ']'.repeat(MAX_JSON_DEPTH);
    let value = parseLossless(deepArrays);
    for (let d = 1; d < MAX_JSON_DEPTH; d++) value = (value as unknown[])[0];
    expect(value).to.deep.equal(['1.0', '-2']);
    const deepObjects = '{"1":'.repeat(MAX_JSON_DEPTH - 1) + '{"a": 3.0, "0": 4.0}' + '}'.repeat(MAX_JSON_DEPTH - 1);
    value = parseLossless(deepObjects);
    for (let d = 1; d < MAX_JSON_DEPTH; d++) value = (value as Record<string, unknown>)['1'];
    expect(value).to.deep.equal({ a: '3.0', 0: '4.0' });
  });

  it('refuses every truncation of a page, as a JsonSyntaxError', () => {
    const page =
      '{"models":[{"id":1,"price":976382.0,"quantity":"0.001","tags":["a\\"b",-1.5e-7,null,true],"1":{"x":0}},' +
      '{"id":2,"price":"1.0","settings":{},"__proto__":[]}],"current_page":1,"total_pages":7}';
    expectOracle(page);
    for (let end = 0; end < page.length; end++)
      expect(() => parseLossless(page.slice(0, end)), page.slice(0, end)).to.throw(JsonSyntaxError);
  });

  for (const bad of [
    '{"a": 01}',
    '{"a": 1.2.3}',
    '[-]',
    '[1e]',
    '{1: 2}',
    '[1 2]',
    '[- 1]',
    '[1,]',
    '{"a" 1}',
    '"\\x"',
    // The scan skips a null's other letters: anything else near one is still refused.
    ...['[nul]', '[nulll]', '[null1]', '[nullnull]', '[nnull]', '{"a": nul}', '[Null]', '[nu ll]'],
  ])
    it(`refuses malformed JSON as a JsonSyntaxError: ${bad}`, () => {
      expect(() => parseLossless(bad)).to.throw(JsonSyntaxError);
    });

  it('reads each text alone, whatever was parsed or refused before it (the positions buffer is reused)', () => {
    const big = `[${Array.from({ length: 100_000 }, (_, i) => `${i}.5`).join(',')}]`;
    const small = '{"a": [1.10, {"b": -2e3}], "c": 3}';
    const expected = { a: ['1.10', { b: '-2e3' }], c: '3' };
    const first = parseLossless(small);
    const parsedBig = parseLossless(big) as string[];
    expect([parsedBig.length, parsedBig[0], parsedBig[99_999]]).to.deep.equal([100_000, '0.5', '99999.5']);
    expect(parseLossless(small)).to.deep.equal(expected);
    expect(() => parseLossless(`[${'7,'.repeat(MAX_JSON_VALUES)}7]`)).to.throw(JsonLimitError);
    expect(() => parseLossless('[1, 2, 3, 01]')).to.throw(JsonSyntaxError);
    expect(parseLossless('[4.0]')).to.deep.equal(['4.0']);
    expect(parseLossless(small)).to.deep.equal(expected);
    expect(first, 'an earlier result is not changed by later parses').to.deep.equal(expected);
  });

  it(`counts numbers: ${MAX_JSON_VALUES} values parse, one more is refused before JSON.parse runs`, function () {
    this.timeout(60_000);
    const text = (values: number): string => `[${'1.5,'.repeat(values - 2)}-0]`;
    const parsed = parseLossless(text(MAX_JSON_VALUES)) as string[];
    expect(parsed).to.have.length(MAX_JSON_VALUES - 1);
    expect([parsed[0], parsed[parsed.length - 1]]).to.deep.equal(['1.5', '-0']);
    const parse = sinon.spy(JSON, 'parse');
    try {
      expect(() => parseLossless(text(MAX_JSON_VALUES + 1))).to.throw(JsonLimitError, `more than ${MAX_JSON_VALUES}`);
      expect(parse.called).to.equal(false);
    } finally {
      parse.restore();
    }
  });
});
