import type { FaultInjector, FaultSpec } from './faults.js';
import { jsonResponse, messageResponse, type SandboxResponse } from './responses.js';

/** Fields a fault sent as JSON may have, and the kinds it may name. */
const FAULT_FIELDS = new Set([
  'method',
  'path',
  'bodyContains',
  'times',
  'kind',
  'status',
  'body',
  'retryAfter',
  'ms',
  'stallMs',
]);
const FAULT_KINDS = new Set([
  'status',
  'delay',
  'reset-before',
  'reset-after',
  'malformed-body',
  'truncated-body',
  'slow-body',
]);
/** Longest fault `body` (a made-up response) and longest wait (`ms`, `stallMs`) accepted over HTTP. */
const MAX_FAULT_BODY_CHARS = 65_536;
const MAX_FAULT_WAIT_MS = 600_000;

/**
 * Loopback-only control routes, for tests written in another language or process:
 * - `POST /__sandbox/faults` with a {@link FaultSpec} as JSON (`path` as a string pattern) adds a fault;
 * - `DELETE /__sandbox/faults` clears them; `GET /__sandbox/faults` tells how many uses are left.
 * Not part of the exchange's API; never rate-limited, never faulted. The HTTP server refuses
 * requests a browser could send cross-origin before they get here (see `control-guard.ts`).
 */
export function controlRoutes(
  faults: FaultInjector,
): (method: string, path: string, bodyText: string) => SandboxResponse | undefined {
  return (method, path, bodyText) => {
    if (path.replace(/\/$/, '') !== '/__sandbox/faults') return undefined;
    if (method === 'DELETE') {
      faults.clear();
      return jsonResponse({ remaining: 0 });
    }
    if (method === 'GET') return jsonResponse({ remaining: faults.remaining });
    if (method !== 'POST') return undefined;
    try {
      faults.add(parseFaultSpec(JSON.parse(bodyText)));
      return jsonResponse({ remaining: faults.remaining });
    } catch (error) {
      return messageResponse(400, error instanceof Error ? error.message : 'invalid fault');
    }
  };
}

/** A fault received as JSON, checked field by field; a `TypeError` names the first bad field. */
export function parseFaultSpec(value: unknown): FaultSpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError('a fault is a JSON object');
  const fields = value as Record<string, unknown>;
  const unknown = Object.keys(fields).find((key) => !FAULT_FIELDS.has(key));
  if (unknown !== undefined) throw new TypeError(`unknown fault field ${JSON.stringify(unknown.slice(0, 40))}`);
  if (typeof fields['kind'] !== 'string' || !FAULT_KINDS.has(fields['kind']))
    throw new TypeError(`fault kind must be one of ${[...FAULT_KINDS].join(', ')}`);
  optional(fields, 'method', (v) => typeof v === 'string' && /^[A-Za-z]{1,10}$/.test(v), 'an HTTP method');
  optional(fields, 'path', (v) => typeof v === 'string', 'a string pattern');
  optional(fields, 'bodyContains', (v) => typeof v === 'string', 'a string');
  optional(fields, 'times', Number.isSafeInteger, 'a positive integer');
  optional(fields, 'status', Number.isInteger, 'an HTTP status code');
  optional(
    fields,
    'body',
    (v) => typeof v === 'string' && v.length <= MAX_FAULT_BODY_CHARS,
    `a string of at most ${MAX_FAULT_BODY_CHARS} characters`,
  );
  optional(
    fields,
    'retryAfter',
    (v) =>
      (typeof v === 'number' && Number.isFinite(v) && v >= 0) ||
      (typeof v === 'string' && /^[\x20-\x7e]{0,64}$/.test(v)),
    'a number or a short header value',
  );
  for (const wait of ['ms', 'stallMs'])
    optional(
      fields,
      wait,
      (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_FAULT_WAIT_MS,
      `0 to ${MAX_FAULT_WAIT_MS} milliseconds`,
    );
  if (fields['kind'] === 'status' && fields['status'] === undefined)
    throw new TypeError('a status fault needs a status');
  if (fields['kind'] === 'delay' && fields['ms'] === undefined) throw new TypeError('a delay fault needs ms');
  return fields as unknown as FaultSpec;
}

function optional(
  fields: Record<string, unknown>,
  name: string,
  valid: (value: unknown) => boolean,
  what: string,
): void {
  if (fields[name] !== undefined && !valid(fields[name])) throw new TypeError(`fault ${name} must be ${what}`);
}
