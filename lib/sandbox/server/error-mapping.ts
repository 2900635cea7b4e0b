import { ExchangeError } from '../exchange/errors.js';
import { errorsResponse, HttpError, messageResponse, type SandboxResponse } from './responses.js';

/**
 * The response for an error thrown by a handler: the exchange's typed refusals print as
 * `{"errors":{field:[code]}}` (field set) or `{"message": …}`, with the exchange's status; the
 * server's own `HttpError`s carry their response. Anything else is a bug: `undefined`.
 */
export function mapError(error: unknown): SandboxResponse | undefined {
  if (error instanceof HttpError) return error.response;
  if (error instanceof ExchangeError) {
    return error.field !== undefined && error.code !== undefined
      ? errorsResponse(error.status, error.field, error.code)
      : messageResponse(error.status, error.message);
  }
  return undefined;
}
