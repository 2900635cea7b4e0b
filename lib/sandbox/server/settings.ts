import type { Profile } from './profile.js';

/** How a stale nonce is answered (the status is not recorded anywhere, quoine-api.md §9.2). */
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
}

/** The rate-limit window: 5 minutes (quoine-api.md §5). */
export const RATE_LIMIT_WINDOW_MS = 5 * 60 * 1000;

export const AUTH_FAILED_TEXT = 'API Authentication failed';
export const NONCE_TOO_SMALL_TEXT = 'Nonce is too small';
export const RATE_LIMITED_TEXT = 'API rate limit exceeded. Please retry after 300s';
