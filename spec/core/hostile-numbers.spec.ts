/**
 * Silent wrong numbers (issue 10): a server sending numbers outside any plausible range gets a
 * QuoineResponseError naming the field, never Infinity, 0, an Invalid Date or a 20 MB string.
 */
import { expect } from 'chai';
import { Quoine } from '../../lib/client.js';
import { QuoineResponseError } from '../../lib/core/errors.js';
import {
  MAX_DECIMAL_MAGNITUDE,
  MAX_WIRE_NUMBER_LENGTH,
  WireValueError,
  toDate,
  toDecimal,
  toInt,
} from '../../lib/core/wire-values.js';
import { rejection } from '../helpers/rejection.js';
import { json, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

/** One execution whose `field` carries `raw` (JSON source text: a number token or a string). */
function executionWith(field: string, raw: string): string {
  const row: Record<string, string> = {
    id: '333217738',
    quantity: '0.00912345',
    price: '976355.5',
    taker_side: '"buy"',
    created_at: '1594964560',
    timestamp: '"1594964560.120733"',
  };
  row[field] = raw;
  return `[{${Object.entries(row)
    .map(([k, v]) => `"${k}": ${v}`)
    .join(', ')}}]`;
}

const HOSTILE_DECIMALS = [
  '1e9000000000000000000', // Infinity in decimal.js
  '1e-9000000000000000000', // 0 in decimal.js
  '1e20000000', // 11 bytes; toFixed() would build a 20 MB string
  '-1e20000000',
  '1E+99999',
  `1e${MAX_DECIMAL_MAGNITUDE + 1}`,
  `1e-${MAX_DECIMAL_MAGNITUDE + 1}`,
  `1${'0'.repeat(MAX_DECIMAL_MAGNITUDE + 1)}`, // magnitude 101 written out (102 characters)
  `0.${'0'.repeat(MAX_DECIMAL_MAGNITUDE)}1`, // magnitude -101 written out
  `9${'9'.repeat(200_000)}`, // a 200 KB number
  `0.${'1'.repeat(MAX_WIRE_NUMBER_LENGTH)}`, // plausible magnitude, implausible length
];

describe('hostile numbers on the wire', () => {
  describe('converters', () => {
    for (const raw of HOSTILE_DECIMALS) {
      it(`refuses the decimal ${raw.slice(0, 30)}${raw.length > 30 ? `… (${raw.length} characters)` : ''}`, () => {
        expect(() => toDecimal(raw)).to.throw(WireValueError);
      });
    }

    it('accepts decimals at the edges of the bounds, exactly', () => {
      for (const raw of [
        `1e${MAX_DECIMAL_MAGNITUDE}`,
        `1e-${MAX_DECIMAL_MAGNITUDE}`,
        '0e99',
        '0E-9999',
        '-0.0',
        '0.12345678901234567891',
        '12345678901234567890',
        '115792089237316195423570985008687907853269984665640564039457.584007913129639935',
      ]) {
        expect(toDecimal(raw).toFixed(), raw).to.be.a('string');
      }
      expect(toDecimal(`9.${'9'.repeat(MAX_WIRE_NUMBER_LENGTH - 2)}`).toFixed()).to.equal(
        `9.${'9'.repeat(MAX_WIRE_NUMBER_LENGTH - 2)}`,
      );
      expect(toDecimal('1e-8').toFixed()).to.equal('0.00000001');
    });

    it('refuses integers that are long, unsafe, or exponent-shaped; reads "-0" as 0', () => {
      for (const raw of [
        '9007199254740993',
        '1e3',
        `1${'0'.repeat(400)}`,
        '0'.repeat(MAX_WIRE_NUMBER_LENGTH + 1) + '1',
        '5.0',
      ]) {
        expect(() => toInt(raw), raw).to.throw(WireValueError);
      }
      expect(Object.is(toInt('-0'), 0)).to.equal(true);
      expect(toInt('9007199254740991')).to.equal(Number.MAX_SAFE_INTEGER);
    });

    it('refuses times beyond the year 9999 and long timestamp text, never giving an Invalid Date', () => {
      for (const raw of [
        '253402300800',
        '8640000000001',
        '9007199254740',
        `1594964560.${'1'.repeat(MAX_WIRE_NUMBER_LENGTH)}`,
        '1594964560000000',
      ]) {
        expect(() => toDate(raw), raw).to.throw(WireValueError);
      }
      expect(toDate('253402300799').toISOString()).to.equal('9999-12-31T23:59:59.000Z');
      expect(toDate('0').getTime()).to.equal(0);
      expect(toDate('1596962820.000797146').getTime()).to.equal(1596962820000);
    });
  });

  describe('through a call', () => {
    let server: LoopbackServer;
    let body = '[]';
    before(async () => {
      server = await startLoopbackServer(() => json(body));
    });
    after(async () => server.close());

    const cases: ReadonlyArray<[string, string]> = [
      ...HOSTILE_DECIMALS.map((raw): [string, string] => ['price', raw]),
      ['quantity', '"1e9000000000000000000"'], // the same as a numeric string
      ['quantity', '"1e-9000000000000000000"'],
      ['id', '-0.0e99999'],
      ['id', '12345678901234567890'],
      ['created_at', '99999999999999999999'],
      ['timestamp', '"1e20000000"'],
    ];
    for (const [field, raw] of cases) {
      it(`refuses ${field}: ${raw.slice(0, 30)}${raw.length > 30 ? '…' : ''} with a QuoineResponseError naming the field`, async () => {
        body = executionWith(field, raw);
        const client = new Quoine({ baseUrl: server.url, rateLimit: false });
        const e = await rejection(client.executions.since({ productId: 5, timestamp: 1594964560 }));
        await client.close();
        expect(e).to.be.instanceOf(QuoineResponseError);
        expect(e.message).to.include(`${field}:`);
        expect(e.message.length).to.be.below(400);
      });
    }

    it('still reads the recorded body', async () => {
      body = executionWith('price', '976355.5');
      const client = new Quoine({ baseUrl: server.url, rateLimit: false });
      const [e] = await client.executions.since({ productId: 5, timestamp: 1594964560 });
      await client.close();
      expect(e?.price.toFixed()).to.equal('976355.5');
    });
  });
});
