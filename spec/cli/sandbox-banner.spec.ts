/** `quoine sandbox`: a banner line a user pastes into a shell, and a warning before serving beyond loopback. */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { expect } from 'chai';
import { isLoopbackAddress } from '../../lib/core/loopback.js';
import { finished, runCli, startCli } from './run-cli.js';

/** Stdout lines until one matches. */
function readUntil(child: ChildProcess, pattern: RegExp): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      lines.push(line);
      if (pattern.test(line)) resolve(lines);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${lines.join(' | ')}`)));
  });
}

describe('quoine sandbox banner and --host', function () {
  this.timeout(60_000);
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child?.exitCode === null) {
      const done = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await done;
    }
    child = undefined;
  });

  for (const [name, credentials] of [
    ['generated credentials', [] as string[]],
    ['credentials a shell would mangle', ['--token-id', "it's 1", '--secret', 'a b$c`d"e\\f']],
  ] as const) {
    it(`prints a ready-to-paste export line that sets exactly the URL and demo credentials (${name}), and they work alone`, async () => {
      child = startCli(['sandbox', '--port', '0', '--no-market', ...credentials]);
      const lines = await readUntil(child, /^Press Ctrl-C/);
      const url = /^Sandbox listening on (\S+)$/.exec(lines[0] ?? '')?.[1] ?? '';
      const tokenId = /^Demo token id: (.*)$/.exec(lines.find((l) => l.startsWith('Demo token id:')) ?? '')?.[1];
      const secret = /^Demo secret: {3}(.*)$/.exec(lines.find((l) => l.startsWith('Demo secret:')) ?? '')?.[1];
      const exportLine = lines.find((l) => /^\s*export QUOINE_BASE_URL=/.test(l))?.trim();
      expect(exportLine, lines.join('\n')).to.be.a('string');
      // Pasted into a POSIX shell, the line sets the three variables to exactly what the banner shows.
      const echoed = execFileSync(
        'sh',
        ['-c', `${exportLine}\nprintf '%s\\n%s\\n%s' "$QUOINE_BASE_URL" "$QUOINE_TOKEN_ID" "$QUOINE_SECRET"`],
        { encoding: 'utf8' },
      );
      expect(echoed).to.equal(`${url}\n${tokenId}\n${secret}`);
      const env = Object.fromEntries(
        execFileSync('sh', ['-c', `${exportLine}\nenv`], { encoding: 'utf8' })
          .split('\n')
          .filter((l) => l.startsWith('QUOINE_'))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      const balances = await runCli(['balances', '--json'], env); // the pasted variables alone reach the sandbox
      expect(balances.code, balances.stderr).to.equal(0);
      expect((JSON.parse(balances.stdout) as unknown[]).length).to.be.greaterThan(0);
    });
  }

  it('warns before serving on a non-loopback --host that it serves funded tokens to the network', async () => {
    // 192.0.2.1 (TEST-NET-1) is assigned to no interface: the warning comes first, then the bind fails; nothing is exposed.
    const result = await runCli(['sandbox', '--port', '0', '--host', '192.0.2.1', '--no-market']);
    expect(result.stderr).to.match(
      /^warning: --host 192\.0\.2\.1 serves the sandbox and its funded demo tokens to the network/,
    );
    expect(result.code).to.equal(1);
  });

  it('does not warn on loopback', async () => {
    child = startCli(['sandbox', '--port', '0', '--host', '127.0.0.1', '--no-market']);
    const done = finished(child);
    await new Promise<void>((resolve) => child?.stdout?.once('data', () => resolve()));
    child.kill('SIGTERM');
    const result = await done;
    expect(result.stderr).to.equal('');
  });

  it('knows loopback from the network', () => {
    for (const host of [
      '127.0.0.1',
      '127.1.2.3',
      'localhost',
      'LOCALHOST',
      '::1',
      '[::1]',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.1',
      '127.1',
    ])
      expect(isLoopbackAddress(host), host).to.equal(true);
    for (const host of [
      '0.0.0.0',
      '::',
      '192.168.1.10',
      '10.0.0.1',
      'example.com',
      '128.0.0.1',
      '127.0.0.256',
      '::ffff:10.0.0.1',
      'localhost.evil.example',
      '127.0.0.1.nip.io',
    ])
      expect(isLoopbackAddress(host), host).to.equal(false);
  });
});
