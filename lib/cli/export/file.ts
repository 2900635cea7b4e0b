/**
 * The export file: CSV (with a header row) or JSON Lines, chosen by the extension. An existing
 * file is read back so that a re-run continues where it ended: a partial last line (the run was
 * killed mid-write) is cut off, and the ids already written are skipped.
 */
import { closeSync, existsSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { QuoineRequestError } from '../../core/errors.js';
import type { Row } from './columns.js';

/** What an existing export file already holds. */
export interface ExistingRows {
  /** Ids already written. */
  readonly ids: ReadonlySet<string>;
  /** The last complete row, if any. */
  readonly last: Row | undefined;
  /** How many rows. */
  readonly count: number;
}

/** An export file opened for appending. */
export class ExportFile {
  readonly #fd: number;
  readonly #format: 'csv' | 'jsonl';
  readonly #columns: readonly string[];
  /** What the file held when it was opened. */
  readonly existing: ExistingRows;

  /**
   * @param path `…/file.csv` or `…/file.jsonl`
   * @param columns the columns of the kind being exported
   */
  constructor(path: string, columns: readonly string[]) {
    const format = path.endsWith('.csv') ? 'csv' : path.endsWith('.jsonl') ? 'jsonl' : undefined;
    if (!format) throw new QuoineRequestError(`--out must end with .csv or .jsonl, got ${JSON.stringify(path)}`, 'out');
    this.#format = format;
    this.#columns = columns;
    this.existing = existsSync(path) ? readExisting(path, format, columns) : { ids: new Set(), last: undefined, count: 0 };
    this.#fd = openSync(path, 'a');
    if (format === 'csv' && this.existing.count === 0 && !hasHeader(path)) writeSync(this.#fd, stringify([columns.slice()]));
  }

  /** Appends one row; written through at once, so an interruption loses at most this row. */
  write(row: Row): void {
    const line = this.#format === 'csv' ? stringify([this.#columns.map((c) => row[c] ?? '')]) : `${JSON.stringify(row)}\n`;
    writeSync(this.#fd, line);
  }

  /** Closes the file. */
  close(): void {
    closeSync(this.#fd);
  }
}

function hasHeader(path: string): boolean {
  return existsSync(path) && readFileSync(path, 'utf8').length > 0;
}

/** Reads the complete rows of an existing file, cutting off a partial last line. */
function readExisting(path: string, format: 'csv' | 'jsonl', columns: readonly string[]): ExistingRows {
  let text = readFileSync(path, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) {
    truncateSync(path, Buffer.byteLength(text.slice(0, end)));
    text = text.slice(0, end);
  }
  let rows: Row[];
  if (format === 'csv') {
    const records = parse(text, { columns: true, skip_empty_lines: true }) as Row[];
    const header = text.slice(0, text.indexOf('\n'));
    if (text.length > 0 && header !== columns.join(',')) {
      throw new QuoineRequestError(`${path} has other columns (${header}); choose another --out file`, 'out');
    }
    rows = records;
  } else {
    rows = text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Row);
  }
  return { ids: new Set(rows.map((r) => r.id ?? '')), last: rows.at(-1), count: rows.length };
}
