/**
 * Runs one example file in a child Node process, as a user would: a TypeScript file through tsx,
 * a JavaScript file with plain Node, a mocha test file through mocha. The process gets a hard time
 * bound: an example that hangs is killed and reported, it cannot hang the spec.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** How a finished (or killed) example run went. */
export interface RunResult {
  /** Exit code, or null when killed by a signal. */
  readonly code: number | null;
  /** Whether the time bound killed it. */
  readonly timedOut: boolean;
  /** What it printed on stdout (at most {@link OUTPUT_LIMIT} characters). */
  readonly stdout: string;
  /** What it printed on stderr (at most {@link OUTPUT_LIMIT} characters). */
  readonly stderr: string;
}

/** How to run an example. */
export interface RunOptions {
  /** Working directory (the consumer project). */
  readonly cwd: string;
  /** Environment variables on top of a clean copy of this process's (no QUOINE_*, no NODE_OPTIONS). */
  readonly env: Readonly<Record<string, string>>;
  /** Run the file as a mocha test file. */
  readonly mocha: boolean;
  /** Hard bound on the whole run; the process is killed with SIGKILL when it passes. */
  readonly timeoutMs: number;
}

/** Output beyond this is not kept (an example printing without end must not exhaust the spec). */
export const OUTPUT_LIMIT = 200_000;

const TSX = import.meta.resolve('tsx');
const MOCHA = fileURLToPath(new URL('../../node_modules/mocha/bin/mocha.js', import.meta.url));

/** Runs `file` and resolves when its process has exited or been killed. */
export function runExample(file: string, options: RunOptions): Promise<RunResult> {
  const loader = file.endsWith('.ts') ? ['--import', TSX] : [];
  const args = options.mocha ? [...loader, MOCHA, '--no-config', '--extension', 'ts', '--reporter', 'dot', '--timeout', '20000', file] : [...loader, file];
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('QUOINE_') && name !== 'NODE_OPTIONS'));
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: { ...env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out.stdout = (out.stdout + chunk).slice(0, OUTPUT_LIMIT)));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out.stderr = (out.stderr + chunk).slice(0, OUTPUT_LIMIT)));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, ...out });
    });
  });
}
