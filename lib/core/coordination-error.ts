/**
 * The error of a coordinator that cannot coordinate.
 * @module
 */
import { QuoineError } from './quoine-error.js';

/**
 * The call could not take the signing lane or a rate-limit slot because the coordinator's store
 * (Redis, for `quoine/redis`) is unreachable, timed out or refused. Nothing was sent: the call
 * may be repeated once the store is back. The SDK never falls back to local nonces, which would
 * collide with the other processes of the token.
 * @group Errors
 * @hideconstructor
 */
export class QuoineCoordinationError extends QuoineError {
  /** The error class's name. */
  override name = 'QuoineCoordinationError';
  /** Always `false`: the request was not sent. */
  readonly mayHaveBeenProcessed = false;
}
