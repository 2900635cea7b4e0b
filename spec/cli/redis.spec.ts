/**
 * `--redis URL` / QUOINE_REDIS_URL on the commands that call the API: the command's calls take
 * the token's signing lane and rate-limit slots from a real redis-server (key quoine:<token id>),
 * beside other processes of the token; a Redis that is away fails the command with one line that
 * names it and never its password.
 */
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { startSandbox, type Sandbox, type SandboxToken } from '../../lib/sandbox/index.js';
import { freePort, RedisServer, redisIt } from '../redis/redis-server.js';
import { credentialsEnv, runCli } from './run-cli.js';

describe('the quoine command with --redis', function () {
  this.timeout(60_000);
  let sandbox: Sandbox;
  let token: SandboxToken;
  let redis: RedisServer | undefined;
  before(async function () {
    sandbox = await startSandbox({ port: 0, market: false, rateLimit: false });
    token = sandbox.createToken({ JPY: '10000000', BTC: '2' });
  });
  after(async () => {
    await sandbox.close();
    await redis?.kill();
  });

  /** The nonce Redis last handed out for the token (undefined before any). */
  async function lastNonce(): Promise<string | null> {
    const client = new Redis((redis as RedisServer).url);
    try {
      return await client.get(`quoine:${token.tokenId}:nonce`);
    } finally {
      client.disconnect();
    }
  }

  redisIt('--redis: the signed calls take their nonces from Redis under the key quoine:<token id>', async () => {
    redis ??= await RedisServer.start();
    const result = await runCli(['balances', '--base-url', sandbox.url, '--redis', redis.url], credentialsEnv(token));
    expect(result.stderr).to.equal('');
    expect(result.code).to.equal(0);
    expect(result.stdout).to.match(/BTC/);
    expect(Number(await lastNonce())).to.be.above(0);
  });

  redisIt('QUOINE_REDIS_URL does the same, and a later run never goes below the last nonce', async () => {
    redis ??= await RedisServer.start();
    const before = Number(await lastNonce());
    const result = await runCli(['orders', '--base-url', sandbox.url], {
      ...credentialsEnv(token),
      QUOINE_REDIS_URL: redis.url,
    });
    expect(result.stderr).to.equal('');
    expect(result.code).to.equal(0);
    expect(Number(await lastNonce())).to.be.above(before);
  });

  redisIt('three commands at once on one token: every one succeeds', async () => {
    redis ??= await RedisServer.start();
    const env = { ...credentialsEnv(token), QUOINE_REDIS_URL: redis.url };
    const results = await Promise.all([
      runCli(['balances', '--base-url', sandbox.url], env),
      runCli(['orders', '--base-url', sandbox.url], env),
      runCli(['order', 'buy', 'BTCJPY', '0.001', '900000', '--base-url', sandbox.url], env),
    ]);
    for (const result of results) {
      expect(result.stderr).to.equal('');
      expect(result.code).to.equal(0);
    }
  });

  it('a Redis that is not there: exit 1, one line naming host:port, never the URL password', async () => {
    const port = await freePort();
    const url = `redis://:hunter2-redis-pw@127.0.0.1:${port}`;
    for (const [args, env] of [
      [['balances', '--base-url', sandbox.url, '--redis', url], credentialsEnv(token)],
      [['balances', '--base-url', sandbox.url], { ...credentialsEnv(token), QUOINE_REDIS_URL: url }],
    ] as const) {
      const result = await runCli(args, env);
      expect(result.code).to.equal(1);
      expect(result.stdout).to.equal('');
      expect(result.stderr.trim().split('\n')).to.have.length(1);
      expect(result.stderr).to.include(`127.0.0.1:${port}`).and.match(/Redis/);
      expect(result.stderr).not.to.include('hunter2');
    }
  });

  it('a --redis that is not a Redis URL is refused, naming it', async () => {
    const result = await runCli(
      ['balances', '--base-url', sandbox.url, '--redis', 'http://127.0.0.1:1'],
      credentialsEnv(token),
    );
    expect(result.code).to.equal(1);
    expect(result.stderr).to.match(/redis:\/\//);
  });
});
