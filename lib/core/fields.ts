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

/** What a transform made by {@link Field} carries for the compiled hydrator. */
interface OwnReader {
  /** The converter with null handling and the field's name in its errors. */
  readonly read: FieldReader;
  /** The bare converter (never given null or undefined), which the hydrator calls itself. */
  readonly convert: WireConverter<unknown>;
  /** Whether null or absent reads as null (else it is refused). */
  readonly nullable: boolean;
}
const READER = Symbol('quoine.fieldReader');
type ReadTransform = ((params: TransformFnParams) => unknown) & { [READER]?: OwnReader };

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
  /** A field made by {@link Field}: its bare converter and nullability (`read` is them, checked and named). */
  readonly own: Pick<OwnReader, 'convert' | 'nullable'> | undefined;
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

function readTransform(transform: (params: TransformFnParams) => unknown, reader: OwnReader): PropertyDecorator {
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
    readTransform(({ obj }: { obj: Record<string, unknown> }) => read(obj[wire]), {
      read,
      convert: codec.read,
      nullable: options.nullable === true,
    }),
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
  const convert = many ? (v: unknown): unknown => hydrateMany(cls(), v) : (v: unknown): unknown => hydrate(cls(), v);
  const read = fieldReader<unknown>(wire, convert, options);
  const built = (v: unknown): unknown => {
    if (!(v instanceof cls()))
      throw new WireValueError(`expected an object for ${cls().name}, got ${Array.isArray(v) ? 'an array' : typeof v}`);
    return v;
  };
  const check = fieldReader<unknown>(wire, many ? arrayOf(built) : built, options);
  return decorate([
    Expose({ name: wire }),
    Type(cls),
    readTransform(({ value }: { value: unknown }) => check(value), {
      read,
      convert,
      nullable: options.nullable === true,
    }),
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
      own?.read ??
      ((value, plain) =>
        transforms.reduce<unknown>(
          (v, t) => t.transformFn({ value: v, key, obj: plain, type: TransformationType.PLAIN_TO_CLASS, options: {} }),
          value,
        ));
    byKey.delete(key); // a subclass's redeclaration replaces its ancestor's, at the end
    byKey.set(key, {
      key,
      wire,
      read,
      needsObject: own === undefined,
      own,
    });
  }
  return [...byKey.values()];
}

/**
 * A hydrator specialised to one class: straight-line code with constant property names, so V8
 * keeps every store monomorphic (a generic loop over field names is ~2× slower on large pages).
 * Names reach the generated code only through JSON.stringify.
 *
 * A field made by {@link Field} is read inline: null or absent, else its bare converter, each
 * called from its own site (so V8 can inline it there). A converter's error does not name its
 * field; on one, the wire object is read again field by field through the checked readers, in
 * the same order, and the first to fail throws its error named, as they always did.
 */
function compile<T>(cls: EntityClass<T>): (plain: Record<string, unknown>) => T {
  const fields = entityFields(cls);
  if (fields.length === 0) throw new TypeError(`${cls.name} declares no entity fields`);
  const lines = fields.map((f, i) => {
    const key = JSON.stringify(f.key);
    const wire = JSON.stringify(f.wire);
    if (f.own === undefined) return `e[${key}] = r[${i}](p[${wire}]${f.needsObject ? ', p' : ''});`;
    const absent = f.own.nullable ? 'null' : `r[${i}](v)`;
    return `v = p[${wire}]; e[${key}] = v === null || v === undefined ? ${absent} : k[${i}](v);`;
  });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- deliberate: one compiled hydrator per entity class, built only from its own field names
  const build = new Function(
    'C',
    'r',
    'k',
    'again',
    `return function hydrate${cls.name}(p) { const e = new C(); let v; try { ${lines.join(' ')} } catch (x) { again(p, x); } return e; };`,
  ) as (
    C: EntityClass<T>,
    r: readonly FieldReader[],
    k: ReadonlyArray<WireConverter<unknown> | undefined>,
    again: (plain: Record<string, unknown>, error: unknown) => never,
  ) => (plain: Record<string, unknown>) => T;
  const again = (plain: Record<string, unknown>, error: unknown): never => {
    if (error instanceof WireValueError) for (const f of fields) f.read(plain[f.wire], plain);
    throw error;
  };
  return build(
    cls,
    fields.map((f) => f.read),
    fields.map((f) => f.own?.convert),
    again,
  );
}

/**
 * Builds an entity from a lossless-parsed wire object. Throws {@link WireValueError} naming the
 * field when a value does not fit.
 */
export function hydrate<T>(cls: EntityClass<T>, plain: unknown): T {
  const wire = wireObject(cls, plain);
  return hydrator(cls)(wire);
}

/** Builds an array of entities; errors name the item index. */
export function hydrateMany<T>(cls: EntityClass<T>, plain: unknown): T[] {
  if (!Array.isArray(plain)) throw new WireValueError(`expected an array of ${cls.name}, got ${typeof plain}`);
  let build: ((p: Record<string, unknown>) => T) | undefined;
  return plain.map((item, i) => {
    try {
      const wire = wireObject(cls, item);
      build ??= hydrator(cls);
      return build(wire);
    } catch (e) {
      throw e instanceof WireValueError ? new WireValueError(`[${i}] ${e.message}`) : e;
    }
  });
}

/** The compiled hydrator of `cls`, compiled on its first use. */
function hydrator<T>(cls: EntityClass<T>): (plain: Record<string, unknown>) => T {
  let build = compiled.get(cls) as ((p: Record<string, unknown>) => T) | undefined;
  if (!build) {
    build = compile(cls);
    compiled.set(cls, build);
  }
  return build;
}

/** `plain` as a wire object, or the error hydrating `cls` from anything else. */
function wireObject(cls: EntityClass<unknown>, plain: unknown): Record<string, unknown> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new WireValueError(
      `expected an object for ${cls.name}, got ${Array.isArray(plain) ? 'an array' : typeof plain}`,
    );
  }
  return plain as Record<string, unknown>;
}

export { toBool, toDate, toDecimal, toInt, toJson, toText, arrayOf, arrayCodec, WireValueError };
export type { WireCodec, WireConverter };
