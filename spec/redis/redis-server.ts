/**
 * A real `redis-server` (Debian's package) for the Redis specs: started on a free loopback port,
 * with no persistence (a restart comes back empty, the hardest case for nonces), and stopped by
 * the spec that started it. Where `redis-server` is missing, the specs report as pending, saying
 * the command that enables them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { Redis } from 'ioredis';

/** Whether `redis-server` is on this machine. */
export const REDIS_AVAILABLE = spawnSync('redis-server', ['--version']).status === 0;

/** The command that installs it (what `.ci/run` does). */
export const ENABLE_REDIS = 'apt-get update && apt-get install -y redis-server';

/**
 * `it` for a spec that needs Redis: where it is missing, the spec is pending and its title
 * says so, with the command that enables it.
 */
export function redisIt(title: string, fn: (this: Mocha.Context) => Promise<void>): Mocha.Test {
  if (REDIS_AVAILABLE) return it(title, fn);
  return it(`${title} [pending: redis-server is not installed; enable with: ${ENABLE_REDIS}]`);
}

/** A free loopback port (bound, then let go). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A running redis-server. */
export class RedisServer {
  readonly port: number;
  #child: ChildProcess | undefined;

  private constructor(port: number) {
    this.port = port;
  }

  /** Its URL. */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts a server on a free port. */
  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.restart();
    return server;
  }

  /** Starts it (again) on its port, empty. */
  async restart(): Promise<void> {
    if (this.#child) throw new Error('redis-server is running');
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'notice'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.#child = child;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const onData = (chunk: Buffer): void => {
        out += chunk.toString('utf8');
        if (out.includes('Ready to accept connections')) {
          child.stdout.off('data', onData);
          child.stdout.resume();
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.resume();
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
    });
  }

  /** Resolves once `condition` holds of a fresh connection's view (polled every 10 ms). */
  async until(condition: (redis: Redis) => Promise<boolean>): Promise<void> {
    const redis = new Redis(this.url);
    try {
      while (!(await condition(redis))) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      redis.disconnect();
    }
  }

  /** Kills it at once (SIGKILL): what it held is lost. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child) return;
    this.#child = undefined;
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }
}
