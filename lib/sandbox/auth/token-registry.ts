import { randomBytes, randomInt } from 'node:crypto';

/**
 * An API token of the sandbox: what a client signs with, and the exchange user it acts for.
 * @group Sandbox
 */
export interface SandboxToken {
  /** The `token_id` claim; numeric text like the exchange's (compared as text). */
  readonly tokenId: string;
  /** The HS256 secret. Never logged. */
  readonly secret: string;
  /** The exchange user the token acts for. */
  readonly userId: number;
}

/** Token ids and secrets known to the server; `token_id` claims are looked up here. */
export class TokenRegistry {
  private readonly tokens = new Map<string, SandboxToken>();

  /** Registers a token; an existing id is refused so two users never share one. */
  add(token: SandboxToken): SandboxToken {
    if (this.tokens.has(token.tokenId)) throw new Error(`token id ${token.tokenId} is already registered`);
    this.tokens.set(token.tokenId, token);
    return token;
  }

  /** A fresh token for a user: a random numeric id and a random 64-byte base64 secret. */
  issue(userId: number): SandboxToken {
    let tokenId: string;
    do tokenId = String(randomInt(100_000, 2 ** 31 - 1));
    while (this.tokens.has(tokenId));
    return this.add({ tokenId, secret: randomBytes(64).toString('base64'), userId });
  }

  find(tokenId: string): SandboxToken | undefined {
    return this.tokens.get(tokenId);
  }
}
