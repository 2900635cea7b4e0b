/** The `quoine` command against a sandbox: output, exit codes, errors. */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { startSandbox, type Sandbox, type SandboxToken } from '../../lib/sandbox/index.js';
import { credentialsEnv, runCli } from './run-cli.js';

describe('the quoine command', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let token: SandboxToken;
  let env: Record<string, string>;
  before(async () => {
    sandbox = await startSandbox({ port: 0, market: false, rateLimit: false });
    token = sandbox.createToken({ JPY: '10000000', BTC: '2' });
    const maker = sandbox.createToken({ BTC: '10', JPY: '100000000' });
    sandbox.exchange.createOrder(maker.userId, {
      orderType: 'limit',
      productId: 5,
      side: 'sell',
      quantity: '1',
      price: '980000',
    });
    sandbox.exchange.createOrder(maker.userId, {
      orderType: 'limit',
      productId: 5,
      side: 'buy',
      quantity: '1',
      price: '970001',
    });
    env = credentialsEnv(token);
  });
  after(() => sandbox.close());

  it('products: a table, or exact JSON with --json', async () => {
    const table = await runCli(['products', '--base-url', sandbox.url]);
    expect(table.code).to.equal(0);
    expect(table.stdout)
      .to.match(/pair/)
      .and.match(/BTCJPY/);
    const json = await runCli(['products', '--base-url', sandbox.url, '--json']);
    const products = JSON.parse(json.stdout) as Array<{
      id: number;
      currencyPairCode: string;
      lastTradedPrice: string;
    }>;
    expect(products.find((p) => p.id === 5)?.currencyPairCode).to.equal('BTCJPY');
    expect(products.find((p) => p.id === 5)?.lastTradedPrice).to.be.a('string');
  });

  it('book: the top levels by pair code', async () => {
    const result = await runCli(['book', 'btcjpy', '--depth', '3', '--base-url', sandbox.url]);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.include('970001').and.include('980000');
    const bad = await runCli(['book', 'NOPE', '--base-url', sandbox.url]);
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.match(/^quoine: error: no product "NOPE"/);
  });

  it('order, orders, cancel, balances, trades with credentials from the environment', async () => {
    const placed = await runCli(['order', 'buy', 'BTCJPY', '0.01', '960000', '--json', '--base-url', sandbox.url], env);
    expect(placed.code, placed.stderr).to.equal(0);
    const order = JSON.parse(placed.stdout) as { id: number; price: string; status: string };
    expect([order.price, order.status]).to.deep.equal(['960000', 'live']);
    const listed = await runCli(['orders', '--status', 'live', '--base-url', sandbox.url], env);
    expect(listed.stdout).to.include(String(order.id));
    const cancelled = await runCli(['cancel', String(order.id), '--json', '--base-url', sandbox.url], env);
    expect((JSON.parse(cancelled.stdout) as { status: string }).status).to.equal('cancelled');
    const market = await runCli(['order', 'buy', '5', '0.5', '--json', '--base-url', sandbox.url], env);
    expect((JSON.parse(market.stdout) as { status: string }).status).to.equal('filled');
    const balances = await runCli(['balances', '--json', '--base-url', sandbox.url], env);
    const btc = (JSON.parse(balances.stdout) as Array<{ currency: string; balance: string }>).find(
      (b) => b.currency === 'BTC',
    );
    expect(btc?.balance).to.equal('2.5');
    const trades = await runCli(['trades', '--base-url', sandbox.url], env);
    expect(trades.code).to.equal(0);
  });

  it('fails with one clear line and exit 1, a stack only with --debug, never the secret', async () => {
    const noCredentials = await runCli(['orders', '--base-url', sandbox.url]);
    expect(noCredentials.code).to.equal(1);
    expect(noCredentials.stderr.trim().split('\n')).to.have.length(1);
    expect(noCredentials.stderr).to.match(
      /^quoine: error: the orders command needs API credentials: set QUOINE_TOKEN_ID and QUOINE_SECRET, or pass --token-id and --secret\n$/,
    );
    const wrong = await runCli([
      'balances',
      '--base-url',
      sandbox.url,
      '--token-id',
      token.tokenId,
      '--secret',
      'not-the-secret-9f8e',
    ]);
    expect(wrong.code).to.equal(1);
    expect(wrong.stderr).to.match(
      /401 Unauthorized: API Authentication failed; check the API secret and its token id \(QUOINE_SECRET and QUOINE_TOKEN_ID, or --secret and --token-id\)/,
    );
    expect(wrong.stderr.trim().split('\n')).to.have.length(1);
    expect(wrong.stderr).not.to.include('not-the-secret-9f8e');
    const debug = await runCli([
      'balances',
      '--debug',
      '--base-url',
      sandbox.url,
      '--token-id',
      token.tokenId,
      '--secret',
      'not-the-secret-9f8e',
    ]);
    expect(debug.stderr).to.match(/\n\s+at /);
    expect(debug.stderr).not.to.include('not-the-secret-9f8e');
    const badInput = await runCli(['order', 'buy', '5', '-1', '950000', '--base-url', sandbox.url], env);
    expect(badInput.code).to.equal(1);
    expect(badInput.stderr).to.match(/quantity must be greater than zero/);
    const plainHttp = await runCli(['products', '--base-url', 'http://example.com']);
    expect(plainHttp.stderr).to.match(/plain http/);
  });

  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-V']) {
      const result = await runCli([flag]);
      expect([result.code, result.stdout, result.stderr]).to.deep.equal([0, `${version}\n`, '']);
    }
  });

  // Half a credential pair, from the environment or the flags; one child process per test, so a
  // loaded machine does not push ten runs past one test's timeout.
  const halfPairs: Array<[string, (t: SandboxToken) => [string[], Record<string, string>], RegExp]> = [
    [
      'QUOINE_TOKEN_ID alone',
      (t) => [[], { QUOINE_TOKEN_ID: t.tokenId }],
      /QUOINE_TOKEN_ID is set but QUOINE_SECRET is not/,
    ],
    [
      'QUOINE_SECRET alone',
      (t) => [[], { QUOINE_SECRET: t.secret }],
      /QUOINE_SECRET is set but QUOINE_TOKEN_ID is not/,
    ],
    ['--token-id alone', (t) => [['--token-id', t.tokenId], {}], /--token-id was given without --secret/],
    ['--secret alone', (t) => [['--secret', t.secret], {}], /--secret was given without --token-id/],
    // Flags are a pair of their own: half of them is not completed from the environment.
    [
      '--token-id with QUOINE_SECRET',
      (t) => [['--token-id', t.tokenId], { QUOINE_SECRET: t.secret }],
      /--token-id was given without --secret/,
    ],
  ];
  for (const [label, given, message] of halfPairs) {
    // products is a public call: half a pair was silently ignored there before.
    for (const command of ['products', 'balances']) {
      it(`refuses half a credential pair (${label}) for ${command}, naming what is missing`, async () => {
        const [flags, environment] = given(token);
        const result = await runCli([command, ...flags, '--base-url', sandbox.url], environment);
        expect(result.code).to.equal(1);
        expect(result.stderr)
          .to.match(/^quoine: error: /)
          .and.match(message);
        expect(result.stderr.trim().split('\n')).to.have.length(1);
        expect(result.stderr).not.to.include(token.secret);
      });
    }
  }

  it("prefixes every error once, its own and the argument parser's alike", async () => {
    const failures = [
      ['book', '--base-url', sandbox.url],
      ['book', '5', '--depth', 'x', '--base-url', sandbox.url],
      ['book', 'NOPE', '--base-url', sandbox.url],
      ['export', 'orders', '--out', 'x.txt', '--base-url', sandbox.url],
      ['nope'],
    ];
    for (const args of failures) {
      const result = await runCli(args, env);
      expect(result.code, args.join(' ')).to.equal(1);
      const first = result.stderr.split('\n')[0] ?? '';
      expect(first, args.join(' ')).to.match(/^quoine: error: /);
      expect(first.match(/error:/g), first).to.have.length(1);
    }
  });

  it('writes no ANSI escape to a pipe, nor with NO_COLOR set', async () => {
    for (const args of [['products'], ['book', '5'], ['orders'], ['balances'], ['trades']]) {
      for (const extra of [{}, { NO_COLOR: '1' }]) {
        const result = await runCli([...args, '--base-url', sandbox.url], { ...env, ...extra });
        expect(result.code, result.stderr).to.equal(0);
        expect(result.stdout + result.stderr, args.join(' ')).not.to.match(/\u001b/);
      }
    }
  });
});
