import { expect } from 'chai';
import { NonceTracker, parseNonce } from '../../../lib/sandbox/auth/nonce-tracker.js';

describe('sandbox auth: NonceTracker', () => {
  it('compares nonces as big integers per token', () => {
    const nonces = new NonceTracker();
    expect(nonces.accept('a', 1594964584123456789n)).to.equal(true);
    // Equal as doubles, distinct as integers.
    expect(nonces.accept('a', 1594964584123456790n)).to.equal(true);
    expect(nonces.accept('a', 1594964584123456790n)).to.equal(false);
    expect(nonces.accept('b', 1n)).to.equal(true);
  });

  it('parses digit strings only', () => {
    expect(parseNonce('1459142524488')).to.equal(1459142524488n);
    expect(parseNonce('1.5')).to.equal(undefined);
    expect(parseNonce('-1')).to.equal(undefined);
    expect(parseNonce('1e12')).to.equal(undefined);
  });
});
