/** Reads fixture files as text (never through JSON.parse: that would round the money). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The two eras whose bodies the fixtures hold. */
export const ERAS = ['quoine', 'liquid'] as const;
/** An era. */
export type Era = (typeof ERAS)[number];

/** The text of `fixtures/<era>/<name>.json`. */
export function fixture(era: Era, name: string): string {
  return readFileSync(`${root}${era}/${name}.json`, 'utf8');
}

/** An error fixture: status, content type and body text. */
export interface ErrorFixture {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** `fixtures/errors/<name>.json`. */
export function errorFixture(name: string): ErrorFixture {
  return JSON.parse(readFileSync(`${root}errors/${name}.json`, 'utf8')) as ErrorFixture;
}

/** An entry of `fixtures/index.json`. */
export interface FixtureIndexEntry {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly ref: number;
  readonly paginated: boolean;
}

/** Every endpoint fixture. */
export function fixtureIndex(): FixtureIndexEntry[] {
  return JSON.parse(readFileSync(`${root}index.json`, 'utf8')) as FixtureIndexEntry[];
}
