import { writeJson, type WireValue } from '../wire/json.js';

/** Every body the sandbox writes carries this type, as the Rails server did (plain-text errors included). */
export const CONTENT_TYPE = 'application/json; charset=utf-8';

/** A response a handler or the pipeline decided on, before it is written to the socket. */
export interface SandboxResponse {
  readonly status: number;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A JSON body. */
export function jsonResponse(value: WireValue, status = 200): SandboxResponse {
  return { status, body: writeJson(value) };
}

/** A plain-text body (the exchange answered 401 and 429 with bare text). */
export function textResponse(status: number, text: string, headers?: Record<string, string>): SandboxResponse {
  return headers === undefined ? { status, body: text } : { status, body: text, headers };
}

/** `{"message": "..."}`, the first of the two legacy error shapes (quoine-api.md §4.2). */
export function messageResponse(status: number, message: string): SandboxResponse {
  return jsonResponse({ message }, status);
}

/** `{"errors": {field: [code]}}`, the Rails validation shape (quoine-api.md §4.2). */
export function errorsResponse(status: number, field: string, code: string): SandboxResponse {
  return jsonResponse({ errors: { [field]: [code] } }, status);
}

/**
 * Thrown by a handler to answer with an error (bad input found by the server layer before the
 * exchange is called). The exchange's own errors are mapped in `error-mapping.ts`.
 */
export class HttpError extends Error {
  constructor(readonly response: SandboxResponse) {
    super(`HTTP ${response.status}`);
    this.name = 'HttpError';
  }

  /** 400 `{"message":"missing parameters"}` (the text the Liquid docs give). */
  static missingParameters(): HttpError {
    return new HttpError(messageResponse(400, 'missing parameters'));
  }

  /** 422 `{"errors":{field:[code]}}`. */
  static invalid(field: string, code: string): HttpError {
    return new HttpError(errorsResponse(422, field, code));
  }

  /** 404 `{"message": text}`. */
  static notFound(message: string): HttpError {
    return new HttpError(messageResponse(404, message));
  }
}
