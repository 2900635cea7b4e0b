/**
 * Reads what an error response says (both JSON shapes the exchange used, and plain text), bounded
 * and redacted whatever the body's size.
 * @module
 */
import type { ErrorBody } from './errors.js';
import { parseLossless } from './json.js';
import { redactTokens, scrub, type Redactor } from './scrub.js';

/** The most characters kept of one message of an error body (the rest is said to be cut). */
export const MAX_MESSAGE_CHARS = 500;
/** The most messages (and the most fields of `errors`) kept from one error body. */
export const MAX_MESSAGES = 50;

/**
 * Reads both error body shapes, and the plain-text bodies of 401 and 429. Whatever the body's
 * size, the result is bounded: at most {@link MAX_MESSAGES} messages and fields of at most
 * {@link MAX_MESSAGE_CHARS} characters each, every cut said as such.
 */
export function parseErrorBody(text: string, redact: Redactor = redactTokens): ErrorBody {
  // Each text is redacted before it is cut: a cut must not leave part of a token behind.
  const cut = (m: string): string => scrub(m, MAX_MESSAGE_CHARS, redact);
  const trimmed = text.trim();
  if (trimmed === '') return { messages: [], errors: {} };
  const whole = (): ErrorBody => ({ messages: [cut(trimmed)], errors: {} });
  let parsed: unknown;
  try {
    parsed = parseLossless(trimmed);
  } catch {
    return whole();
  }
  if (typeof parsed === 'string') return { messages: [cut(parsed)], errors: {} };
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return whole();
  const record = parsed as Record<string, unknown>;
  const messages: string[] = [];
  const errors: Record<string, string[]> = {};
  const say = (m: string): void => void messages.push(cut(m));
  if (typeof record.message === 'string') say(record.message);
  if (typeof record.errors === 'object' && record.errors !== null) {
    if (Array.isArray(record.errors)) {
      for (const m of record.errors.slice(0, MAX_MESSAGES)) say(String(m));
    } else {
      for (const [field, codes] of Object.entries(record.errors as Record<string, unknown>).slice(0, MAX_MESSAGES)) {
        const list = (Array.isArray(codes) ? codes : [codes]).slice(0, MAX_MESSAGES).map((c) => cut(String(c)));
        const name = cut(field);
        errors[name] = list;
        for (const c of list) messages.push(`${name}: ${c}`);
      }
    }
  }
  if (messages.length === 0) return whole();
  if (messages.length > MAX_MESSAGES) {
    const more = messages.length - MAX_MESSAGES;
    messages.length = MAX_MESSAGES;
    messages.push(`… and ${more} more`);
  }
  return { messages, errors };
}
