/**
 * The last accepted nonce per token. Nonces are compared as big integers, so millisecond,
 * microsecond and nanosecond clients all work and two ns-scale nonces a few units apart stay
 * distinct (a JS float cannot tell 1594964584123456789 from 1594964584123456790).
 */
export class NonceTracker {
  private readonly last = new Map<string, bigint>();

  /** Accepts `nonce` when it is greater than the token's last accepted one, and records it. */
  accept(tokenId: string, nonce: bigint): boolean {
    const previous = this.last.get(tokenId);
    if (previous !== undefined && nonce <= previous) return false;
    this.last.set(tokenId, nonce);
    return true;
  }

  /** How many tokens have a recorded nonce (only verified tokens get one). */
  get size(): number {
    return this.last.size;
  }
}

/** The nonce claim as a big integer: a JSON number or a string of digits; anything else is `undefined`. */
export function parseNonce(text: string): bigint | undefined {
  return /^\d{1,40}$/.test(text) ? BigInt(text) : undefined;
}
