import type { Profile } from './profile.js';

/**
 * How a stale nonce is answered (the status is not recorded anywhere, quoine-api.md §9.2).
 * @group Sandbox
 */
export interface NonceErrorStyle {
  /** HTTP status (default 401, as ccxt's mapping of the text among 401 bodies suggests). */
  readonly status: number;
  /** `text`: the bare text `Nonce is too small`; `json`: `{"message":"Nonce is too small"}`. */
  readonly shape: 'text' | 'json';
}

/** The server layer's settings (the exchange's own settings live in the exchange). */
export interface ServerSettings {
  readonly profile: Profile;
  /** Requests per 5 minutes per token (per client IP for public calls); `false` turns the limit off. */
  readonly rateLimit: number | false;
  readonly nonceError: NonceErrorStyle;
  /** Receives soft-check warnings (missing version header, JWT path mismatch); never a secret or token. */
  readonly warn: (message: string) => void;
  /** Longest time, in ms, a client may take to send a whole request (body included). */
  readonly requestTimeoutMs: number;
  /** Longest time, in ms, a client may take to send a request's headers. */
  readonly headersTimeoutMs: number;
}

/** The rate-limit window: 5 minutes (quoine-api.md §5). */
export const RATE_LIMIT_WINDOW_MS = 5 * 60 * 1000;

export const AUTH_FAILED_TEXT = 'API Authentication failed';
export const NONCE_TOO_SMALL_TEXT = 'Nonce is too small';
/** The rate-limit window in seconds, which the exchange's 429 message names. */
export const RATE_LIMIT_WINDOW_SECONDS = RATE_LIMIT_WINDOW_MS / 1000;

/**
 * The exchange's 429 message (quoine-api.md §4.2, §5: `API rate limit exceeded. Please retry after
 * 300s`), naming the seconds until the caller may retry.
 */
export function rateLimitedMessage(seconds: number): string {
  return `API rate limit exceeded. Please retry after ${seconds}s`;
}

/** Defaults of the `requestTimeoutSeconds` and `headersTimeoutSeconds` options. */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;
export const DEFAULT_HEADERS_TIMEOUT_SECONDS = 10;
