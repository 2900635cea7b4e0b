/**
 * No blank columns: where the exchange's profile lacks `reserved_balance` or `average_price`, the
 * tables show the exchange's own figure from another endpoint or compute it exactly from the
 * executions, or leave the column out.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { startSandbox, type Sandbox, type SandboxToken } from '../../lib/sandbox/index.js';
import { credentialsEnv, runCli } from './run-cli.js';

const BTCJPY = 5;

/** The table's header cells and the line of the row that starts with `first`. */
function tableRow(table: string, first: string): { head: string[]; line: string } {
  const lines = table.split('\n');
  const head = (lines[0] ?? '').trim().split(/\s{2,}/);
  const line = lines.find((l) => l.trim().split(/\s{2,}/)[0] === first) ?? '';
  return { head, line };
}

for (const profile of ['quoine', 'liquid'] as const) {
  describe(`quoine tables with no blank column (${profile} profile)`, function () {
    this.timeout(60_000);
    let sandbox: Sandbox;
    let token: SandboxToken;
    let env: Record<string, string>;
    let maker: SandboxToken;
    before(async () => {
      sandbox = await startSandbox({ port: 0, market: false, rateLimit: false, profile });
      token = sandbox.createToken({ JPY: '100000000', BTC: '1' });
      maker = sandbox.createToken({ BTC: '100', JPY: '1000000000' });
      env = credentialsEnv(token);
    });
    after(() => sandbox.close());

    it("balances: reserved and free are the exchange's figures", async () => {
      sandbox.exchange.createOrder(token.userId, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'buy',
        quantity: '0.01',
        price: '950000',
      });
      sandbox.exchange.createOrder(token.userId, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'sell',
        quantity: '0.25',
        price: '1000000',
      });
      const result = await runCli(['balances', '--base-url', sandbox.url], env);
      expect(result.code, result.stderr).to.equal(0);
      for (const currency of ['JPY', 'BTC']) {
        const account = sandbox.exchange.account(token.userId, currency);
        const { head, line } = tableRow(result.stdout, currency);
        expect(head).to.deep.equal(['currency', 'balance', 'reserved', 'free']);
        expect(line.trim().split(/\s+/), result.stdout).to.deep.equal([
          currency,
          account.balance.toFixed(),
          account.reservedBalance.toFixed(),
          account.balance.minus(account.reservedBalance).toFixed(),
        ]);
      }
    });

    it('orders and order: the average price of a multi-fill order, exact or marked as rounded; no column when no order has one', async () => {
      const fresh = sandbox.createToken({ JPY: '100000000' });
      const freshEnv = { QUOINE_TOKEN_ID: fresh.tokenId, QUOINE_SECRET: fresh.secret };
      const live = sandbox.exchange.createOrder(fresh.userId, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'buy',
        quantity: '0.01',
        price: '900000',
      });
      const unfilled = await runCli(['orders', '--base-url', sandbox.url], freshEnv);
      expect(unfilled.code, unfilled.stderr).to.equal(0);
      // The Quoine-era order has no average_price and an unfilled one no executions: nothing to show.
      if (profile === 'quoine') expect(tableRow(unfilled.stdout, String(live.id)).head).not.to.include('avg price');

      sandbox.exchange.createOrder(maker.userId, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'sell',
        quantity: '0.5',
        price: '980000',
      });
      sandbox.exchange.createOrder(maker.userId, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'sell',
        quantity: '0.5',
        price: '990000',
      });
      const even = sandbox.exchange.createOrder(fresh.userId, {
        orderType: 'market',
        productId: BTCJPY,
        side: 'buy',
        quantity: '1',
      });
      sandbox.exchange.createOrder(maker.userId, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'sell',
        quantity: '1',
        price: '980000',
      });
      sandbox.exchange.createOrder(maker.userId, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'sell',
        quantity: '2',
        price: '990000',
      });
      const uneven = sandbox.exchange.createOrder(fresh.userId, {
        orderType: 'market',
        productId: BTCJPY,
        side: 'buy',
        quantity: '3',
      });
      const listed = await runCli(['orders', '--base-url', sandbox.url], freshEnv);
      expect(listed.code, listed.stderr).to.equal(0);
      expect(tableRow(listed.stdout, String(even.id)).head).to.include('avg price');
      // (0.5 × 980000 + 0.5 × 990000) / 1 = 985000 exactly; (980000 + 2 × 990000) / 3 does not terminate.
      expect(tableRow(listed.stdout, String(even.id)).line).to.match(/\s985000\s/);
      expect(tableRow(listed.stdout, String(uneven.id)).line).to.match(/\s(?:≈986666\.66666667|986666\.6+7?)\s/);

      // The export's average_price column is the table's figure, never blank for a filled order.
      const dir = mkdtempSync(join(tmpdir(), 'quoine-avg-'));
      try {
        const out = join(dir, 'orders.csv');
        const exported = await runCli(['export', 'orders', '--out', out, '--base-url', sandbox.url], freshEnv);
        expect(exported.code, exported.stderr).to.equal(0);
        const average = new Map(
          parse<Record<string, string>>(readFileSync(out, 'utf8'), { columns: true }).map((r) => [
            r.id,
            r.average_price,
          ]),
        );
        expect(average.get(String(even.id))).to.equal('985000');
        expect(average.get(String(uneven.id))).to.match(/^(?:≈986666\.66666667|986666\.6+7?)$/);
        // No fill: nothing to compute (quoine); the exchange's own figure (liquid sends 0).
        expect(average.get(String(live.id))).to.equal(profile === 'quoine' ? '' : '0');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }

      sandbox.exchange.createOrder(maker.userId, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'sell',
        quantity: '0.01',
        price: '970000',
      });
      sandbox.exchange.createOrder(maker.userId, {
        orderType: 'limit',
        productId: BTCJPY,
        side: 'sell',
        quantity: '0.01',
        price: '975000',
      });
      const placed = await runCli(['order', 'buy', 'BTCJPY', '0.02', '--base-url', sandbox.url], freshEnv);
      expect(placed.code, placed.stderr).to.equal(0);
      expect(placed.stdout.split('\n')[0]).to.include('avg price');
      expect(placed.stdout).to.match(/\s972500\s/);
    });
  });
}
