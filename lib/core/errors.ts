/**
 * The error hierarchy. Every error the SDK throws is a {@link QuoineError}; none of them ever
 * carries the API secret or a signed token (the transport never hands them request headers).
 *
 * ```
 * QuoineError
 * ├── QuoineRequestError          bad input caught before anything was sent
 * ├── QuoineResponseError         a body that is not the JSON it should be
 * │   └── QuoineResponseTooLargeError  a body over `maxResponseBytes` (after decompression)
 * ├── QuoineConnectionError       no usable HTTP response (refused, reset, DNS …)
 * │   └── QuoineTimeoutError      the request ran out of time
 * ├── QuoineAbortError            the caller's AbortSignal fired
 * ├── QuoineCoordinationError     the coordinator (Redis) could not give the lane or a slot; nothing sent
 * └── QuoineAPIError              the exchange answered with an error status
 *     ├── BadRequestError (400)
 *     ├── AuthenticationError (401)
 *     │   └── NonceTooSmallError  "Nonce is too small"
 *     ├── NotFoundError (404)
 *     ├── UnprocessableEntityError (422)
 *     ├── RateLimitError (429)
 *     └── ServiceUnavailableError (500, 502, 503, 504)
 * ```
 *
 * Import them from here. They live in three files: the root in `quoine-error.ts`, what the SDK
 * finds itself (request, response, connection, abort) in `client-errors.ts`, a coordinator's
 * failure in `coordination-error.ts`, and the exchange's
 * error answers in `api-errors.ts`.
 * @module
 */
export * from './quoine-error.js';
export * from './client-errors.js';
export * from './api-errors.js';
export * from './coordination-error.js';
