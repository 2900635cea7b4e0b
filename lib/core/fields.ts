/**
 * Entity field decorators and hydration, on one metadata system: class-transformer's.
 *
 * A field decorator registers exactly class-transformer metadata and nothing else:
 * `@Expose({ name: wire })`, a `toClassOnly` `@Transform` (wire value → entity value), a
 * `toPlainOnly` `@Transform` (entity value → the wire's JSON, see wire-values.ts), and for a
 * nested entity `@Type(() => Cls)` instead of the plain-side transform, so class-transformer
 * recurses into it. `plainToInstance` and `instanceToPlain` therefore read and write our
 * entities as the wire does.
 *
 * {@link hydrate} is the fast path of `plainToInstance`: it compiles, per class, straight-line
 * code from that same storage (exposed properties, their names and their `toClassOnly`
 * transforms), so a field cannot be known to one and not the other. A transform made here
 * carries its bare wire converter, which the compiled code calls without class-transformer's
 * per-call parameter object; a `@Transform` written by hand is called as class-transformer calls
 * it, with the raw wire value. An exposed property without a `toClassOnly` transform is refused
 * when the class is first hydrated: it would copy the wire value unconverted.
 * @module
 */
import 'reflect-metadata';
import { createRequire } from 'node:module';
import { Expose, Transform, TransformationType, Type, type TransformFnParams } from 'class-transformer';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage.js';
import type { Decimal } from 'decimal.js';
import {
  WireValueError,
  arrayCodec,
  arrayOf,
  boolCodec,
  dateCodec,
  decimalCodec,
  intCodec,
  jsonCodec,
  textCodec,
  toBool,
  toDate,
  toDecimal,
  toInt,
  toJson,
  toText,
  type WireCodec,
  type WireConverter,
} from './wire-values.js';

// The storage the decorators of `class-transformer`'s main entry write to (its CommonJS build:
// the package has no `exports` map, so `import 'class-transformer'` loads cjs/index.js, which
// requires this same module). A spec proves a hand-written `@Expose` reaches the hydrator.
const { defaultMetadataStorage: storage } = createRequire(import.meta.url)('class-transformer/cjs/storage.js') as {
  defaultMetadataStorage: MetadataStorage;
};

/** Options of a field decorator. */
export interface FieldOptions {
  /** The field may be null or absent on the wire (it is then `null`). Default: required. */
  readonly nullable?: boolean;
}

/** A class whose instances hydrate from wire objects. */
export type EntityClass<T> = new () => T;

/** Reads one wire value of a field; the whole wire object is there for hand-written transforms. */
type FieldReader = (value: unknown, plain: Record<string, unknown>) => unknown;

/** The bare converter a transform made by {@link Field} carries for the compiled hydrator. */
const READER = Symbol('quoine.fieldReader');
type ReadTransform = ((params: TransformFnParams) => unknown) & { [READER]?: FieldReader };

/** One exposed field as the compiled hydrator sees it. */
export interface EntityFieldSpec {
  /** The property name. */
  readonly key: string;
  /** The wire name. */
  readonly wire: string;
  /** Wire value → property value. */
  readonly read: FieldReader;
  /** Whether `read` needs the whole wire object (a hand-written transform) besides the value. */
  readonly needsObject: boolean;
}

const compiled = new WeakMap<object, (plain: Record<string, unknown>) => unknown>();

/** Null handling and the field's name in errors, around a converter. */
function fieldReader<T>(wire: string, convert: WireConverter<T>, options: FieldOptions): (value: unknown) => T | null {
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

function readTransform(transform: (params: TransformFnParams) => unknown, reader: FieldReader): PropertyDecorator {
  const fn: ReadTransform = transform;
  fn[READER] = reader;
  return Transform(fn, { toClassOnly: true });
}

function decorate(decorators: readonly PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    if (typeof key !== 'string') throw new TypeError('entity fields must have string names');
    for (const d of decorators) d(target, key);
  };
}

/**
 * Declares an entity field read from and written to the wire field `wire` through `codec`.
 * @param wire the snake_case wire name
 * @param codec the wire converter and its writer
 * @param options nullability
 */
export function Field<T>(wire: string, codec: WireCodec<T>, options: FieldOptions = {}): PropertyDecorator {
  const read = fieldReader(wire, codec.read, options);
  return decorate([
    Expose({ name: wire }),
    // The raw wire value, not class-transformer's copy of it (which loses nothing for primitives
    // but rebuilds arrays and objects first).
    readTransform(({ obj }: { obj: Record<string, unknown> }) => read(obj[wire]), read),
    Transform(
      ({ value }: { value: T | null | undefined }) =>
        value === null || value === undefined ? null : codec.write(value),
      { toPlainOnly: true },
    ),
  ]);
}

/**
 * A nested entity (`many`: an array of them). class-transformer builds and writes it through
 * `@Type`; the transform only checks what it built, and gives the hydrator {@link hydrate}.
 */
function nested<T>(wire: string, cls: () => EntityClass<T>, many: boolean, options: FieldOptions): PropertyDecorator {
  const read = fieldReader<unknown>(wire, many ? (v) => hydrateMany(cls(), v) : (v) => hydrate(cls(), v), options);
  const built = (v: unknown): unknown => {
    if (!(v instanceof cls()))
      throw new WireValueError(`expected an object for ${cls().name}, got ${Array.isArray(v) ? 'an array' : typeof v}`);
    return v;
  };
  const check = fieldReader<unknown>(wire, many ? arrayOf(built) : built, options);
  return decorate([
    Expose({ name: wire }),
    Type(cls),
    readTransform(({ value }: { value: unknown }) => check(value), read),
  ]);
}

/** A `Decimal` money field. */
export const DecimalField = (wire: string, options?: FieldOptions): PropertyDecorator =>
  Field<Decimal>(wire, decimalCodec, options);
/** A safe-integer field (ids, counters); numeric strings such as "5" are accepted. */
export const IntField = (wire: string, options?: FieldOptions): PropertyDecorator => Field(wire, intCodec, options);
/** A `Date` field from Unix seconds (integer or fractional) or ISO-8601. */
export const DateField = (wire: string, options?: FieldOptions): PropertyDecorator => Field(wire, dateCodec, options);
/** A string field. */
export const TextField = (wire: string, options?: FieldOptions): PropertyDecorator => Field(wire, textCodec, options);
/** A boolean field. */
export const BoolField = (wire: string, options?: FieldOptions): PropertyDecorator => Field(wire, boolCodec, options);
/** A raw JSON field (numbers stay exact strings). */
export const JsonField = (wire: string, options?: FieldOptions): PropertyDecorator => Field(wire, jsonCodec, options);
/** A nested entity. */
export const EntityField = <T>(
  wire: string,
  cls: () => EntityClass<T>,
  options: FieldOptions = {},
): PropertyDecorator => nested(wire, cls, false, options);
/** An array of nested entities. */
export const EntityArrayField = <T>(
  wire: string,
  cls: () => EntityClass<T>,
  options: FieldOptions = {},
): PropertyDecorator => nested(wire, cls, true, options);
/** An array of decimals (e.g. leverage levels). */
export const DecimalArrayField = (wire: string, options?: FieldOptions): PropertyDecorator =>
  Field(wire, arrayCodec(decimalCodec), options);

/**
 * The fields of `cls` (its ancestors' first) as class-transformer's storage declares them for
 * `plainToInstance`: exposed properties, their wire names and their `toClassOnly` transforms.
 * Throws a TypeError naming the property when one is exposed without such a transform.
 */
export function entityFields(cls: EntityClass<unknown>): EntityFieldSpec[] {
  const byKey = new Map<string, EntityFieldSpec>();
  for (const key of storage.getExposedProperties(cls, TransformationType.PLAIN_TO_CLASS)) {
    const wire = storage.findExposeMetadata(cls, key).options.name ?? key;
    const transforms = storage.findTransformMetadatas(cls, key, TransformationType.PLAIN_TO_CLASS);
    if (transforms.length === 0) {
      throw new TypeError(
        `${cls.name}.${key} is exposed as "${wire}" without a toClassOnly @Transform: declare it with an entity field decorator`,
      );
    }
    const own = transforms.length === 1 ? (transforms[0]?.transformFn as ReadTransform)[READER] : undefined;
    const read: FieldReader =
      own ??
      ((value, plain) =>
        transforms.reduce<unknown>(
          (v, t) => t.transformFn({ value: v, key, obj: plain, type: TransformationType.PLAIN_TO_CLASS, options: {} }),
          value,
        ));
    byKey.delete(key); // a subclass's redeclaration replaces its ancestor's, at the end
    byKey.set(key, { key, wire, read, needsObject: own === undefined });
  }
  return [...byKey.values()];
}

/**
 * A hydrator specialised to one class: straight-line code with constant property names, so V8
 * keeps every store monomorphic (a generic loop over field names is ~2× slower on large pages).
 * Names reach the generated code only through JSON.stringify.
 */
function compile<T>(cls: EntityClass<T>): (plain: Record<string, unknown>) => T {
  const fields = entityFields(cls);
  if (fields.length === 0) throw new TypeError(`${cls.name} declares no entity fields`);
  const lines = fields.map(
    (f, i) => `e[${JSON.stringify(f.key)}] = c[${i}](p[${JSON.stringify(f.wire)}]${f.needsObject ? ', p' : ''});`,
  );
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- deliberate: one compiled hydrator per entity class, built only from its own field names
  const build = new Function(
    'C',
    'c',
    `return function hydrate${cls.name}(p) { const e = new C(); ${lines.join(' ')} return e; };`,
  ) as (C: EntityClass<T>, c: readonly FieldReader[]) => (plain: Record<string, unknown>) => T;
  return build(
    cls,
    fields.map((f) => f.read),
  );
}

/**
 * Builds an entity from a lossless-parsed wire object. Throws {@link WireValueError} naming the
 * field when a value does not fit.
 */
export function hydrate<T>(cls: EntityClass<T>, plain: unknown): T {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new WireValueError(
      `expected an object for ${cls.name}, got ${Array.isArray(plain) ? 'an array' : typeof plain}`,
    );
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

export { toBool, toDate, toDecimal, toInt, toJson, toText, arrayOf, arrayCodec, WireValueError };
export type { WireCodec, WireConverter };
