/**
 * The default `baseUrl`: `QUOINE_BASE_URL` when set (checked like the option), else the sandbox.
 * The README's examples rely on it: they build a client without `baseUrl` and run anywhere the
 * variable points.
 */
import { expect } from 'chai';
import { Quoine, QuoineRequestError } from '../../lib/index.js';
import { startSandbox } from '../../lib/sandbox/index.js';
import { runCli } from '../cli/run-cli.js';

describe('the default baseUrl (QUOINE_BASE_URL)', () => {
  const saved = process.env['QUOINE_BASE_URL'];
  afterEach(() => {
    if (saved === undefined) delete process.env['QUOINE_BASE_URL'];
    else process.env['QUOINE_BASE_URL'] = saved;
  });
  const withEnv = (value: string | undefined): void => {
    if (value === undefined) delete process.env['QUOINE_BASE_URL'];
    else process.env['QUOINE_BASE_URL'] = value;
  };

  it('is the sandbox when the variable is unset or empty', () => {
    withEnv(undefined);
    expect(new Quoine().baseUrl).to.equal(Quoine.SANDBOX);
    withEnv('');
    expect(new Quoine().baseUrl).to.equal(Quoine.SANDBOX);
  });

  it('is the variable when set, normalised like the option, with the preset rate limit it names', () => {
    withEnv('https://api.liquid.com/');
    const client = new Quoine();
    expect(client.baseUrl).to.equal(Quoine.LIQUID);
    expect(client.rateLimit).to.deep.equal({ requests: 600, intervalMs: 300_000 });
    withEnv('http://127.0.0.1:4000/api//');
    expect(new Quoine().baseUrl).to.equal('http://127.0.0.1:4000/api');
  });

  it('yields to an explicit baseUrl option', () => {
    withEnv('https://api.liquid.com');
    expect(new Quoine({ baseUrl: Quoine.QUOINEX }).baseUrl).to.equal(Quoine.QUOINEX);
  });

  for (const [value, problem] of [
    ['http://example.com', /plain http/],
    ['api.liquid.com', /not a URL/],
    ['ftp://api.liquid.com', /must be https/],
    ['https://user:pass@api.liquid.com', /credentials/],
  ] as const) {
    it(`refuses ${value} with an error naming QUOINE_BASE_URL`, () => {
      withEnv(value);
      let error: unknown;
      try {
        new Quoine();
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(QuoineRequestError);
      const refused = error as QuoineRequestError;
      expect(refused.message)
        .to.match(/^QUOINE_BASE_URL \(the default baseUrl\): /)
        .and.match(problem);
      expect(refused.message).not.to.include('pass');
      expect(refused.field).to.equal('baseUrl');
    });
  }

  it('sends the calls of a client without baseUrl to the exchange the variable names', async () => {
    const sandbox = await startSandbox({ port: 0, market: false, rateLimit: false });
    try {
      withEnv(sandbox.url);
      const client = new Quoine({ tokenId: sandbox.demo.tokenId, secret: sandbox.demo.secret, rateLimit: false });
      const balances = await client.accounts.balances();
      expect(balances.find((b) => b.currency === 'JPY')?.balance.toFixed()).to.equal(sandbox.demoBalances['JPY']);
      await client.close();
    } finally {
      await sandbox.close();
    }
  });

  it('is also where the quoine command goes without --base-url or --preset', async () => {
    const sandbox = await startSandbox({ port: 0, market: false, rateLimit: false });
    try {
      const env = {
        QUOINE_BASE_URL: sandbox.url,
        QUOINE_TOKEN_ID: sandbox.demo.tokenId,
        QUOINE_SECRET: sandbox.demo.secret,
      };
      const result = await runCli(['balances', '--json'], env);
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stdout).to.include('"JPY"').and.include(sandbox.demoBalances['JPY']);
    } finally {
      await sandbox.close();
    }
  });
});
