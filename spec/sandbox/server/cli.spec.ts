import { expect } from 'chai';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import got from 'got';
import jwt from 'jsonwebtoken';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Spawns `quoine sandbox …` through tsx, as the `sandbox` npm script does. */
function spawnCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', 'sandbox', ...args], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

/** Collects stdout lines until one matches; resolves with every line so far. */
function readUntil(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    const reader = createInterface({ input: child.stdout });
    reader.on('line', (line) => {
      lines.push(line);
      if (pattern.test(line)) resolve(lines);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ${pattern}: ${lines.join(' | ')}`)));
  });
}

function exitCode(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('quoine sandbox (CLI)', () => {
  let child: ChildProcessWithoutNullStreams | undefined;

  afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    child = undefined;
  });

  it('prints the URL and the given demo credentials, serves the API with the given profile and rate limit, and exits 0 on SIGINT', async () => {
    child = spawnCli([
      '--port',
      '0',
      '--token-id',
      '4242',
      '--secret',
      'cli-secret',
      '--no-market',
      '--profile',
      'liquid',
      '--rate-limit',
      '3',
    ]);
    const lines = await readUntil(child, /^Press Ctrl-C/);
    const url = /^Sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0] ?? '')?.[1];
    expect(url, lines.join('\n')).to.be.a('string');
    expect(lines.join('\n')).to.include('Demo token id: 4242').and.include('Demo secret:   cli-secret');
    const products = JSON.parse((await got(`${url}/products/5`)).body) as { id: unknown };
    expect(products.id).to.equal('5'); // liquid profile
    const auth = jwt.sign({ path: '/accounts/balance', nonce: Date.now(), token_id: '4242' }, 'cli-secret');
    const balances = JSON.parse(
      (await got(`${url}/accounts/balance`, { headers: { 'X-Quoine-Auth': auth } })).body,
    ) as Array<{ currency: string }>;
    expect(balances.map((b) => b.currency)).to.include.members(['USD', 'JPY', 'EUR', 'SGD', 'BTC', 'ETH']);
    // --rate-limit 3: the fourth public call from this IP is refused.
    await got(`${url}/products`);
    await got(`${url}/products`);
    const limited = await got(`${url}/products`, { throwHttpErrors: false, retry: { limit: 0 } });
    expect(limited.statusCode).to.equal(429);
    const exited = exitCode(child);
    child.kill('SIGINT');
    expect(await exited).to.equal(0);
  });

  it('generates credentials when none are given, and stops on SIGTERM with exit 0', async () => {
    child = spawnCli(['--port', '0', '--seed', '3']);
    const lines = (await readUntil(child, /^Press Ctrl-C/)).join('\n');
    expect(lines)
      .to.match(/Demo token id: \d+/)
      .and.match(/Demo secret: +\S{40,}/);
    expect(lines).to.include('market maker: on (seed 3)');
    const exited = exitCode(child);
    child.kill('SIGTERM');
    expect(await exited).to.equal(0);
  });

  it('refuses a half-given credential pair with a non-zero exit', async () => {
    child = spawnCli(['--port', '0', '--token-id', '1']);
    child.stdout.resume();
    child.stderr.resume();
    expect(await exitCode(child)).to.not.equal(0);
  });
});
