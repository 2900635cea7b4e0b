/**
 * The export file: CSV (with a header row) or JSON Lines, chosen by the extension. An existing
 * file is read back so that a re-run continues it: its complete rows are the ids already written
 * (a torn last line, left by a run killed mid-write, is ignored and cut off before the first
 * append). Nothing touches the disk until the first row is written, so a run that fails before
 * that leaves no empty or header-only file behind and an existing file exactly as it was.
 * While open, the file is locked (lock.ts): one writer at a time.
 */
import { closeSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { QuoineRequestError } from '../../core/errors.js';
import type { Row } from './columns.js';
import { lockExportFile, type ExportLock } from './lock.js';

type Format = 'csv' | 'jsonl';

/** An export file: what it held when opened, and appending to it. */
export class ExportFile {
  readonly #path: string;
  readonly #format: Format;
  readonly #columns: readonly string[];
  readonly #ids: Set<string>;
  readonly #rows: readonly Row[];
  /** Bytes of complete lines (header included) in the file as found; a torn tail lies beyond. */
  readonly #completeBytes: number;
  /** Whether the file as found starts with a complete header row (CSV). */
  readonly #hasHeader: boolean;
  readonly #lock: ExportLock;
  #fd: number | undefined;
  /** How many distinct rows the file held when it was opened. */
  readonly count: number;
  /** The smallest id the file held when it was opened. */
  readonly oldestId: string | undefined;
  /** The last complete row of the file as found. */
  readonly last: Row | undefined;

  /**
   * Reads an existing file (if any); writes nothing.
   * @param path `…/file.csv` or `…/file.jsonl`
   * @param columns the columns of the kind being exported
   */
  constructor(
    path: string,
    columns: readonly string[],
    say: (line: string) => void = (line) => void process.stderr.write(`${line}\n`),
  ) {
    const format = path.endsWith('.csv') ? 'csv' : path.endsWith('.jsonl') ? 'jsonl' : undefined;
    if (!format) throw new QuoineRequestError(`--out must end with .csv or .jsonl, got ${JSON.stringify(path)}`, 'out');
    this.#path = path;
    this.#format = format;
    this.#columns = columns;
    // Held from before the file is read until close(): a second writer would write the same rows again.
    this.#lock = lockExportFile(path, say);
    let found: Found;
    try {
      found = readExisting(path, format, columns);
    } catch (error) {
      this.#lock.release();
      throw error;
    }
    this.#rows = found.rows;
    this.#ids = new Set(found.rows.map((r) => r.id ?? ''));
    this.#completeBytes = found.completeBytes;
    this.#hasHeader = found.hasHeader;
    this.count = this.#ids.size;
    this.oldestId = smallestId(this.#ids);
    this.last = found.rows.at(-1);
  }

  /** How many distinct ids of the file as found satisfy `belongs`, and the smallest of them. */
  scope(belongs: (row: Row) => boolean): { readonly count: number; readonly oldestId: string | undefined } {
    const ids = new Set(this.#rows.filter(belongs).map((r) => r.id ?? ''));
    return { count: ids.size, oldestId: smallestId(ids) };
  }

  /** The complete rows of the file as found, in file order. */
  get rows(): readonly Row[] {
    return this.#rows;
  }

  /** Whether a row with this id is in the file (found there or written since). */
  has(id: string | number): boolean {
    return this.#ids.has(String(id));
  }

  /** Appends one row (written through at once: an interruption loses at most this row). */
  write(row: Row): void {
    const fd = this.#open();
    const line =
      this.#format === 'csv' ? stringify([this.#columns.map((c) => row[c] ?? '')]) : `${JSON.stringify(row)}\n`;
    writeSync(fd, line);
    this.#ids.add(row.id ?? '');
  }

  /** The run succeeded: make sure the file exists even if there was no row to write (a CSV gets its header). */
  complete(): void {
    this.#open();
  }

  /** Closes the file if it was opened, and releases its lock. */
  close(): void {
    try {
      if (this.#fd !== undefined) closeSync(this.#fd);
    } finally {
      this.#fd = undefined;
      this.#lock.release();
    }
  }

  /** Opens for appending on first use: cuts a torn tail, writes the CSV header if missing. */
  #open(): number {
    if (this.#fd !== undefined) return this.#fd;
    const fd = openSync(this.#path, 'a');
    this.#fd = fd;
    truncateSync(this.#path, this.#completeBytes);
    if (this.#format === 'csv' && !this.#hasHeader) writeSync(fd, stringify([this.#columns.slice()]));
    return fd;
  }
}

interface Found {
  readonly rows: readonly Row[];
  readonly completeBytes: number;
  readonly hasHeader: boolean;
}

/** The complete rows of an existing file (none if there is no file). */
function readExisting(path: string, format: Format, columns: readonly string[]): Found {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { rows: [], completeBytes: 0, hasHeader: false };
    throw error;
  }
  const completeBytes = buffer.lastIndexOf(0x0a) + 1;
  const text = buffer.subarray(0, completeBytes).toString('utf8');
  if (format === 'jsonl') {
    const rows = text
      .split('\n')
      .filter((l) => l !== '')
      .map((l, i) => parseJsonLine(l, i + 1, path));
    // Every line's fields, in order, are the kind's columns: a line of another export is refused like a CSV header.
    for (const row of rows)
      if (Object.keys(row).join(',') !== columns.join(','))
        throw anotherExport(path, Object.keys(row).join(','), columns);
    return { rows, completeBytes, hasHeader: false };
  }
  if (text === '') return { rows: [], completeBytes, hasHeader: false };
  const header = text.slice(0, text.indexOf('\n'));
  if (header !== columns.join(',')) throw anotherExport(path, header, columns);
  return { rows: parse<Row>(text, { columns: true, skip_empty_lines: true }), completeBytes, hasHeader: true };
}

/** The one error for a file that holds another kind of export (CSV header or JSONL fields alike). */
function anotherExport(path: string, found: string, columns: readonly string[]): QuoineRequestError {
  return new QuoineRequestError(
    `${path} holds another export (columns ${found}; this export writes ${columns.join(',')}): choose another --out file`,
    'out',
  );
}

function parseJsonLine(line: string, number: number, path: string): Row {
  try {
    const row: unknown = JSON.parse(line);
    if (
      typeof row === 'object' &&
      row !== null &&
      !Array.isArray(row) &&
      Object.values(row).every((v) => typeof v === 'string')
    )
      return row as Row;
  } catch {
    // not JSON: the same refusal as a line that is JSON but not a row of text fields
  }
  throw new QuoineRequestError(
    `${path} line ${number} is not a JSON row of text fields: not a file this command wrote; choose another --out file`,
    'out',
  );
}

/** The numerically smallest of decimal id strings. */
function smallestId(ids: ReadonlySet<string>): string | undefined {
  let smallest: bigint | undefined;
  for (const id of ids) {
    if (!/^\d+$/.test(id)) continue;
    const n = BigInt(id);
    if (smallest === undefined || n < smallest) smallest = n;
  }
  return smallest?.toString();
}
