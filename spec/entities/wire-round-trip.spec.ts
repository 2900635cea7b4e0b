/**
 * class-transformer both ways over every fixture of both eras: `instanceToPlain(entity)` is the
 * wire JSON (snake_case names, decimals as exact strings, ids as numbers, times as Unix seconds;
 * the rules are in lib/core/wire-values.ts), and it reads back to an equal entity through
 * `plainToInstance`, through our hydrator, and through JSON text parsed losslessly.
 */
import { expect } from 'chai';
import { instanceToPlain, plainToInstance } from 'class-transformer';
import { Decimal } from 'decimal.js';
import { hydrate } from '../../lib/core/fields.js';
import { parseLossless } from '../../lib/core/json.js';
import { Execution } from '../../lib/entities/execution.js';
import { PriceLevel } from '../../lib/entities/price-level.js';
import { ERAS, fixture } from '../helpers/fixtures.js';
import { camel, isEntity, isWireObject } from '../helpers/wire-coverage.js';
import { CASES, entitiesOf, load } from './cases.js';

/** Entities as comparable values that keep every class: Decimals by exact value, Dates by time. */
function canonical(value: unknown): unknown {
  if (value instanceof Decimal) return `D:${value.toFixed()}`;
  if (value instanceof Date) return `T:${value.getTime()}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(([k, v]) => [k, canonical(v)]);
    return Object.fromEntries([['@class', value.constructor.name], ...fields]);
  }
  return value;
}

/** A wire decimal (JSON string or number text) as the exact string the SDK writes. */
const decimalText = (wire: unknown): string => new Decimal(String(wire)).toFixed();

/** A wire time as the SDK writes it: whole seconds a number, else "seconds.mmm". */
function timeOnWire(wire: unknown): number | string {
  const text = String(wire);
  const ms = /^\d+(\.\d*)?$/.test(text)
    ? Number(text.split('.')[0]) * 1000 + Number(((text.split('.')[1] ?? '') + '000').slice(0, 3))
    : Date.parse(text);
  const seconds = Math.floor(ms / 1000);
  return ms % 1000 === 0 ? seconds : `${seconds}.${String(ms % 1000).padStart(3, '0')}`;
}

/**
 * `written` (from instanceToPlain) is the wire value `wire` under the documented rules; the
 * entity's value `read` says which rule applies.
 */
function expectWritten(read: unknown, wire: unknown, written: unknown, at: string): void {
  if (read === null) {
    expect(written, at).to.equal(null);
    expect(wire ?? null, at).to.equal(null);
  } else if (read instanceof Decimal) {
    expect(written, at).to.be.a('string').and.equal(decimalText(wire));
  } else if (read instanceof Date) {
    expect(written, at).to.equal(timeOnWire(wire));
  } else if (typeof read === 'number') {
    expect(written, at).to.be.a('number').and.equal(Number(wire));
  } else if (Array.isArray(read)) {
    expect(written, at)
      .to.be.an('array')
      .with.length((wire as unknown[]).length);
    read.forEach((item, i) => {
      if (item instanceof PriceLevel) {
        const [price, quantity] = (wire as unknown[][])[i] ?? [];
        expect((written as unknown[])[i], `${at}[${i}]`).to.deep.equal([decimalText(price), decimalText(quantity)]);
      } else {
        expectWritten(item, (wire as unknown[])[i], (written as unknown[])[i], `${at}[${i}]`);
      }
    });
  } else if (isEntity(read)) {
    expectEntityWritten(read, wire, written, at);
  } else {
    expect(written, at).to.deep.equal(wire); // strings, booleans, raw JSON (numbers as source text)
  }
}

/** Every field of `entity` is in `written` under its wire name, and nothing else is. */
function expectEntityWritten(entity: object, wire: unknown, written: unknown, at: string): void {
  expect(isWireObject(wire) && isWireObject(written), at).to.equal(true);
  const out = written as Record<string, unknown>;
  const given = wire as Record<string, unknown>;
  const names = Object.keys(out);
  expect(names.map(camel).sort(), `${at}: the written names are the entity's fields in snake_case`).to.deep.equal(
    Object.keys(entity).sort(),
  );
  for (const name of names)
    expectWritten((entity as Record<string, unknown>)[camel(name)], given[name], out[name], `${at}.${name}`);
}

describe('class-transformer both ways, over the fixtures of both eras', () => {
  for (const c of CASES) {
    for (const era of ERAS) {
      it(`${c.name} (${era}): instanceToPlain writes the wire JSON of every field the entity reads`, () => {
        const wire = entitiesOf(parseLossless(fixture(era, c.name)), c.shape);
        load(era, c).forEach((entity, i) =>
          expectEntityWritten(entity, wire[i], instanceToPlain(entity), `${c.name}[${i}]`),
        );
      });

      it(`${c.name} (${era}): plainToInstance, our hydrator and lossless JSON text read instanceToPlain back to an equal entity`, () => {
        for (const entity of load(era, c)) {
          const plain = instanceToPlain(entity);
          const expected = canonical(entity);
          expect(
            canonical(plainToInstance(c.cls, plain, { excludeExtraneousValues: true })),
            'plainToInstance',
          ).to.deep.equal(expected);
          expect(canonical(hydrate(c.cls, plain)), 'hydrate').to.deep.equal(expected);
          expect(canonical(hydrate(c.cls, parseLossless(JSON.stringify(plain)))), 'JSON text').to.deep.equal(expected);
        }
      });
    }
  }

  it('writes an execution as the wire does: exact decimal strings, numeric ids, Unix seconds', () => {
    const [first] = load('liquid', { name: 'executions_since', cls: Execution, shape: 'many' });
    expect(instanceToPlain(first)).to.deep.equal({
      id: 333217738,
      quantity: '0.00912345', // a JSON number on the Liquid-era wire
      price: '976355.5',
      taker_side: 'buy',
      created_at: 1594964560,
      timestamp: '1594964560.120', // "1594964560.120733" on the wire: a Date keeps milliseconds
    });
  });

  it('writes a time with milliseconds as a fractional string, and reads it back to the millisecond', () => {
    const plain = {
      id: 1,
      quantity: '1',
      price: '1',
      taker_side: 'buy',
      created_at: 1594964560,
      timestamp: '1594964560.007',
    };
    const execution = hydrate(Execution, plain);
    expect(execution.timestamp?.getTime()).to.equal(1594964560007);
    expect(instanceToPlain(execution)).to.deep.equal(plain);
  });

  it('reads ids and times from JS numbers (JSON.parse output) only when exact', () => {
    const row = {
      id: 1,
      quantity: '1',
      price: '1',
      taker_side: 'buy',
      created_at: 1594964560,
      timestamp: 1594964560.12,
    };
    expect(hydrate(Execution, row).timestamp?.getTime()).to.equal(1594964560120);
    for (const id of [1.5, 2 ** 53, -0.5, Number.NaN, Number.POSITIVE_INFINITY, 1e21]) {
      expect(() => hydrate(Execution, { ...row, id }), String(id)).to.throw(/id: expected a safe integer/);
    }
    for (const time of [-1, 1e21, Number.NaN, 253_402_300_800]) {
      expect(() => hydrate(Execution, { ...row, created_at: time }), String(time)).to.throw(
        /created_at: expected (Unix seconds|a timestamp)/,
      );
    }
  });

  it('never reads money from a JS number, which may already be rounded', () => {
    expect(() => hydrate(Execution, { id: 1, quantity: 0.1, price: '1', taker_side: 'buy', created_at: 1 })).to.throw(
      /quantity: expected a decimal/,
    );
  });
});
