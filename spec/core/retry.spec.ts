import { expect } from 'chai';
import { isRetryable, parseRetryAfter, retryDelay, type AttemptFailure } from '../../lib/core/retry.js';

const status = (s: number): AttemptFailure => ({ kind: 'status', status: s, retryAfterMs: undefined });
const notSent: AttemptFailure = { kind: 'connection', sent: false };
const maybeSent: AttemptFailure = { kind: 'connection', sent: true };
const unreadable: AttemptFailure = { kind: 'response' };

describe('core/retry policy', () => {
  it('retries reads on 429, 5xx gateway statuses and every connection fault', () => {
    for (const s of [429, 500, 502, 503, 504]) expect(isRetryable('read', status(s)), String(s)).to.equal(true);
    for (const s of [400, 401, 404, 422, 501]) expect(isRetryable('read', status(s)), String(s)).to.equal(false);
    expect(isRetryable('read', notSent)).to.equal(true);
    expect(isRetryable('read', maybeSent)).to.equal(true);
  });

  it('retries a non-idempotent call only when the exchange provably did not act on it', () => {
    expect(isRetryable('non-idempotent', notSent)).to.equal(true);
    expect(isRetryable('non-idempotent', status(429))).to.equal(true);
    expect(isRetryable('non-idempotent', maybeSent)).to.equal(false);
    expect(isRetryable('non-idempotent', unreadable)).to.equal(false);
    for (const s of [500, 502, 503, 504]) expect(isRetryable('non-idempotent', status(s)), String(s)).to.equal(false);
  });

  it('retries an idempotent call (a cancel) and a deduplicated one (client_order_id) like a read', () => {
    for (const safety of ['idempotent', 'deduplicated'] as const) {
      expect(isRetryable(safety, maybeSent), safety).to.equal(true);
      expect(isRetryable(safety, unreadable), safety).to.equal(true);
      expect(isRetryable(safety, status(503)), safety).to.equal(true);
      expect(isRetryable(safety, status(422)), safety).to.equal(false);
    }
  });

  it('retries an unreadable 2xx body (a processed request) only for calls that cannot act twice', () => {
    expect(isRetryable('read', unreadable)).to.equal(true);
    expect(isRetryable('non-idempotent', unreadable)).to.equal(false);
  });

  it('never retries a final failure (a body over the size limit), whatever the call', () => {
    for (const safety of ['read', 'idempotent', 'deduplicated', 'non-idempotent'] as const)
      expect(isRetryable(safety, { kind: 'final' })).to.equal(false);
  });

  it('backs off exponentially with jitter, capped, and honours Retry-After', () => {
    expect(retryDelay(1, undefined, undefined, 0)).to.equal(250);
    expect(retryDelay(1, undefined, undefined, 0.999999)).to.equal(500);
    expect(retryDelay(3, undefined, undefined, 0.999999)).to.equal(2000);
    expect(retryDelay(10, undefined, undefined, 0.999999)).to.equal(8000);
    expect(retryDelay(2, 1234, undefined, 0)).to.equal(1234);
  });

  it('reads Retry-After as seconds, as an HTTP date, or from the 429 text', () => {
    const now = Date.parse('2026-11-27T00:00:00Z');
    expect(parseRetryAfter('2', '', now)).to.equal(2000);
    expect(parseRetryAfter('0.1', '', now)).to.equal(100);
    expect(parseRetryAfter('Fri, 27 Nov 2026 00:00:05 GMT', '', now)).to.equal(5000);
    expect(parseRetryAfter(undefined, 'API rate limit exceeded. Please retry after 300s', now)).to.equal(300_000);
    expect(parseRetryAfter(undefined, 'busy', now)).to.equal(undefined);
  });
});
