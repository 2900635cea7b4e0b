/**
 * Secrets (issue 7): every error path, forced against the sandbox with a recognisable secret;
 * neither the secret nor any signed token appears in a message, stack, cause, util.inspect,
 * JSON.stringify, or anything written to stdout, stderr or the console.
 */
import { inspect } from 'node:util';
import { expect } from 'chai';
import sinon from 'sinon';
import { Quoine } from '../../lib/client.js';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.js';
import { startCountingProxy, type CountingProxy } from '../helpers/counting-proxy.js';
import { views } from '../helpers/leak-views.js';
import { rejection } from '../helpers/rejection.js';

const SECRET = 'RECOGNISABLE-SECRET-4b1d';

describe('no secret in any error or output', function () {
  this.timeout(30_000);
  let sandbox: Sandbox;
  let proxy: CountingProxy;
  before(async () => {
    sandbox = await startSandbox({
      port: 0,
      market: false,
      rateLimit: false,
      demoToken: { tokenId: '424242', secret: SECRET },
    });
    proxy = await startCountingProxy(sandbox.url);
  });
  after(async () => {
    await proxy.close();
    await sandbox.close();
  });

  const paths: ReadonlyArray<[string, (c: Quoine) => Promise<unknown>, () => void]> = [
    [
      'an authentication failure',
      (_c) =>
        new Quoine({
          baseUrl: proxy.url,
          tokenId: '424242',
          secret: `${SECRET}-wrong`,
          rateLimit: false,
        }).accounts.balances(),
      () => undefined,
    ],
    [
      'a timeout',
      (c) => c.accounts.balances({ timeout: 100 }),
      () => sandbox.faults.add({ path: '/accounts/balance', kind: 'delay', ms: 400, times: 3 }),
    ],
    [
      'a connection error',
      (c) => c.orders.limitBuy(5, '0.001', '950000'),
      () => sandbox.faults.add({ path: '/orders', kind: 'reset-before' }),
    ],
    [
      'a parse error',
      (c) => c.orders.limitBuy(5, '0.001', '950000'),
      () => sandbox.faults.add({ path: '/orders', kind: 'malformed-body' }),
    ],
    [
      'retries exhausted',
      (c) => c.accounts.balances({ maxRetries: 1 }),
      () => sandbox.faults.add({ path: '/accounts/balance', kind: 'status', status: 503, times: 2 }),
    ],
    ['a refused order', (c) => c.orders.limitBuy(5, '100000', '950000'), () => undefined],
  ];

  for (const [what, call, arrange] of paths) {
    it(what, async () => {
      const written: string[] = [];
      const capture = (chunk: unknown): boolean => {
        written.push(String(chunk));
        return true;
      };
      const out = sinon.stub(process.stdout, 'write').callsFake(capture);
      const err = sinon.stub(process.stderr, 'write').callsFake(capture);
      const logs = (['log', 'warn', 'error', 'info', 'debug'] as const).map((m) =>
        sinon.stub(console, m).callsFake((...args: unknown[]) => void written.push(args.map(String).join(' '))),
      );
      const client = new Quoine({
        baseUrl: proxy.url,
        tokenId: '424242',
        secret: SECRET,
        rateLimit: false,
        maxRetries: 2,
      });
      let error: Error;
      try {
        arrange();
        error = await rejection(call(client));
      } finally {
        out.restore();
        err.restore();
        logs.forEach((l) => l.restore());
        sandbox.faults.clear();
        await client.close();
      }
      expect(proxy.tokens.length).to.be.greaterThan(0);
      for (const text of [
        ...views(error),
        ...written,
        inspect(client, { depth: 20, showHidden: true }),
        JSON.stringify(client),
      ]) {
        expect(text).not.to.include(SECRET);
        for (const token of proxy.tokens) expect(text).not.to.include(token);
      }
    });
  }
});
