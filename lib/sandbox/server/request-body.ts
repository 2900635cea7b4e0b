import type { IncomingMessage } from 'node:http';
import { HttpError, messageResponse } from './responses.js';
import { parseRequestJson } from '../wire/json.js';

/** Request bodies above this size are refused (the API's bodies are a few hundred bytes). */
export const MAX_BODY_BYTES = 1_000_000;

/** Reads the raw body text. */
export async function readBodyText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(messageResponse(413, 'Request Entity Too Large'));
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The request's parameters as one flat object of JSON values (numbers kept as their source text):
 * the JSON body, plus for non-GET requests the query string's parameters the body does not set
 * (the Japanese docs pass `closed_quantity` in the query of a PUT). A body that is not a JSON object
 * answers 400.
 */
export function requestParams(method: string, bodyText: string, query: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (method !== 'GET') for (const [key, value] of query) params[key] = value;
  if (bodyText.trim() === '') return params;
  let body: unknown;
  try {
    body = parseRequestJson(bodyText);
  } catch {
    throw new HttpError(messageResponse(400, 'Invalid JSON in request body'));
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw HttpError.missingParameters();
  return Object.assign(params, body);
}
