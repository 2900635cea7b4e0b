/**
 * Bench helpers that run in another process: `node --import tsx <file>` with an IPC channel.
 * Credentials and results travel over IPC, never over stdout, so nothing secret is printed.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where {@link compileBench} writes plain JavaScript (git-ignored). */
export const BUILD = '.bench-build';

/**
 * Compiles the project (lib/ and bench/) to plain JavaScript once, so that a child can run
 * without the tsx loader, whose own worker thread costs ~35 MB of RSS: what users run is
 * compiled JS, and memory is measured the way they would see it.
 */
export function compileBench(): void {
  execFileSync(
    process.execPath,
    [
      'node_modules/typescript/bin/tsc',
      '-p',
      'tsconfig.json',
      '--noEmit',
      'false',
      '--outDir',
      BUILD,
      '--sourceMap',
      'false',
      '--declaration',
      'false',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** A child bench process and the first message it sent. */
export interface BenchChild<T> {
  readonly child: ChildProcess;
  readonly reply: T;
  /** Sends `message` and resolves with the child's next message. */
  ask<R>(message: unknown): Promise<R>;
  /** Asks the child to stop and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `bench/<file>` under tsx with `nodeArgs`, sends it `message` and resolves with its first
 * reply. The child must answer with `process.send` and exit when asked (`'stop'`) or when the
 * channel closes.
 */
export function startChild<T>(
  file: string,
  message: unknown,
  nodeArgs: readonly string[] = [],
  compiled = false,
): Promise<BenchChild<T>> {
  // `compiled`: run the JavaScript compileBench() wrote, with plain node (no tsx loader).
  const entry = compiled ? [`${BUILD}/bench/${file.replace(/\.ts$/, '.js')}`] : ['--import', 'tsx', `bench/${file}`];
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.connected) child.send('stop');
    await exited;
  };
  const ask = <R>(message: unknown): Promise<R> =>
    new Promise<R>((resolve) => {
      child.once('message', (answer: R) => resolve(answer));
      child.send(message as object);
    });
  return new Promise<BenchChild<T>>((resolve, reject) => {
    child.once('message', (reply: T) => resolve({ child, reply, ask, stop }));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`bench/${file} exited (${signal ?? code}) before answering`)),
    );
    child.send(message as object);
  });
}

/** In a child: waits for the parent's first message. */
export function firstMessage<T>(): Promise<T> {
  return new Promise<T>((resolve) => process.once('message', (message: T) => resolve(message)));
}

/** In a child: resolves when the parent says `'stop'` or goes away. */
export function stopRequested(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.on('message', (message) => {
      if (message === 'stop') resolve();
    });
    process.once('disconnect', () => resolve());
  });
}

/** In a child: sends `value` to the parent and waits until it is handed over. */
export function reply(value: unknown): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (process.send === undefined) throw new Error('not started with an IPC channel');
    process.send(value, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}
