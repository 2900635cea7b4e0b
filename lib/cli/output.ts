/**
 * Output of the `quoine` command: aligned tables for people, JSON for programs, and one clear
 * line for errors. Money is printed with `toFixed()`: exact, never exponent notation.
 */
import { createRequire } from 'node:module';
import type TableClass from 'cli-table3';
import type { Decimal } from 'decimal.js';
import { AuthenticationError, NonceTooSmallError } from '../core/errors.js';
import { redactTokens } from '../core/scrub.js';

// cli-table3 (CommonJS, with its string-width dependencies) is required at the first table, not
// when the command starts: `quoine --help` and `--json` output never draw one.
let Table: typeof TableClass | undefined;

/**
 * Whether `value` is a decimal.js Decimal (of any clone, QDecimal included), by the tag decimal.js
 * gives its instances: this module does not load decimal.js, which `quoine --help` never needs.
 */
function isDecimal(value: unknown): value is Decimal {
  return Object.prototype.toString.call(value) === '[object Decimal]';
}

/** A table cell: text, a number, a Decimal, a Date, or nothing. */
export type Cell = string | number | Decimal | Date | null | undefined;

/** Text of a cell. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (isDecimal(value)) return value.toFixed();
  if (value instanceof Date)
    return value
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z');
  return String(value);
}

/** Renders rows as an aligned table (numbers and decimals right-aligned). */
export function renderTable(head: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const numeric = head.map(
    (_, i) =>
      rows.length > 0 &&
      rows.every((r) => r[i] === null || r[i] === undefined || isDecimal(r[i]) || typeof r[i] === 'number'),
  );
  Table ??= createRequire(import.meta.url)('cli-table3') as typeof TableClass;
  const table = new Table({
    head: [...head],
    style: { head: [], border: [], compact: true },
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '─',
      'mid-mid': '─',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
    colAligns: numeric.map((n) => (n ? 'right' : 'left')),
  });
  for (const row of rows) table.push(row.map(cellText));
  return table.toString();
}

/** JSON text of a value: Decimals as exact strings, Dates as ISO strings. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isDecimal(v) ? v.toFixed() : v), 2);
}

/** The one prefix of every error line the command prints. */
export const ERROR_PREFIX = 'quoine: error: ';

/** What to print for an error: its message once prefixed; with `debug`, the stack after it. Never a signed token. */
export function describeError(error: unknown, debug: boolean): string {
  // The SDK's errors are scrubbed already; this guards any other error the same way.
  const message = redactTokens(error instanceof Error ? error.message : String(error));
  // A refused signature (not a stale nonce) is almost always a wrong secret or token id.
  const hint =
    error instanceof AuthenticationError && !(error instanceof NonceTooSmallError)
      ? '; check the API secret and its token id (QUOINE_SECRET and QUOINE_TOKEN_ID, or --secret and --token-id)'
      : '';
  const stack = debug && error instanceof Error && error.stack ? `\n${redactTokens(error.stack)}` : '';
  return `${ERROR_PREFIX}${message}${hint}${stack}`;
}
