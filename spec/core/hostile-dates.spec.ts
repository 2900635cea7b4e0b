/**
 * Silently wrong dates (issue 10): an ISO-8601 time on the wire is read strictly, never through
 * `Date.parse`, which rolls `2020-02-30` over to March 1st, reads hour 24 as the next day and a
 * time without a zone in the machine's time zone. Anything but a real calendar time with an
 * explicit zone is a QuoineResponseError naming the field. Unix seconds read as before.
 */
import { expect } from 'chai';
import { Quoine } from '../../lib/client.js';
import { QuoineResponseError } from '../../lib/core/errors.js';
import { WireValueError, fromDate, toDate } from '../../lib/core/wire-values.js';
import { rejection } from '../helpers/rejection.js';
import { json, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

/** Wrong calendar times, and forms that are not the exchange's: each one refused. */
const REFUSED = [
  '2020-02-30T00:00:00Z', // Date.parse: 2020-03-01
  '2021-02-29T00:00:00Z', // not a leap year
  '2020-04-31T00:00:00Z',
  '2020-13-01T00:00:00Z',
  '2020-00-10T00:00:00Z',
  '2020-01-00T00:00:00Z',
  '2020-01-01T24:00:00Z', // Date.parse: the next day
  '2020-01-01T23:60:00Z',
  '2020-12-31T23:59:60Z', // a leap second
  '2020-01-01T00:00:00', // no zone: Date.parse reads it in the machine's time zone
  '2020-01-01T00:00:00.000', // the same with a fraction
  '2020-01-01', // a date alone: Date.parse reads it as UTC midnight, a guess
  '2020-01-01T00:00Z', // no seconds
  '2020-01-01 00:00:00Z', // a space for the T
  '2020-01-01t00:00:00z',
  '2020-01-01T00:00:00+0900', // offset without its colon
  '2020-01-01T00:00:00+24:00',
  '2020-01-01T00:00:00+09:60',
  '2020-01-01T00:00:00.Z',
  '2020-01-01T00:00:00.1234567890Z', // more than nanoseconds
  '+002020-01-01T00:00:00Z', // an expanded year
  ' 2020-01-01T00:00:00Z',
  '2020-01-01T00:00:00Z ',
  'Wed, 01 Jan 2020 00:00:00 GMT', // Date.parse reads it
  '1969-12-31T23:59:59Z', // before 0 Unix seconds: it could not be written back
  '9999-12-31T23:59:59-00:01', // after the year 9999
  '2020-01-01T00:00:00Z\n',
];

/** Strict ISO-8601 times and what they are, in milliseconds. */
const ACCEPTED: ReadonlyArray<[string, number]> = [
  ['2020-07-17T01:40:00Z', Date.UTC(2020, 6, 17, 1, 40)], // the forms recorded from the exchange
  ['2020-08-01T14:00:00Z', Date.UTC(2020, 7, 1, 14)],
  ['2020-02-29T23:59:59Z', Date.UTC(2020, 1, 29, 23, 59, 59)], // a leap day
  ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
  ['2020-07-17T10:40:00+09:00', Date.UTC(2020, 6, 17, 1, 40)], // Tokyo, as Rails writes it
  ['2020-07-16T20:40:00-05:00', Date.UTC(2020, 6, 17, 1, 40)],
  ['2020-07-17T01:40:00.123Z', Date.UTC(2020, 6, 17, 1, 40, 0, 123)],
  ['2020-07-17T01:40:00.123999999Z', Date.UTC(2020, 6, 17, 1, 40, 0, 123)], // sub-ms digits dropped, not rounded
  ['2020-07-17T01:40:00.5Z', Date.UTC(2020, 6, 17, 1, 40, 0, 500)],
  ['1970-01-01T00:00:00Z', 0],
  ['1970-01-01T09:00:00+09:00', 0],
  ['9999-12-31T23:59:59.999Z', 253_402_300_799_999],
];

describe('hostile dates on the wire', () => {
  describe('toDate', () => {
    for (const raw of REFUSED) {
      it(`refuses ${JSON.stringify(raw)}`, () => {
        expect(() => toDate(raw)).to.throw(WireValueError, /ISO-8601 time with a zone/);
      });
    }

    for (const [raw, ms] of ACCEPTED) {
      it(`reads ${raw} exactly, whatever the machine's time zone`, () => {
        expect(toDate(raw).getTime()).to.equal(ms);
        // What is read writes back as Unix seconds that read to the same time.
        expect(toDate(fromDate(toDate(raw))).getTime()).to.equal(ms);
      });
    }

    it('still reads Unix seconds as numbers and numeric strings, fractional ones included', () => {
      expect(toDate('1594964584').getTime()).to.equal(1594964584000);
      expect(toDate(1594964584).getTime()).to.equal(1594964584000);
      expect(toDate('1632493065.665').getTime()).to.equal(1632493065665);
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

    const execution = (createdAt: string): string =>
      `[{"id": 333217738, "quantity": "0.00912345", "price": "976355.5", "taker_side": "buy", "created_at": ${JSON.stringify(createdAt)}}]`;

    for (const raw of ['2020-02-30T00:00:00Z', '2020-01-01T24:00:00Z', '2020-01-01T00:00:00']) {
      it(`refuses created_at ${raw} with a QuoineResponseError naming the field`, async () => {
        body = execution(raw);
        const client = new Quoine({ baseUrl: server.url, rateLimit: false });
        const e = await rejection(client.executions.since({ productId: 5, timestamp: 1594964560 }));
        await client.close();
        expect(e).to.be.instanceOf(QuoineResponseError);
        expect(e.message).to.include('created_at:').and.include(JSON.stringify(raw));
      });
    }

    it('reads a strict ISO time', async () => {
      body = execution('2020-07-17T10:40:00+09:00');
      const client = new Quoine({ baseUrl: server.url, rateLimit: false });
      const [e] = await client.executions.since({ productId: 5, timestamp: 1594964560 });
      await client.close();
      expect(e?.createdAt.toISOString()).to.equal('2020-07-17T01:40:00.000Z');
    });
  });
});
