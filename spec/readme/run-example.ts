/**
 * Runs one example file in a child process the way the README tells users to: a TypeScript file
 * with `tsx file.ts`, a JavaScript file with `node file.js`, a mocha test file with
 * `mocha --node-option import=tsx file.ts`, each from the consumer project (which has tsx and
 * mocha installed). The run has a hard time bound: an example that hangs is killed with its whole
 * process group and reported; it cannot hang the spec or leave a process behind.
 */
import { spawn } from 'node:child_process';

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

/** The command lines, relative to the consumer project's node_modules. */
const TSX_CLI = 'node_modules/tsx/dist/cli.mjs';
const MOCHA_CLI = 'node_modules/mocha/bin/mocha.js';

/** Runs `file` and resolves when its process has exited or been killed. */
export function runExample(file: string, options: RunOptions): Promise<RunResult> {
  const args = options.mocha
    ? [MOCHA_CLI, '--node-option', 'import=tsx', '--reporter', 'dot', file]
    : file.endsWith('.ts')
      ? [TSX_CLI, file]
      : [file];
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('QUOINE_') && name !== 'NODE_OPTIONS'),
  );
  // detached: its own process group, so the bound kills tsx's and mocha's child processes too.
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const out = { stdout: '', stderr: '' };
  child.stdout
    .setEncoding('utf8')
    .on('data', (chunk: string) => (out.stdout = (out.stdout + chunk).slice(0, OUTPUT_LIMIT)));
  child.stderr
    .setEncoding('utf8')
    .on('data', (chunk: string) => (out.stderr = (out.stderr + chunk).slice(0, OUTPUT_LIMIT)));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid);
  }, options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      killGroup(child.pid); // anything the example left running in its group
      resolve({ code, timedOut, ...out });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}
