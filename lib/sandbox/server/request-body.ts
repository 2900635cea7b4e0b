import type { IncomingMessage } from 'node:http';
import { HttpError, messageResponse } from './responses.js';
import { parseRequestJson } from '../wire/json.js';

/** Request bodies above this size are refused (the API's bodies are a few hundred bytes). */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * Reads the raw body text. Rejects with 413 once it passes {@link MAX_BODY_BYTES} (the request is
 * destroyed: the rest is not worth reading), and with the stream's error, or a premature close,
 * when the client goes away first. Listeners rather than `for await`: an async iterator per
 * request cost more than the rest of the body reading.
 */
export function readBodyText(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      settle();
      request.destroy();
      reject(new HttpError(messageResponse(413, 'Request Entity Too Large')));
    };
    const onEnd = (): void => {
      settle();
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      resolve(body.toString('utf8'));
    };
    const onError = (error: Error): void => {
      settle();
      reject(error);
    };
    const onClose = (): void => {
      settle();
      reject(new Error('the request closed before its body ended'));
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}

/**
 * The request's parameters as one flat object of JSON values (numbers kept as their source text):
 * the JSON body, plus for non-GET requests the query string's parameters the body does not set
 * (the Japanese docs pass `closed_quantity` in the query of a PUT). A body that is not a JSON object
 * answers 400.
 */
export function requestParams(method: string, bodyText: string, query: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (method !== 'GET') for (const [key, value] of query) setParam(params, key, value);
  if (bodyText.trim() === '') return params;
  let body: unknown;
  try {
    body = parseRequestJson(bodyText);
  } catch {
    throw new HttpError(messageResponse(400, 'Invalid JSON in request body'));
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw HttpError.missingParameters();
  for (const [key, value] of Object.entries(body)) setParam(params, key, value);
  return params;
}

/**
 * Sets a parameter as an own data property. A plain assignment (or Object.assign) of the key
 * `__proto__` would set the object's prototype instead, so a body `{"__proto__": {"order": …}}`
 * would pass its members off as the request's parameters.
 */
function setParam(params: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(params, key, { value, enumerable: true, writable: true, configurable: true });
  else params[key] = value;
}
