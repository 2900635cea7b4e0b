/**
 * What every `quoine` command shares: the global options, the client built from them (and from
 * QUOINE_TOKEN_ID / QUOINE_SECRET, see credentials.ts; with `--redis` / QUOINE_REDIS_URL, a Redis
 * coordinator shared with the token's other processes), product lookup, and output as tables or JSON.
 */
import type { Command } from 'commander';
import type { Quoine, QuoineOptions } from '../client.js';
import type { Coordinator } from '../core/coordinator.js';
import { QuoineRequestError } from '../core/errors.js';
import type { Product } from '../entities/product.js';
import { credentialsFrom, HOW_TO_GIVE_CREDENTIALS, type Credentials } from './credentials.js';

/** The options every command accepts. */
export interface GlobalOptions {
  readonly baseUrl?: string;
  readonly preset?: string;
  readonly tokenId?: string;
  readonly secret?: string;
  readonly redis?: string;
  readonly json?: boolean;
  readonly debug?: boolean;
}

// Each preset names one of Quoine's static base URLs. By name, not value: the client (and the SDK
// behind it) is imported only when a command runs, never for `--help` (see main.ts).
const PRESETS: Readonly<Record<string, 'SANDBOX' | 'QUOINEX' | 'QRYPTOS' | 'LIQUID'>> = {
  sandbox: 'SANDBOX',
  quoinex: 'QUOINEX',
  qryptos: 'QRYPTOS',
  liquid: 'LIQUID',
};

/** Adds the options every client command shares (to each command: `quoine sandbox` has its own `--token-id`). */
export function withClientOptions(command: Command): Command {
  return command
    .option('--base-url <url>', 'API base URL (default: the sandbox, http://127.0.0.1:3000)')
    .option('--preset <name>', `a preset host: ${Object.keys(PRESETS).join(', ')}`)
    .option('--token-id <id>', 'API token id (default: $QUOINE_TOKEN_ID)')
    .option(
      '--secret <secret>',
      'API token secret (default: $QUOINE_SECRET; prefer the variable, flags show in process lists)',
    )
    .option(
      '--redis <url>',
      "share the token's nonces and rate limit with its other processes through Redis, key quoine:<token id> (default: $QUOINE_REDIS_URL)",
    )
    .option('--json', 'machine-readable output')
    .option('--debug', 'show stack traces on errors');
}

/** The Redis URL of `--redis`, else QUOINE_REDIS_URL (an empty one counts as unset). */
export function redisUrlFrom(options: GlobalOptions, env: NodeJS.ProcessEnv): string | undefined {
  if (options.redis !== undefined) return options.redis;
  const fromEnv = env.QUOINE_REDIS_URL;
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

/**
 * The coordinator of the token's calls when a Redis URL is given: loaded only then (ioredis is
 * not imported otherwise). Without credentials the key is `quoine:public`, which shares the
 * public rate limit of the processes of one machine.
 */
async function coordinatorFor(
  url: string | undefined,
  credentials: Credentials | undefined,
): Promise<Coordinator | undefined> {
  if (url === undefined) return undefined;
  const { redisCoordinator } = await import('../redis/index.js');
  return redisCoordinator({ url, key: `quoine:${credentials === undefined ? 'public' : credentials.tokenId}` });
}

/** The shared options as a command sees them. */
function globals(command: Command): GlobalOptions {
  return command.opts<GlobalOptions>();
}

/** A client configured from the global options and the environment. */
async function clientFor(
  options: GlobalOptions,
  credentials: Credentials | undefined,
  extra: Partial<QuoineOptions> = {},
): Promise<Quoine> {
  if (options.baseUrl !== undefined && options.preset !== undefined) {
    throw new QuoineRequestError('give --base-url or --preset, not both', 'preset');
  }
  let baseUrl = options.baseUrl;
  const preset = options.preset === undefined ? undefined : PRESETS[options.preset.toLowerCase()];
  if (options.preset !== undefined && preset === undefined)
    throw new QuoineRequestError(`--preset must be one of ${Object.keys(PRESETS).join(', ')}`, 'preset');
  const { Quoine } = await import('../client.js');
  if (preset !== undefined) baseUrl = Quoine[preset];
  return new Quoine({
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(credentials ?? {}),
    ...extra,
  });
}

/** Runs `body` with a client built from the command's options and closes the client afterwards. */
export async function withClient(
  command: Command,
  body: (client: Quoine, options: GlobalOptions) => Promise<void>,
): Promise<void> {
  const options = globals(command);
  const credentials = credentialsFrom(options, process.env);
  const coordinator = await coordinatorFor(redisUrlFrom(options, process.env), credentials);
  let client: Quoine;
  try {
    client = await clientFor(options, credentials, coordinator === undefined ? {} : { coordinator });
  } catch (error) {
    await coordinator?.close();
    throw error;
  }
  try {
    await body(client, options);
  } catch (error) {
    // The SDK refuses a private call of a client without credentials (field tokenId): say how the command gets them.
    if (credentials === undefined && error instanceof QuoineRequestError && error.field === 'tokenId') {
      throw new QuoineRequestError(
        `the ${command.name()} command needs API credentials: ${HOW_TO_GIVE_CREDENTIALS}`,
        'tokenId',
      );
    }
    throw error;
  } finally {
    await client.close();
    await coordinator?.close();
  }
}

/** Finds a product by id (`5`) or pair code (`BTCJPY`, any case). */
export async function resolveProduct(client: Quoine, ref: string): Promise<Product> {
  if (/^\d+$/.test(ref)) return client.products.get(ref);
  const wanted = ref.toUpperCase();
  const all = [...(await client.products.list()), ...(await client.products.list({ perpetual: true }))];
  const found = all.find((p) => p.currencyPairCode.toUpperCase() === wanted);
  if (!found)
    throw new QuoineRequestError(
      `no product ${JSON.stringify(ref)}: give an id or a pair code such as BTCJPY`,
      'product',
    );
  return found;
}
