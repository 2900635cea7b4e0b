/**
 * One metadata system: every entity field is declared once, in class-transformer's storage, and
 * the compiled hydrator reads exactly that. A field the TypeScript class declares, class-transformer
 * exposes (with a reader and a writer) and the hydrator fills must be the same set for every
 * entity class; a field declared with class-transformer's own decorators reaches the hydrator.
 */
import { expect } from 'chai';
import { Expose, Transform, TransformationType, plainToInstance } from 'class-transformer';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage.js';
import { IntField, TextField, entityFields, hydrate } from '../../lib/core/fields.js';

const storage = (
  createRequire(import.meta.url)('class-transformer/cjs/storage.js') as { defaultMetadataStorage: MetadataStorage }
).defaultMetadataStorage;

/** Classes built from their constructor's arguments by a codec (levels, candles), not entities. */
const VALUE_CLASSES = ['Candle', 'PriceLevel'];

/** Every class exported by lib/entities/*.ts and by the lib/realtime modules that declare fields. */
async function entityClasses(): Promise<Array<new () => object>> {
  const root = join(import.meta.dirname, '../../lib');
  const files = [
    ...readdirSync(join(root, 'entities')).map((f) => join(root, 'entities', f)),
    ...readdirSync(join(root, 'realtime'))
      .map((f) => join(root, 'realtime', f))
      .filter((f) => f.endsWith('.ts') && readFileSync(f, 'utf8').includes('core/fields.js')),
  ];
  const classes = new Set<new () => object>();
  for (const file of files) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value)))
        classes.add(value as new () => object);
    }
  }
  return [...classes];
}

describe('entity metadata: one system', () => {
  let classes: Array<new () => object> = [];
  before(async () => {
    classes = await entityClasses();
  });

  it('finds the entity classes, and only the value classes take constructor arguments', () => {
    expect(classes.length).to.be.greaterThan(35);
    expect(
      classes
        .filter((c) => c.length > 0)
        .map((c) => c.name)
        .sort(),
    ).to.deep.equal(VALUE_CLASSES);
  });

  it('declares every field of every entity class in the class, in class-transformer both ways, and in the hydrator', () => {
    const problems: string[] = [];
    for (const cls of classes.filter((c) => !VALUE_CLASSES.includes(c.name))) {
      const declared = Object.keys(new cls()).sort();
      const toClass = storage.getExposedProperties(cls, TransformationType.PLAIN_TO_CLASS).sort();
      const toPlain = storage.getExposedProperties(cls, TransformationType.CLASS_TO_PLAIN).sort();
      let hydrated: string[] = [];
      try {
        hydrated = entityFields(cls)
          .map((f) => f.key)
          .sort();
      } catch (e) {
        problems.push(`${cls.name}: ${(e as Error).message}`);
      }
      for (const [what, keys] of [
        ['plainToInstance', toClass],
        ['instanceToPlain', toPlain],
        ['the hydrator', hydrated],
      ] as const) {
        if (keys.join() !== declared.join())
          problems.push(`${cls.name}: ${what} sees [${keys.join()}], the class declares [${declared.join()}]`);
      }
      for (const key of declared) {
        const reads = storage.findTransformMetadatas(cls, key, TransformationType.PLAIN_TO_CLASS).length;
        const writes =
          storage.findTransformMetadatas(cls, key, TransformationType.CLASS_TO_PLAIN).length > 0 ||
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- class-transformer types it as always found; it returns undefined when absent
          storage.findTypeMetadata(cls, key) !== undefined;
        if (reads !== 1) problems.push(`${cls.name}.${key}: ${reads} toClassOnly transforms`);
        if (!writes)
          problems.push(
            `${cls.name}.${key}: no toPlainOnly transform and no @Type, so instanceToPlain writes it unconverted`,
          );
      }
    }
    expect(problems).to.deep.equal([]);
  });

  it("hydrates a field declared with class-transformer's own decorators exactly as plainToInstance does", () => {
    class Probe {
      @IntField('id') id!: number;
      @Expose({ name: 'wire_name' })
      @Transform(({ obj }: { obj: Record<string, unknown> }) => String(obj['wire_name']).toUpperCase(), {
        toClassOnly: true,
      })
      wireName!: string;
    }
    const plain = { id: '7', wire_name: 'abc' };
    const ours = hydrate(Probe, plain);
    // Spreads compare own fields only: the prototype is dropped on purpose (no-misused-spread below too)
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- own fields only, on purpose
    expect({ ...ours }).to.deep.equal({ id: 7, wireName: 'ABC' });
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- own fields only, on purpose
    expect({ ...plainToInstance(Probe, plain, { excludeExtraneousValues: true }) }).to.deep.equal({ ...ours });
  });

  it('refuses a field exposed without a reader instead of copying the wire value unconverted', () => {
    class Bare {
      @IntField('id') id!: number;
      @Expose({ name: 'note' }) note!: string;
    }
    expect(() => hydrate(Bare, { id: '1', note: 5 })).to.throw(
      TypeError,
      /Bare\.note is exposed as "note" without a toClassOnly @Transform/,
    );
  });

  it('reads inherited fields once, and a redeclared field by its last declaration', () => {
    class Base {
      @IntField('id') id!: number;
      @TextField('name') name!: string;
    }
    class Derived extends Base {
      @TextField('label') override name = '';
      @TextField('extra') extra!: string;
    }
    const plain = { id: '1', name: 'base', label: 'derived', extra: 'x' };
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- own fields only, on purpose
    expect({ ...hydrate(Derived, plain) }).to.deep.equal({
      // eslint-disable-next-line @typescript-eslint/no-misused-spread -- own fields only, on purpose
      ...plainToInstance(Derived, plain, { excludeExtraneousValues: true }),
    });
    expect(hydrate(Derived, plain).name).to.equal('derived');
  });
});
