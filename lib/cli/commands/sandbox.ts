import { Command, InvalidArgumentError, Option } from 'commander';
import type { Sandbox, SandboxOptions } from '../../sandbox/index.js';
import { PROFILES, type Profile } from '../../sandbox/profile.js';
import { describeError } from '../output.js';
import { isLoopbackAddress } from '../../core/loopback.js';

interface SandboxCommandOptions {
  readonly port: number;
  readonly host: string;
  readonly tokenId?: string;
  readonly secret?: string;
  readonly profile: Profile;
  readonly seed?: number;
  readonly market: boolean;
  readonly rateLimit?: number | false;
}

/** `quoine sandbox`: serve the embedded exchange until Ctrl-C. */
export function sandboxCommand(): Command {
  return new Command('sandbox')
    .description('Run the embedded sandbox exchange (the Quoine REST API on 127.0.0.1, no account needed)')
    .option('--port <port>', 'port to listen on (0 = any free port)', parsePort, 3000)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--token-id <id>', 'the demo API token id (generated when omitted)')
    .option('--secret <secret>', 'the demo API token secret (generated when omitted)')
    .addOption(new Option('--profile <profile>', 'wire type profile').choices(PROFILES).default('quoine'))
    .option('--seed <n>', 'seed of the market maker (deterministic runs)', parseInteger)
    .option('--no-market', 'do not run the market maker')
    .option(
      '--rate-limit <n|off>',
      'requests per 5 minutes per token (default 300, 600 with --profile liquid)',
      parseRateLimit,
    )
    .action(async (options: SandboxCommandOptions) => {
      if ((options.tokenId === undefined) !== (options.secret === undefined)) {
        throw new InvalidArgumentError('--token-id and --secret go together');
      }
      if (!isLoopbackAddress(options.host)) {
        process.stderr.write(
          `warning: --host ${options.host} serves the sandbox and its funded demo tokens to the network, over plain HTTP: anyone who can reach this port and sees a signed request can trade with them. Use 127.0.0.1 unless you mean that.\n`,
        );
      }
      const { startSandbox } = await import('../../sandbox/index.js');
      const sandbox = await startSandbox(toSandboxOptions(options));
      // Handlers first: whoever reads the banner may signal at once.
      stopOnSignals(sandbox);
      printBanner(sandbox);
    });
}

function toSandboxOptions(options: SandboxCommandOptions): SandboxOptions {
  return {
    port: options.port,
    host: options.host,
    profile: options.profile,
    market: options.market,
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
    ...(options.tokenId !== undefined && options.secret !== undefined
      ? { demoToken: { tokenId: options.tokenId, secret: options.secret } }
      : {}),
  };
}

function printBanner(sandbox: Sandbox): void {
  const limit = sandbox.rateLimit === false ? 'off' : `${sandbox.rateLimit} requests / 5 min`;
  process.stdout.write(
    [
      `Sandbox listening on ${sandbox.url}`,
      `Profile: ${sandbox.profile}; rate limit: ${limit}; market maker: ${sandbox.market === undefined ? 'off' : `on (seed ${sandbox.seed})`}`,
      `Demo token id: ${sandbox.demo.tokenId}`,
      `Demo secret:   ${sandbox.demo.secret}`,
      `Demo user ${sandbox.demo.userId} is funded in ${Object.keys(sandbox.demoBalances).join(', ')}`,
      'For the quoine command and your own code (new Quoine() reads all three):',
      `  export QUOINE_BASE_URL=${shellWord(sandbox.url)} QUOINE_TOKEN_ID=${shellWord(sandbox.demo.tokenId)} QUOINE_SECRET=${shellWord(sandbox.demo.secret)}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

/** Ctrl-C / SIGTERM: close every socket and timer, then exit 0. */
function stopOnSignals(sandbox: Sandbox): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => {
        process.stdout.write('Sandbox stopped.\n');
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`${describeError(error, false)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Whether `host` is a loopback address (127.0.0.0/8, ::1) or `localhost`. */
/** `text` as one POSIX shell word: bare when it is plainly safe, else single-quoted. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

function parseInteger(text: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidArgumentError('expected a non-negative integer');
  return Number(text);
}

function parsePort(text: string): number {
  const port = parseInteger(text);
  if (port > 65535) throw new InvalidArgumentError('expected a port number (0-65535)');
  return port;
}

function parseRateLimit(text: string): number | false {
  if (text === 'off') return false;
  const limit = parseInteger(text);
  if (limit < 1) throw new InvalidArgumentError('expected a positive integer or "off"');
  return limit;
}
