/**
 * Where the `quoine` command finds API credentials, and how it explains their absence: the flags
 * `--token-id` and `--secret` as a pair, else the variables QUOINE_TOKEN_ID and QUOINE_SECRET as a
 * pair. Half a pair is an error, never silently dropped; an empty value counts as missing.
 */
import { QuoineRequestError } from '../core/errors.js';

/** A token id and its secret. */
export interface Credentials {
  readonly tokenId: string;
  readonly secret: string;
}

/** How to give credentials, for error messages. */
export const HOW_TO_GIVE_CREDENTIALS = 'set QUOINE_TOKEN_ID and QUOINE_SECRET, or pass --token-id and --secret';

/**
 * The credentials the options and the environment give, or undefined when neither gives any.
 * @throws QuoineRequestError when only half of a pair is given
 */
export function credentialsFrom(
  flags: { readonly tokenId?: string | undefined; readonly secret?: string | undefined },
  env: NodeJS.ProcessEnv,
): Credentials | undefined {
  const flagId = nonEmpty(flags.tokenId);
  const flagSecret = nonEmpty(flags.secret);
  if (flagId !== undefined || flagSecret !== undefined) {
    if (flagId === undefined)
      throw new QuoineRequestError(
        '--secret was given without --token-id: pass both (or set QUOINE_TOKEN_ID and QUOINE_SECRET instead)',
        'tokenId',
      );
    if (flagSecret === undefined)
      throw new QuoineRequestError(
        '--token-id was given without --secret: pass both (or set QUOINE_TOKEN_ID and QUOINE_SECRET instead; flags show in process lists)',
        'secret',
      );
    return { tokenId: flagId, secret: flagSecret };
  }
  const envId = nonEmpty(env.QUOINE_TOKEN_ID);
  const envSecret = nonEmpty(env.QUOINE_SECRET);
  if (envId === undefined && envSecret === undefined) return undefined;
  if (envId === undefined)
    throw new QuoineRequestError(
      'QUOINE_SECRET is set but QUOINE_TOKEN_ID is not: set both (or pass --token-id and --secret)',
      'tokenId',
    );
  if (envSecret === undefined)
    throw new QuoineRequestError(
      'QUOINE_TOKEN_ID is set but QUOINE_SECRET is not: set both (or pass --token-id and --secret)',
      'secret',
    );
  return { tokenId: envId, secret: envSecret };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
