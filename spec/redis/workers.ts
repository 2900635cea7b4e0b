/** Child processes running spec/redis/worker.ts, driven over IPC and always stopped. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerOrder, WorkerReport } from './worker.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** One worker process and what it reported last. */
export class Worker {
  readonly child: ChildProcess;
  /** The latest progress (or the final report). */
  last: WorkerReport = { type: 'progress', ok: 0, errors: {}, placed: 0 };
  readonly #done: Promise<WorkerReport>;
  readonly #listeners = new Set<() => void>();
  #stderr = '';

  private constructor(child: ChildProcess) {
    this.child = child;
    child.stderr?.on('data', (chunk: Buffer) => (this.#stderr += chunk.toString('utf8')));
    this.#done = new Promise((resolve, reject) => {
      child.on('message', (message: WorkerReport | { readonly type: 'ready' }) => {
        if (message.type === 'ready') return;
        this.last = message;
        for (const listener of this.#listeners) listener();
        if (message.type === 'done') resolve(message);
      });
      child.once('exit', (code, signal) =>
        reject(new Error(`worker exited (${code ?? signal}) before it was done: ${this.#stderr.slice(-2000)}`)),
      );
    });
    this.#done.catch(() => undefined); // a killed worker never reports done; whoever waits sees it
  }

  /** Starts a worker and waits until it can take orders. */
  static async start(): Promise<Worker> {
    const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`worker exited with ${code} at start`)));
    });
    return new Worker(child);
  }

  /** Gives it its order. */
  run(order: WorkerOrder): void {
    this.child.send({ type: 'run', order });
  }

  /** Resolves once `condition` holds of its reports. */
  until(condition: (report: WorkerReport) => boolean): Promise<void> {
    if (condition(this.last)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!condition(this.last)) return;
        this.#listeners.delete(check);
        resolve();
      };
      this.#listeners.add(check);
      this.#done.catch(reject);
    });
  }

  /** Its final report (after `stop()`, or once its calls are made). */
  done(): Promise<WorkerReport> {
    return this.#done;
  }

  /** Asks it to stop calling and report. */
  stop(): void {
    if (this.child.connected) this.child.send({ type: 'stop' });
  }

  /** Ends the process at once (SIGKILL), if it still runs. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    await exited;
  }
}

/** Failed calls of a report, by error class. */
export function failures(report: WorkerReport): number {
  return Object.values(report.errors).reduce((a, b) => a + b, 0);
}
