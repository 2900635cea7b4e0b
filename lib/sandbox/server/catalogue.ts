import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A catalogue row in wire format (the exchange reads the fields it needs). */
export type CatalogueRow = Readonly<Record<string, unknown>>;

/** The sandbox's first state: `fixtures/catalogue/*.json`, shared with the fixtures engineer. */
export interface Catalogue {
  readonly products: readonly CatalogueRow[];
  readonly currencies: readonly CatalogueRow[];
  readonly fees: readonly CatalogueRow[];
  readonly leverageLevels: { readonly quoine: readonly number[]; readonly liquid: readonly number[] };
}

/** `fixtures/catalogue` in the repository and in the published package (lib/ and dist/ sit at the same depth). */
const CATALOGUE_DIR = fileURLToPath(new URL('../../../fixtures/catalogue/', import.meta.url));

/** Loads the catalogue files (plain JSON.parse: they hold only strings, small integers and booleans). */
export function loadCatalogue(directory: string = CATALOGUE_DIR): Catalogue {
  const read = (name: string): unknown => JSON.parse(readFileSync(`${directory}/${name}.json`, 'utf8'));
  return {
    products: read('products') as CatalogueRow[],
    currencies: read('currencies') as CatalogueRow[],
    fees: read('fees') as CatalogueRow[],
    leverageLevels: read('leverage_levels') as Catalogue['leverageLevels'],
  };
}
