/**
 * Pages of any size built as TEXT from a paginated fixture of `fixtures/liquid/`: the fixture's
 * rows are cut out of its text (never parsed and re-printed, which would round money through a
 * float), cycled to the wanted count with fresh ids, and wrapped as the exchange sent a page.
 */
import { readFileSync } from 'node:fs';

/** A fixture's text, compacted as the server sent it (the fixtures are pretty-printed; none of their strings holds a newline or `": `). */
export function compactFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/liquid/${name}.json`, import.meta.url), 'utf8')
    .replace(/\n\s*/g, '')
    .replace(/": /g, '":');
}

/** The texts of the objects directly inside the `"models":[…]` array of a compacted page. */
export function rowsOf(page: string): string[] {
  const start = page.indexOf('"models":[');
  if (start < 0) throw new Error('not a page: no "models" array');
  const rows: string[] = [];
  let depth = 0;
  let rowStart = -1;
  for (let i = start + '"models":['.length; i < page.length; i++) {
    const c = page[i];
    if (c === '"') {
      // Skip the string (escaped quotes included).
      for (i++; page[i] !== '"'; i++) if (page[i] === '\\') i++;
    } else if (c === '{' || c === '[') {
      if (depth === 0) rowStart = i;
      depth++;
    } else if (c === '}' || c === ']') {
      if (depth === 0) return rows; // the end of "models"
      depth--;
      if (depth === 0) rows.push(page.slice(rowStart, i + 1));
    }
  }
  throw new Error('unterminated "models" array');
}

/**
 * A page of `n` rows cycled from `templates`, the top-level `"id"` of row k rewritten to
 * `firstId + k` so every row is distinct.
 */
export function pageOf(templates: readonly string[], n: number, firstId: number): string {
  if (templates.length === 0) throw new Error('no template rows');
  const rows = Array.from({ length: n }, (_, k) =>
    (templates[k % templates.length] as string).replace(/^\{"id":\d+/, `{"id":${firstId + k}`),
  );
  return `{"models":[${rows.join(',')}],"current_page":1,"total_pages":${n}}`;
}
