import { expect } from 'chai';
import {
  AuthenticationError,
  BadRequestError,
  NonceTooSmallError,
  NotFoundError,
  QuoineAPIError,
  QuoineError,
  RateLimitError,
  ServiceUnavailableError,
  UnprocessableEntityError,
  errorFromResponse,
} from '../../lib/core/errors.js';
import { parseErrorBody } from '../../lib/core/error-body.js';
import { errorFixture } from '../helpers/fixtures.js';

const target = { method: 'POST', path: '/orders' };

function fromFixture(name: string): QuoineAPIError {
  const f = errorFixture(name);
  return errorFromResponse({ ...target, ...parseErrorBody(f.body), status: f.status, headers: {} });
}

describe('core/errors', () => {
  it('reads the {"errors": {field: [codes]}} shape keeping field names', () => {
    const e = fromFixture('not_enough_free_balance');
    expect(e).to.be.instanceOf(UnprocessableEntityError).and.instanceOf(QuoineAPIError).and.instanceOf(QuoineError);
    expect(e.errors).to.deep.equal({ user: ['not_enough_free_balance'] });
    expect(e.messages).to.deep.equal(['user: not_enough_free_balance']);
    expect(e.codes).to.deep.equal(['not_enough_free_balance']);
    expect(e.has('not_enough_free_balance')).to.equal(true);
    expect(e.message).to.equal('POST /orders → 422 Unprocessable Entity: user: not_enough_free_balance');
  });

  for (const [name, cls, said] of [
    ['less_than_order_size', UnprocessableEntityError, 'quantity: less_than_order_size'],
    ['must_be_positive', UnprocessableEntityError, 'price: must_be_positive'],
    ['price_too_high', UnprocessableEntityError, 'order: price_too_high'],
    ['product_disabled', UnprocessableEntityError, 'order: product_disabled'],
    ['cannot_update_partially_filled', UnprocessableEntityError, 'order: Can not update partially filled order'],
    ['order_not_found', NotFoundError, 'Order not found'],
    ['missing_parameters', BadRequestError, 'missing parameters'],
    ['auth_failed', AuthenticationError, 'API Authentication failed'],
    ['nonce_too_small', NonceTooSmallError, 'Nonce is too small'],
    ['nonce_too_small_json', NonceTooSmallError, 'Nonce is too small'],
    ['rate_limited', RateLimitError, 'API rate limit exceeded. Please retry after 300s'],
    ['rate_limited_json', RateLimitError, 'API rate limit exceeded. Please retry after 300s'],
    ['service_unavailable', ServiceUnavailableError, undefined],
  ] as const) {
    it(`types the ${name} body`, () => {
      const e = fromFixture(name);
      expect(e).to.be.instanceOf(cls);
      if (said !== undefined) expect(e.messages).to.include(said);
      expect(e.messages.length).to.be.greaterThan(0);
    });
  }

  it('explains the nonce error as a shared-token problem', () => {
    expect(fromFixture('nonce_too_small').message).to.match(
      /another program or client instance is signing with this API token/,
    );
    expect(fromFixture('nonce_too_small')).to.be.instanceOf(AuthenticationError);
  });

  it('keeps a plain-text or odd body readable and bounded', () => {
    expect(parseErrorBody('')).to.deep.equal({ messages: [], errors: {} });
    expect(parseErrorBody('<html>bad gateway</html>').messages).to.deep.equal(['<html>bad gateway</html>']);
    expect(parseErrorBody('x'.repeat(5000)).messages[0]).to.equal(`${'x'.repeat(500)}… (truncated, 5000 characters)`);
    expect(parseErrorBody('{"errors": ["a", "b"]}').messages).to.deep.equal(['a', 'b']);
    expect(parseErrorBody('{"errors": {"price": "must_be_positive"}}').errors).to.deep.equal({
      price: ['must_be_positive'],
    });
    expect(parseErrorBody('{"unexpected": 1}').messages).to.deep.equal(['{"unexpected": 1}']);
  });
});
