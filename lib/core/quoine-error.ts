/**
 * The root of the error tree, {@link QuoineError}, and {@link RequestTarget}, which the request
 * and API branches both carry. `errors.ts` draws the whole tree.
 * @module
 */
import { redactTokens } from './scrub.js';

/**
 * Base class of every error thrown by the SDK.
 *
 * Its message never holds a JWT-shaped token: they
 * are redacted here, before the stack is captured, whoever builds the error (the transport
 * also removes the secret and the exact token of the call from every field; see `core/scrub.ts`).
 * @group Errors
 * @hideconstructor
 */
export class QuoineError extends Error {
  /** The error class's name. */
  override name = 'QuoineError';

  /**
   * @param message what happened
   * @param options the cause, if any
   */
  constructor(message: string, options?: ErrorOptions) {
    super(redactTokens(message), options);
  }
}

/**
 * Where a failed request stood: enough to say whether the call may have taken effect.
 * @group Errors
 */
export interface RequestTarget {
  /** HTTP method, e.g. `POST`. */
  readonly method: string;
  /** Request path with its query string, e.g. `/orders?product_id=5`. */
  readonly path: string;
}
