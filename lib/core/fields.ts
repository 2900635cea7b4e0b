/**
 * Entity field decorators and hydration. One declaration per field gives both
 * class-transformer's metadata (`@Expose({ name })` + `@Transform`, so `plainToInstance` and
 * `instanceToPlain`-based tooling see our entities as they are) and our own field table, from
 * which {@link hydrate} builds entities several times faster than `plainToInstance` (a spec
 * checks both give identical entities for every fixture; `bench/` measures the difference).
 * @module
 */
import 'reflect-metadata';
import { Expose, Transform } from 'class-transformer';
import type { Decimal } from 'decimal.js';
import {
  WireValueError,
  arrayOf,
  toBool,
  toDate,
  toDecimal,
  toInt,
  toJson,
  toText,
  type WireConverter,
} from './wire-values.js';

/** Options of a field decorator. */
export interface FieldOptions {
  /** The field may be null or absent on the wire (it is then `null`). Default: required. */
  readonly nullable?: boolean;
}

interface FieldSpec {
  readonly key: string;
  readonly wire: string;
  readonly convert: (value: unknown) => unknown;
}

/** A class whose instances hydrate from wire objects. */
export type EntityClass<T> = new () => T;

const declared = new Map<object, FieldSpec[]>();
const compiled = new WeakMap<object, (plain: Record<string, unknown>) => unknown>();

function fieldConverter<T>(wire: string, convert: WireConverter<T>, options: FieldOptions): (value: unknown) => T | null {
  const nullable = options.nullable === true;
  return (value) => {
    if (value === null || value === undefined) {
      if (nullable) return null;
      throw new WireValueError(`${wire}: missing`);
    }
    try {
      return convert(value);
    } catch (e) {
      throw e instanceof WireValueError ? new WireValueError(`${wire}: ${e.message}`) : e;
    }
  };
}

/**
 * Declares an entity field read from the wire field `wire` through `convert`.
 * @param wire the snake_case wire name
 * @param convert the wire converter
 * @param options nullability
 */
export function Field<T>(wire: string, convert: WireConverter<T>, options: FieldOptions = {}): PropertyDecorator {
  const convertField = fieldConverter(wire, convert, options);
  const expose = Expose({ name: wire });
  const transform = Transform(({ obj }: { obj: Record<string, unknown> }) => convertField(obj[wire]), { toClassOnly: true });
  return (target, key) => {
    if (typeof key !== 'string') throw new TypeError('entity fields must have string names');
    expose(target, key);
    transform(target, key);
    const specs = declared.get(target.constructor) ?? [];
    specs.push({ key, wire, convert: convertField });
    declared.set(target.constructor, specs);
  };
}

/** A `Decimal` money field. */
export const DecimalField = (wire: string, options?: FieldOptions): PropertyDecorator => Field<Decimal>(wire, toDecimal, options);
/** A safe-integer field (ids, counters); numeric strings such as "5" are accepted. */
export const IntField = (wire: string, options?: FieldOptions): PropertyDecorator => Field(wire, toInt, options);
/** A `Date` field from Unix seconds (integer or fractional) or ISO-8601. */
export const DateField = (wire: string, options?: FieldOptions): PropertyDecorator => Field(wire, toDate, options);
/** A string field. */
export const TextField = (wire: string, options?: FieldOptions): PropertyDecorator => Field(wire, toText, options);
/** A boolean field. */
export const BoolField = (wire: string, options?: FieldOptions): PropertyDecorator => Field(wire, toBool, options);
/** A raw JSON field (numbers stay exact strings). */
export const JsonField = (wire: string, options?: FieldOptions): PropertyDecorator => Field(wire, toJson, options);
/** A nested entity. */
export const EntityField = <T>(wire: string, cls: () => EntityClass<T>, options?: FieldOptions): PropertyDecorator =>
  Field(wire, (v) => hydrate(cls(), v), options);
/** An array of nested entities. */
export const EntityArrayField = <T>(wire: string, cls: () => EntityClass<T>, options?: FieldOptions): PropertyDecorator =>
  Field(wire, (v) => hydrateMany(cls(), v), options);
/** An array of decimals (e.g. leverage levels). */
export const DecimalArrayField = (wire: string, options?: FieldOptions): PropertyDecorator => Field(wire, arrayOf(toDecimal), options);

function fieldsOf(cls: object): FieldSpec[] {
  const chain: FieldSpec[][] = [];
  for (let c: object | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c) as object | null) {
    const own = declared.get(c);
    if (own) chain.unshift(own);
  }
  return chain.flat();
}

/**
 * A hydrator specialised to one class: straight-line code with constant property names, so V8
 * keeps every store monomorphic (a generic loop over field names is ~2× slower on large pages).
 * Only names from our own decorators reach the generated code, each through JSON.stringify.
 */
function compile<T>(cls: EntityClass<T>): (plain: Record<string, unknown>) => T {
  const fields = fieldsOf(cls);
  if (fields.length === 0) throw new TypeError(`${cls.name} declares no entity fields`);
  const lines = fields.map((f, i) => `e[${JSON.stringify(f.key)}] = c[${i}](p[${JSON.stringify(f.wire)}]);`);
  const build = new Function('C', 'c', `return function hydrate${cls.name}(p) { const e = new C(); ${lines.join(' ')} return e; };`) as (
    C: EntityClass<T>,
    c: ReadonlyArray<(value: unknown) => unknown>,
  ) => (plain: Record<string, unknown>) => T;
  return build(cls, fields.map((f) => f.convert));
}

/**
 * Builds an entity from a lossless-parsed wire object. Throws {@link WireValueError} naming the
 * field when a value does not fit.
 */
export function hydrate<T>(cls: EntityClass<T>, plain: unknown): T {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new WireValueError(`expected an object for ${cls.name}, got ${Array.isArray(plain) ? 'an array' : typeof plain}`);
  }
  let build = compiled.get(cls) as ((p: Record<string, unknown>) => T) | undefined;
  if (!build) {
    build = compile(cls);
    compiled.set(cls, build);
  }
  return build(plain as Record<string, unknown>);
}

/** Builds an array of entities; errors name the item index. */
export function hydrateMany<T>(cls: EntityClass<T>, plain: unknown): T[] {
  if (!Array.isArray(plain)) throw new WireValueError(`expected an array of ${cls.name}, got ${typeof plain}`);
  return plain.map((item, i) => {
    try {
      return hydrate(cls, item);
    } catch (e) {
      throw e instanceof WireValueError ? new WireValueError(`[${i}] ${e.message}`) : e;
    }
  });
}

export { toBool, toDate, toDecimal, toInt, toJson, toText, arrayOf, WireValueError };
export type { WireConverter };
