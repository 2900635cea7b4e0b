/**
 * What a reader of an error or a text could recover of a credential: every view of an error a
 * program or a log could produce, the runs of a secret worth replaying, and what base64 runs
 * decode to. Shared by the scrubber's unit specs and the hostile-server specs.
 */
import { inspect } from 'node:util';

/** Every string reachable from `value`: own fields (enumerable or not), nested, keys too. */
export function allStrings(value: unknown, seen = new WeakSet<object>()): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  for (const key of Object.getOwnPropertyNames(value)) {
    out.push(key);
    out.push(...allStrings((value as Record<string, unknown>)[key], seen));
  }
  return out;
}

/** Every view of an error a program or a log could produce. */
export function views(error: Error): string[] {
  return [
    error.message,
    String(error),
    error.stack ?? '',
    inspect(error, { depth: 20, showHidden: true }),
    JSON.stringify(error),
    JSON.stringify((error as { headers?: unknown }).headers ?? null),
    inspect(error.cause, { depth: 20, showHidden: true }),
    JSON.stringify(error.cause ?? null),
    ...allStrings(error),
  ];
}

/** The runs of `length` characters of `text`. */
export const windowsOf = (text: string, length: number): string[] =>
  Array.from({ length: Math.max(0, text.length - length + 1) }, (_, i) => text.slice(i, i + length));

/**
 * What each base64 or base64url run of `text` decodes to, at each of the four character
 * alignments (the run may start mid-group): an echo encoded whole or inside a longer text.
 */
export function decodedRuns(text: string): string[] {
  return [...text.matchAll(/[A-Za-z0-9+/_-]{16,}/g)].flatMap(([run]) =>
    [0, 1, 2, 3].map((skip) => Buffer.from(run.slice(skip), 'base64').toString('latin1')),
  );
}

/**
 * The first run of `length` characters of one of `secrets` that one of `texts` holds, in any
 * letter case (a header name comes back lower-cased, still a credential to a patient reader),
 * or undefined. Plain loops: chai per (text, run) pair costs seconds.
 */
export function leakedRun(texts: readonly string[], secrets: readonly string[], length: number): string | undefined {
  const lower = texts.map((t) => t.toLowerCase());
  return secrets.flatMap((s) => windowsOf(s, length)).find((w) => lower.some((t) => t.includes(w.toLowerCase())));
}
