/** A sandbox per suite, and clients for fresh funded users. */
import { Quoine } from '../../lib/client.js';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.js';

/** The two wire type profiles every integration suite runs under. */
export const PROFILES = ['quoine', 'liquid'] as const;

/** Starts an exact sandbox: no market maker, no rate limit. */
export function exactSandbox(profile: (typeof PROFILES)[number]): Promise<Sandbox> {
  return startSandbox({ port: 0, profile, market: false, rateLimit: false });
}

/** A client for a new user funded with `balances`; also its user id. */
export function userClient(
  sandbox: Sandbox,
  balances: Readonly<Record<string, string>>,
): { client: Quoine; userId: number } {
  const token = sandbox.createToken(balances);
  return {
    client: new Quoine({ baseUrl: sandbox.url, tokenId: token.tokenId, secret: token.secret, rateLimit: false }),
    userId: token.userId,
  };
}
