/**
 * The last line of defence of the `quoine` command: an uncaught exception or an unhandled rejection
 * (a bug, or a hostile server tripping one) ends the process with ONE scrubbed line and exit code 1,
 * instead of Node's dump of the error object, which can hold the signed request (JWT) and the
 * secret. The stack is printed only with `--debug`, scrubbed too.
 */
import { redactorFor, scrub, type Redactor } from '../core/scrub.js';
import { ERROR_PREFIX } from './output.js';

/** The longest message the crash line keeps (the rest is cut, saying so). */
const MAX_MESSAGE = 500;

/**
 * The secrets this run may hold: `--secret`'s value (`--secret X` or `--secret=X`) and
 * QUOINE_SECRET, and the password of a Redis URL (`--redis`, QUOINE_REDIS_URL).
 */
export function secretsOf(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const secrets = env.QUOINE_SECRET ? [env.QUOINE_SECRET] : [];
  const redisUrls = env.QUOINE_REDIS_URL ? [env.QUOINE_REDIS_URL] : [];
  argv.forEach((arg, i) => {
    if (arg === '--secret' && argv[i + 1] !== undefined) secrets.push(argv[i + 1] as string);
    else if (arg.startsWith('--secret=')) secrets.push(arg.slice('--secret='.length));
    else if (arg === '--redis' && argv[i + 1] !== undefined) redisUrls.push(argv[i + 1] as string);
    else if (arg.startsWith('--redis=')) redisUrls.push(arg.slice('--redis='.length));
  });
  for (const url of redisUrls) secrets.push(...passwordOf(url));
  return secrets;
}

/** The password of a Redis URL, if it has one (as written and decoded). */
function passwordOf(url: string): string[] {
  try {
    const { password } = new URL(url);
    return password === '' ? [] : [password, decodeURIComponent(password)];
  } catch {
    return [];
  }
}

/** What to print for a crash: one line, and with `debug` the scrubbed stack after it. */
export function describeCrash(error: unknown, debug: boolean, redact: Redactor): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = `${ERROR_PREFIX}internal error: ${scrub(message.replace(/\s+/g, ' ').trim(), MAX_MESSAGE, redact)}`;
  const stack = debug && error instanceof Error && error.stack ? `\n${redact(error.stack)}` : '';
  return `${line}${stack}`;
}

/** Where a crash is reported and how the process ends (injectable for specs). */
export interface CrashOutput {
  readonly write: (text: string) => void;
  readonly exit: (code: number) => void;
}

/** A handler for `uncaughtException` and `unhandledRejection`: reports once, then exits 1. */
export function crashHandler(debug: boolean, redact: Redactor, output: CrashOutput): (error: unknown) => void {
  let reported = false;
  return (error) => {
    if (!reported) {
      reported = true;
      output.write(`${describeCrash(error, debug, redact)}\n`);
    }
    output.exit(1);
  };
}

/** Installs the handlers on this process. */
export function handleCrashes(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  const handler = crashHandler(argv.includes('--debug'), redactorFor(secretsOf(argv, env)), {
    write: (text) => process.stderr.write(text),
    exit: (code) => process.exit(code),
  });
  process.on('uncaughtException', handler);
  process.on('unhandledRejection', handler);
}
