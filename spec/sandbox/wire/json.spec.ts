import { expect } from 'chai';
import { parseRequestJson, rawNumber, writeJson } from '../../../lib/sandbox/wire/json.js';

describe('sandbox wire: JSON', () => {
  it('writes raw number text verbatim and parses request numbers as their source text', () => {
    expect(writeJson({ a: rawNumber('12345678901234567.5'), b: '0.1', c: [1, null, true] })).to.equal(
      '{"a":12345678901234567.5,"b":"0.1","c":[1,null,true]}',
    );
    expect(parseRequestJson('{"q":0.12345678901234567891,"n":1594964584123456789}')).to.deep.equal({
      q: '0.12345678901234567891',
      n: '1594964584123456789',
    });
  });
});
