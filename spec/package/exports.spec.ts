/**
 * The built package, as users get it: imported by name through package.json `exports`, from
 * plain Node (no tsx), with `import` and with `require`. Catches missing `.js` extensions, CJS
 * interop mistakes (jsonwebtoken) and decorator-metadata differences between tsx and tsc.
 * `npm test` builds `dist/` before running the specs.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { json, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

/** A script that signs a private call and parses a product, printing what it saw. */
function script(url: string, load: string): string {
  return `${load}
const client = new Quoine({ baseUrl: '${url}', tokenId: 9, secret: 'pkg-secret', rateLimit: false });
const product = await client.products.get(5);
const sum = product.lastTradedPrice.plus('0.000000001');
console.log(JSON.stringify({ id: product.id, sum: sum.toFixed(), isProduct: product instanceof Product, version: VERSION }));
client.close();`;
}

describe('the built package', () => {
  let server: LoopbackServer;
  before(async function () {
    if (!existsSync(`${root}dist/index.js`))
      throw new Error('dist/ is missing: npm test builds it before running the specs (npm run build)');
    server = await startLoopbackServer((q) => {
      if (q.headers['x-quoine-auth'] !== undefined)
        jwt.verify(String(q.headers['x-quoine-auth']), 'pkg-secret', { algorithms: ['HS256'] });
      return json('{"id": "5", "currency_pair_code": "BTCJPY", "last_traded_price": 976382.12345678901234567}');
    });
  });
  after(() => server.close());

  it('works with import from plain Node', async () => {
    const code = script(server.url, "import { Quoine, Product, VERSION } from 'quoine';");
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], { cwd: root });
    expect(JSON.parse(stdout)).to.deep.equal({
      id: 5,
      sum: '976382.12345679001234567',
      isProduct: true,
      version: '0.1.0',
    });
  });

  it('signs with jsonwebtoken from plain Node (CommonJS default import)', async () => {
    const code = `import { Signer } from '${root}dist/core/auth.js'; console.log(new Signer(9, 'pkg-secret').sign('/orders?x=1'));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], { cwd: root });
    expect(jwt.verify(stdout.trim(), 'pkg-secret', { algorithms: ['HS256'] })).to.include({
      path: '/orders?x=1',
      token_id: 9,
    });
  });

  it('serves quoine/sandbox from plain Node, with import and with require', async () => {
    const body = `const sandbox = await startSandbox({ port: 0, market: false, rateLimit: false });
const client = new Quoine({ baseUrl: sandbox.url, tokenId: sandbox.demo.tokenId, secret: sandbox.demo.secret, rateLimit: false });
const balances = await client.accounts.balances();
console.log(JSON.stringify({ tap: sandbox.tapUrl.startsWith('ws://127.0.0.1:'), btc: balances.find((b) => b.currency === 'BTC').balance.toFixed() }));
client.close();
await sandbox.close();`;
    const esm = `import { startSandbox } from 'quoine/sandbox'; import { Quoine } from 'quoine';\n${body}`;
    const cjs = `const { startSandbox } = require('quoine/sandbox'); const { Quoine } = require('quoine');\n(async () => {${body}})().catch((e) => { console.error(e); process.exit(1); });`;
    for (const [type, code] of [
      ['module', esm],
      ['commonjs', cjs],
    ] as const) {
      const { stdout } = await run(process.execPath, [`--input-type=${type}`, '-e', code], { cwd: root });
      expect(JSON.parse(stdout), type).to.deep.equal({ tap: true, btc: '100' });
    }
  });

  it('works with require from plain Node (require(esm), no top-level await)', async () => {
    const code = `(async () => {${script(server.url, "const { Quoine, Product, VERSION } = require('quoine');")}})().catch((e) => { console.error(e); process.exit(1); });`;
    const { stdout } = await run(process.execPath, ['--input-type=commonjs', '-e', code], { cwd: root });
    expect(JSON.parse(stdout)).to.deep.equal({
      id: 5,
      sum: '976382.12345679001234567',
      isProduct: true,
      version: '0.1.0',
    });
  });

  it('serves quoine/redis from plain Node; quoine itself never reaches it or ioredis', async () => {
    const code = `const { redisCoordinator, RedisCoordinator } = await import('quoine/redis');
const refused = await redisCoordinator({ url: 'http://x', key: 'k' }).catch((e) => e.name + ' ' + e.field);
console.log(JSON.stringify({ refused, exported: typeof RedisCoordinator }));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], { cwd: root });
    expect(JSON.parse(stdout)).to.deep.equal({ refused: 'QuoineRequestError url', exported: 'function' });
    const main = modulesReachedFrom(`${root}dist/index.js`);
    expect(main.size).to.be.above(50);
    expect([...main].filter((m) => m.includes('ioredis') || m.includes('/redis/'))).to.deep.equal([]);
    expect(modulesReachedFrom(`${root}dist/redis/index.js`)).to.include('ioredis');
  });
});

/** Every module the built file reaches through static and dynamic imports: files, and bare package names. */
function modulesReachedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (specifier === undefined) continue;
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
      else seen.add(specifier.split('/')[0] === '' ? specifier : specifier.replace(/^(@[^/]+\/[^/]+|[^/]+).*$/, '$1'));
    }
  };
  visit(entry);
  return seen;
}
