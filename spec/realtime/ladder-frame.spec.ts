import { expect } from 'chai';
import fc from 'fast-check';
import sinon from 'sinon';
import { toLevels, toLevelTexts, type LevelTexts } from '../../lib/entities/levels.js';
import { BookState, replaceWithTexts } from '../../lib/realtime/book-state.js';
import { ChannelRegistry } from '../../lib/realtime/channel-registry.js';
import { rawPayload, toLadder, toLadderTexts, type Decoder } from '../../lib/realtime/decoders.js';
import { RealtimeDecodeError, type QuoineRealtimeError } from '../../lib/realtime/errors.js';
import { dispatchFrame, type FrameHandlers } from '../../lib/realtime/frame-dispatch.js';
import { decodeData, parseFrame } from '../../lib/realtime/frames.js';
import { LiveOrderBook } from '../../lib/realtime/index.js';
import { LadderFrame, MAX_FAST_LADDER_LEVELS, readLadderFrame } from '../../lib/realtime/ladder-frame.js';
import { frame as sandboxFrame } from '../../lib/sandbox/tap/protocol.js';
import { next, until } from './helpers/clients.js';
import { useFakeTap } from './helpers/use-fake-tap.js';
import { runs } from '../helpers/property-runs.js';

/** Generated frames per property. */
const RUNS = 2500;
const CHANNEL = 'price_ladders_cash_btcjpy_sell';
/** Every decoder a ladder channel can have: LiveOrderBook's, priceLadder's, channel(name)'s. */
const DECODERS: ReadonlyArray<[string, Decoder<unknown>]> = [
  ['texts', toLadderTexts],
  ['levels', toLadder],
  ['raw', rawPayload],
];

/** What one consumer received, or the error it ended with; 'unreadable' for a frame that is not Pusher JSON. */
type Outcome = 'unreadable' | { readonly consumer: string; readonly value?: unknown; readonly error?: string };

/** The frame through the SDK's frame handler: dispatch (fast path or not), the channel's fan-out to one consumer per decoder. */
function throughTheSdk(raw: string): Outcome[] {
  const outcomes: Outcome[] = [];
  const registry = new ChannelRegistry();
  for (const [consumer, decode] of DECODERS) {
    registry.add(
      CHANNEL,
      false,
      {},
      {
        decode,
        deliver: (value) => outcomes.push({ consumer, value }),
        fail: (error: QuoineRealtimeError) => outcomes.push({ consumer, error: `${error.name}: ${error.message}` }),
        end: () => undefined,
        subscribed: () => undefined,
      },
    );
  }
  const ignored = (): void => undefined;
  const handlers: FrameHandlers = {
    unreadable: () => outcomes.push('unreadable'),
    established: ignored,
    subscribed: ignored,
    ping: ignored,
    authSucceeded: ignored,
    authRefused: ignored,
    pusherError: ignored,
    channelEvent: (channel, event, message, bytes) => registry.publish(channel, event, message, bytes, (t) => t),
  };
  dispatchFrame(raw, raw.length, handlers);
  return outcomes;
}

/**
 * The general path, as every frame took it before the fast path: a lossless parse of the envelope,
 * one of `data`, then each decoder on the payload (the frames generated here carry no pusher event).
 */
function generalPath(raw: string): Outcome[] {
  const frame = parseFrame(raw);
  if (!frame) return ['unreadable'];
  if (frame.channel !== CHANNEL || !['updated', 'created'].includes(frame.event)) return [];
  let payload: unknown;
  try {
    payload = decodeData(frame.data);
  } catch (e) {
    const error = new RealtimeDecodeError(`${frame.event}: data is not JSON (${(e as Error).message})`, CHANNEL);
    return DECODERS.map(([consumer]) => ({ consumer, error: `${error.name}: ${error.message}` }));
  }
  return DECODERS.map(([consumer, decode]) => {
    try {
      return { consumer, value: decode(payload, CHANNEL) };
    } catch (e) {
      const error = new RealtimeDecodeError(`${frame.event}: ${(e as Error).message}`, CHANNEL);
      return { consumer, error: `${error.name}: ${error.message}` };
    }
  });
}

/** Both sides of a book fed `texts` on each side, as exact texts (what a LiveOrderBook shows). */
function bookOf(texts: LevelTexts): string[][][] {
  const book = new BookState();
  replaceWithTexts(book, 'buy', texts);
  replaceWithTexts(book, 'sell', texts);
  const shown = (side: 'buy' | 'sell'): string[][] =>
    book.levels(side).map((l) => [l.price.toFixed(), l.quantity.toFixed()]);
  return [shown('buy'), shown('sell')];
}

/** Expects the SDK's outcomes to be the general path's, the books they make included. */
function expectSameAsGeneral(raw: string): void {
  const sdk = throughTheSdk(raw);
  const general = generalPath(raw);
  expect(sdk, raw).to.deep.equal(general);
  const texts = sdk.find((o) => o !== 'unreadable' && o.consumer === 'texts' && 'value' in o);
  if (texts !== undefined && texts !== 'unreadable') {
    const reference = general.find((o) => o !== 'unreadable' && o.consumer === 'texts');
    expect(bookOf(texts.value as LevelTexts), raw).to.deep.equal(bookOf((reference as { value: LevelTexts }).value));
  }
}

// ── generated frames ──────────────────────────────────────────────────────────────────────────

const digits = (max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom('0', '0', '1', '5', '9'), { minLength: 1, maxLength: max }).map((d) => d.join(''));
/** Plain decimal texts: leading and trailing zeros, signs, zero, up to the length bound and past it. */
const plainDecimal = fc
  .tuple(fc.constantFrom('', '', '', '-'), digits(12), fc.option(digits(12), { nil: undefined }))
  .map(([sign, int, fraction]) => `${sign}${int}${fraction === undefined ? '' : `.${fraction}`}`);
const longDecimal = fc
  .integer({ min: 98, max: 102 })
  .map((n) => `1.${'0'.repeat(n - 3)}1`)
  .filter((t) => t.length >= 98);
/** A value inside a level, as JSON text: mostly a plain decimal string, often something else. */
const valueToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: plainDecimal.map((t) => JSON.stringify(t)) },
  { weight: 1, arbitrary: plainDecimal.map((t) => t.replace(/^(-?)0+(?=\d)/, '$1')) }, // a JSON number
  { weight: 1, arbitrary: longDecimal.map((t) => JSON.stringify(t)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '"1e-8"',
      '"1E+3"',
      '"+1"',
      '".5"',
      '"5."',
      '""',
      '"-"',
      '"0x10"',
      '"1 "',
      '"\\u0031"',
      '"1e200"',
      '1e-8',
      '-0',
      'null',
      'true',
      '{}',
      '[]',
      `"${'9'.repeat(101)}"`,
    ),
  },
);
const level = fc.oneof(
  { weight: 15, arbitrary: fc.tuple(valueToken, valueToken).map(([p, q]) => `[${p},${q}]`) },
  { weight: 1, arbitrary: valueToken.map((p) => `[${p}]`) },
  { weight: 1, arbitrary: fc.tuple(valueToken, valueToken, valueToken).map((v) => `[${v.join(',')}]`) },
  { weight: 1, arbitrary: valueToken },
);
/** The ladder as JSON text: sometimes spaced, sometimes not an array at all. */
const dataText = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .tuple(fc.array(level, { maxLength: 12 }), fc.constantFrom(',', ',', ',', ', ', ',\n'))
      .map(([levels, sep]) => `[${levels.join(sep)}]`),
  },
  { weight: 1, arbitrary: fc.constantFrom('{}', '"x"', '[[', '[["1","2"]', 'null', '1', '') },
);

/** An envelope around `data`: members in any order, sometimes spaced, repeated, extra or missing. */
const frameText = fc
  .record({
    data: dataText,
    encoded: fc.constantFrom(true, true, true, true, false),
    escapeADigit: fc.constantFrom(false, false, false, false, false, true),
    event: fc.constantFrom('updated', 'updated', 'created', 'deleted', 'upd\\u0061ted', 'pusher:pong'),
    channel: fc.constantFrom(CHANNEL, CHANNEL, CHANNEL, `${CHANNEL}\\u0000`, 'price_ladders_cash_btcjpy_buy'),
    order: fc.constantFrom([0, 1, 2], [0, 2, 1], [2, 1, 0], [1, 0, 2], [0, 1, 2, 2], [0, 1], [0, 1, 2, 3]),
    colon: fc.constantFrom(':', ':', ':', ':', ': '),
  })
  .map(({ data, encoded, escapeADigit, event, channel, order, colon }) => {
    let value = encoded ? JSON.stringify(data) : data;
    // `\u0035` for a `5`: the same text once decoded, but not the form the fast path reads.
    if (escapeADigit && encoded) value = value.replace('5', '\\u0035');
    const members = [`"event"${colon}"${event}"`, `"channel"${colon}"${channel}"`, `"data"${colon}${value}`, '"x":1'];
    return `{${order.map((m) => members[m]).join(',')}}`;
  });
const wireDecimal = fc.oneof({ weight: 30, arbitrary: plainDecimal }, { weight: 1, arbitrary: longDecimal });
/** Ladders in the exchange's form: plain decimal strings (long ones too), members in any order. */
const cleanFrame = fc
  .tuple(
    fc.array(fc.tuple(wireDecimal, wireDecimal), { maxLength: 12 }),
    fc.constantFrom([0, 1, 2], [0, 2, 1], [2, 1, 0]),
    fc.constantFrom('updated', 'created'),
  )
  .map(([levels, order, event]) => {
    const members = [
      `"event":"${event}"`,
      `"channel":"${CHANNEL}"`,
      `"data":${JSON.stringify(JSON.stringify(levels))}`,
    ];
    return `{${order.map((m) => members[m]).join(',')}}`;
  });
/** Now and then one character inserted, removed or replaced anywhere. */
const hostileFrame = fc
  .tuple(
    fc.oneof(cleanFrame, frameText),
    fc.nat(),
    fc.constantFrom('', '"', '\\', '[', ']', ',', ' ', '\n', '0', '.', '-', 'e', '}'),
    fc.nat(3),
  )
  .map(([text, at, char, how]) => {
    const k = at % (text.length + 1);
    if (how === 0) return text.slice(0, k) + char + text.slice(k);
    if (how === 1) return text.slice(0, k) + text.slice(k + 1);
    if (how === 2) return text.slice(0, k) + char + text.slice(k + 1);
    return text;
  });

/** `levels` as the exchange sends them: strings, `data` JSON-encoded in the envelope. */
function ladderFrame(levels: ReadonlyArray<readonly [string, string]>, event = 'updated'): string {
  return JSON.stringify({ event, channel: CHANNEL, data: JSON.stringify(levels) });
}

describe('realtime: the one-scan ladder reader (fast path) and the general path', () => {
  it('gives what the general path gives, book and errors included, on generated and hostile frames (property)', () => {
    let fast = 0;
    fc.assert(
      fc.property(fc.oneof(cleanFrame, frameText, hostileFrame), (raw) => {
        if (readLadderFrame(raw) !== undefined) fast++;
        expectSameAsGeneral(raw);
      }),
      runs(RUNS),
    );
    // The generators reach both paths, each often.
    expect(fast / RUNS).to.be.within(0.2, 0.8);
  });

  it('reads exactly what the general path reads wherever it reads a frame (property)', () => {
    fc.assert(
      fc.property(fc.oneof(cleanFrame, frameText, hostileFrame), (raw) => {
        const ladder = readLadderFrame(raw);
        if (ladder === undefined) return;
        const frame = parseFrame(raw);
        expect(frame, raw).to.not.equal(null);
        expect([ladder.event, ladder.channel, ladder.data], raw).to.deep.equal([
          frame?.event,
          frame?.channel,
          frame?.data,
        ]);
        expect(ladder.ladder, raw).to.deep.equal(toLevelTexts(decodeData(frame?.data)));
        expect(toLadder(decodeData(ladder.data), CHANNEL), raw).to.deep.equal(toLevels(decodeData(frame?.data)));
      }),
      runs(RUNS),
    );
  });

  it('takes the form the exchange and the sandbox send, in either member order, empty ladders too', () => {
    const levels: Array<[string, string]> = [
      ['976382.10000', '0.01000'],
      ['976390.0', '1.5'],
      ['976400.5', '0.000000012345678901234567'],
    ];
    for (const raw of [
      ladderFrame(levels),
      ladderFrame([]),
      ladderFrame(levels, 'created'),
      sandboxFrame('updated', JSON.stringify(levels), CHANNEL), // event, data, channel
      `{"channel":"${CHANNEL}","data":${JSON.stringify(JSON.stringify(levels))},"event":"updated"}`,
      ladderFrame([
        ['-1', '0'],
        ['1'.repeat(100), `0.${'0'.repeat(97)}1`],
      ]),
      ladderFrame([
        ['102', '1'],
        ['101', '0.000'],
        ['103', '2'],
      ]), // unsorted, a zero: the book's business
    ]) {
      expect(readLadderFrame(raw), raw).to.not.equal(undefined);
      expectSameAsGeneral(raw);
    }
    expect(readLadderFrame(ladderFrame(levels))?.ladder).to.deep.equal({
      prices: ['976382.10000', '976390.0', '976400.5'],
      quantities: ['0.01000', '1.5', '0.000000012345678901234567'],
    });
  });

  it('leaves every other form to the general path, which accepts or refuses it as before', () => {
    const levels = '[["976382.1","0.5"],["976390","1"]]';
    const framed = (data: string): string => JSON.stringify({ event: 'updated', channel: CHANNEL, data });
    for (const raw of [
      framed('[[976382.1,"0.5"],["976390","1"]]'), // a number
      framed('[["976382.1","5e-1"]]'), // an exponent
      framed('[["976382.1", "0.5"]]'), // a space in data
      framed('[["976382.1","0.5","x"]]'), // a third item
      framed('[["976382.1"]]'), // a missing quantity
      framed(`[["976382.1","${'1'.repeat(101)}"]]`), // over-long
      framed('[["976382.1","0.5."]]'),
      framed('[["+1","0.5"]]'),
      framed('[[".5","0.5"]]'),
      framed('[["5.","0.5"]]'),
      framed('[["","0.5"]]'),
      framed('{"buy":[["1","2"]]}'),
      framed('[["1","2"],]'),
      framed(''),
      framed('[["1","2"]] '),
      framed(levels).replace('976382', '\\u0039\\u0037\\u0036\\u0033\\u0038\\u0032'), // escapes
      framed(levels).replace('{"event"', '{ "event"'), // whitespace
      framed(levels).replace('{"event"', '{"x":1,"event"'), // a fourth member
      framed(levels).replace('{"event":"updated"', '{"event":"updated","event":"updated"'), // a repeated key
      framed(levels).replace('"updated"', '"upd\\u0061ted"'),
      framed(levels).replace(CHANNEL, `${CHANNEL}\\n`),
      framed(levels).replace(CHANNEL, `${CHANNEL}\t`), // a raw control character: not JSON
      framed(levels).slice(0, -1), // truncated
      `${framed(levels)} `,
      JSON.stringify({ event: 'updated', channel: CHANNEL, data: JSON.parse(levels) as unknown }), // not encoded
      JSON.stringify({ event: 'updated', channel: CHANNEL }),
      JSON.stringify({ event: 'updated', data: levels }),
      JSON.stringify({ event: 1, channel: CHANNEL, data: levels }),
    ]) {
      expect(readLadderFrame(raw), raw).to.equal(undefined);
      expectSameAsGeneral(raw);
    }
  });

  it('reads up to the levels parseLossless reads, and leaves a longer ladder to its limit error', () => {
    const levelsText = (n: number): string => `[${'["1","1"],'.repeat(n - 1)}["1","1"]]`;
    const framed = (n: number): string => JSON.stringify({ event: 'updated', channel: CHANNEL, data: levelsText(n) });
    const atLimit = framed(MAX_FAST_LADDER_LEVELS);
    expect(readLadderFrame(atLimit)?.ladder.prices).to.have.length(MAX_FAST_LADDER_LEVELS);
    expect(toLevelTexts(decodeData(parseFrame(atLimit)?.data)).prices).to.have.length(MAX_FAST_LADDER_LEVELS);
    const over = framed(MAX_FAST_LADDER_LEVELS + 1);
    expect(readLadderFrame(over)).to.equal(undefined);
    const [outcome] = throughTheSdk(over);
    expect(outcome)
      .to.have.property('error')
      .that.matches(/RealtimeDecodeError: .*data is not JSON.*more than/);
  });

  it('decodes data only for a consumer that needs the payload', () => {
    const raw = ladderFrame([['1', '2']]);
    const ladder = readLadderFrame(raw);
    expect(ladder).to.not.equal(undefined);
    let reads = 0;
    const message = {
      ladder: ladder?.ladder,
      get data(): unknown {
        reads++;
        return ladder?.data;
      },
    };
    const registry = new ChannelRegistry();
    const delivered: unknown[] = [];
    const consumer = (decode: Decoder<unknown>): Parameters<ChannelRegistry['add']>[3] => ({
      decode,
      deliver: (value) => delivered.push(value),
      fail: () => undefined,
      end: () => undefined,
      subscribed: () => undefined,
    });
    registry.add(CHANNEL, false, {}, consumer(toLadderTexts));
    registry.add(CHANNEL, false, {}, consumer(toLadder));
    registry.publish(CHANNEL, 'updated', message, raw.length, (t) => t);
    expect(reads).to.equal(0);
    expect(delivered[0]).to.equal(ladder?.ladder);
    registry.add(CHANNEL, false, {}, consumer(rawPayload));
    registry.publish(CHANNEL, 'updated', message, raw.length, (t) => t);
    expect(reads).to.equal(1);
    expect(delivered.at(-1)).to.deep.equal([['1', '2']]);
  });
});

describe('realtime: frames from the socket take the one-scan reader', () => {
  const fake = useFakeTap();
  afterEach(() => sinon.restore());

  it('a LiveOrderBook and a raw consumer of the same channel get a ladder read in one scan, and one that is not', async () => {
    const client = fake.clients.public(fake.tap);
    const book = await new LiveOrderBook(client, { pair: 'BTCJPY' }).start();
    const raw = client.channel(CHANNEL);
    await raw.ready;
    // The raw consumer needs the payload: a frame read in one scan then unescapes `data` for it, once.
    const unescaped = sinon.spy(LadderFrame.prototype, 'data', ['get']);
    expect(fake.tap.publish(CHANNEL, 'updated', '[["100.50","2"],["101","1"]]')).to.equal(1);
    expect(await next(raw)).to.deep.equal([
      ['100.50', '2'],
      ['101', '1'],
    ]);
    await until(() => book.bestAsk !== null, 'the sell side');
    expect(unescaped.get.callCount).to.equal(1);
    expect(book.asks.map((l) => [l.price.toFixed(), l.quantity.toFixed()])).to.deep.equal([
      ['100.5', '2'],
      ['101', '1'],
    ]);
    // Numbers: the general path, as before.
    fake.tap.publish(CHANNEL, 'updated', '[[99.25,"3"]]');
    expect(await next(raw)).to.deep.equal([['99.25', '3']]);
    await until(() => book.bestAsk?.price.toFixed() === '99.25', 'the replaced sell side');
    expect(unescaped.get.callCount).to.equal(1);
    book.close();
  });
});
