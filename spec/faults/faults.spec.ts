/**
 * The fault matrix (issue 7): every call kind × every injectable fault gives the right result or
 * a typed error that says whether the call may have taken effect, and never acts twice.
 */
import { expect } from 'chai';
import { CALLS, FAULTS, runMatrix, type Outcome } from './matrix.js';

type Expected = Pick<Outcome, 'result' | 'mayHaveBeenProcessed' | 'attempts'>;

const ok = (attempts: number): Expected => ({ result: 'ok', mayHaveBeenProcessed: undefined, attempts });
const maybe = (result: string): Expected => ({ result, mayHaveBeenProcessed: true, attempts: 1 });

/** What each fault must give a call that may be retried, and one that changes state without a client id. */
const EXPECTED: Record<string, { retryable: Expected; write: Expected }> = {
  '503 twice': {
    retryable: ok(3),
    write: { result: 'ServiceUnavailableError', mayHaveBeenProcessed: undefined, attempts: 1 },
  },
  '429 with Retry-After': { retryable: ok(2), write: ok(2) },
  // The 429 text says "retry after 300s": longer than maxRetryAfterMs, so it fails fast, typed.
  '429 without Retry-After': {
    retryable: { result: 'RateLimitError', mayHaveBeenProcessed: undefined, attempts: 1 },
    write: { result: 'RateLimitError', mayHaveBeenProcessed: undefined, attempts: 1 },
  },
  'reset before processing': { retryable: ok(2), write: maybe('QuoineConnectionError') },
  'reset after processing': { retryable: ok(2), write: maybe('QuoineConnectionError') },
  'connect timeout': {
    retryable: { result: 'QuoineTimeoutError', mayHaveBeenProcessed: false, attempts: 3 },
    write: { result: 'QuoineTimeoutError', mayHaveBeenProcessed: false, attempts: 3 },
  },
  'response timeout': { retryable: ok(2), write: maybe('QuoineTimeoutError') },
  'truncated body': { retryable: ok(2), write: maybe('QuoineConnectionError') },
  'non-JSON 200': { retryable: ok(2), write: maybe('QuoineResponseError') },
  'slow body': { retryable: ok(2), write: maybe('QuoineTimeoutError') },
};

const RETRYABLE = new Set(['read (orders.get)', 'order with clientOrderId']);

describe('fault matrix against the sandbox', function () {
  this.timeout(120_000);
  let results: Map<string, Outcome>;
  before(async () => {
    results = await runMatrix();
  });

  for (const call of CALLS) {
    for (const fault of FAULTS) {
      it(`${call.name} × ${fault.name}`, () => {
        const outcome = results.get(`${call.name} × ${fault.name}`) as Outcome;
        const expected = EXPECTED[fault.name]?.[RETRYABLE.has(call.name) ? 'retryable' : 'write'];
        expect({
          result: outcome.result,
          mayHaveBeenProcessed: outcome.mayHaveBeenProcessed,
          attempts: outcome.attempts,
        }).to.deep.equal(expected);
        // Never twice; and done exactly when the SDK says it succeeded (reads have no effect).
        expect(outcome.effect).to.be.at.most(1);
        if (call.name !== 'read (orders.get)' && outcome.result === 'ok') expect(outcome.effect).to.equal(1);
        if (outcome.mayHaveBeenProcessed === false) expect(outcome.effect).to.equal(0);
      });
    }
  }
});
