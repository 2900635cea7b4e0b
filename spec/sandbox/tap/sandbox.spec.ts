// The tap attached to a real startSandbox() (as the lead wires it), driven over HTTP with plain
// got + jsonwebtoken: every realtime payload has the fields and exact values of the REST object of
// the same profile (the channels type some decimals differently: wire-types.spec.ts).
import { expect } from 'chai';
import { isLosslessNumber, parse } from 'lossless-json';
import { MarketMaker, type Sandbox } from '../../../lib/sandbox/index.js';
import type { SandboxToken } from '../../../lib/sandbox/auth/token-registry.js';
import type { Profile } from '../../../lib/sandbox/profile.js';
import { call, httpClient, startTestSandbox } from '../server/helpers.js';
import { sandboxTokens, connected, type Frame, nextTurn, type RawClient } from './helpers.js';

function lastOn(frames: readonly Frame[], channel: string): unknown {
  const frame = frames.filter((f) => f.channel === channel).at(-1);
  if (frame === undefined) throw new Error(`nothing on ${channel}`);
  return parse(frame.data as string);
}

/** Every JSON number as its source text, so a channel's `0.5` and REST's `"0.5"` compare equal. */
function asText(value: unknown): unknown {
  if (isLosslessNumber(value)) return value.value;
  if (Array.isArray(value)) return value.map(asText);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
  return value;
}

function without(object: unknown, ...keys: string[]): Record<string, unknown> {
  const copy = { ...(object as Record<string, unknown>) };
  for (const key of keys) Reflect.deleteProperty(copy, key);
  return copy;
}

for (const profile of ['quoine', 'liquid'] as readonly Profile[]) {
  describe(`sandbox tap on startSandbox() (${profile} profile)`, () => {
    let sandbox: Sandbox;
    let token: (balances: Record<string, string>) => SandboxToken;
    const clients: RawClient[] = [];

    beforeEach(async () => {
      sandbox = await startTestSandbox({ profile, now: () => 1_700_000_000_000 });
      ({ token } = sandboxTokens(sandbox));
    });

    afterEach(async () => {
      for (const c of clients.splice(0)) c.close();
      await sandbox.close();
    });

    it('serves the sandbox tapUrl, and every payload equals the REST object after orders placed over HTTP', async () => {
      const http = httpClient(sandbox);
      const maker = token({ BTC: '10' });
      const taker = token({ JPY: '10000000' });
      const c = await connected(sandbox.tapUrl);
      clients.push(c);
      // REST calls sign µs-scale nonces (spec/sandbox/server/helpers); the realtime login signs
      // milliseconds, and is accepted: the feed keeps its own nonce sequence.
      expect((await call(http, 'GET', '/accounts/balance', { credentials: taker })).statusCode).to.equal(200);
      expect((await c.authenticate(taker)).event).to.equal('quoine:auth_success');
      for (const channel of [
        'product_cash_btcjpy_5',
        'executions_cash_btcjpy',
        'user_account_jpy_orders',
        'user_account_btc',
        'user_executions_cash_btcjpy',
      ]) {
        await c.subscribe(channel);
      }

      const ask = await call(http, 'POST', '/orders', {
        credentials: maker,
        body: { order: { order_type: 'limit', product_id: 5, side: 'sell', quantity: '0.5', price: '976001' } },
      });
      expect(ask.statusCode).to.equal(200);
      const buy = await call(http, 'POST', '/orders', {
        credentials: taker,
        body: { order: { order_type: 'market', product_id: 5, side: 'buy', quantity: '0.2' } },
      });
      expect(buy.statusCode).to.equal(200);
      await nextTurn();
      const frames = await c.drain();

      expect(asText(lastOn(frames, 'user_account_jpy_orders'))).to.deep.equal(asText(parse(buy.body)));
      const product = await call(http, 'GET', '/products/5');
      expect(asText(lastOn(frames, 'product_cash_btcjpy_5'))).to.deep.equal(asText(parse(product.body)));
      const executions = parse((await call(http, 'GET', '/executions?product_id=5')).body) as { models: unknown[] };
      const execution = lastOn(frames, 'executions_cash_btcjpy');
      expect(without(execution, 'timestamp')).to.deep.equal(without(executions.models[0], 'timestamp'));
      if (profile === 'liquid') expect(execution).to.deep.equal(executions.models[0]);
      const mine = parse(
        (await call(http, 'GET', '/executions/me?product_id=5&with_details=1', { credentials: taker })).body,
      ) as { models: unknown[] };
      expect(lastOn(frames, 'user_executions_cash_btcjpy')).to.deep.equal(mine.models[0]);
      const account = await call(http, 'GET', '/accounts/BTC', { credentials: taker });
      expect(lastOn(frames, 'user_account_btc')).to.deep.equal(parse(account.body));
      expect((lastOn(frames, 'user_account_btc') as { balance: string }).balance).to.equal('0.2');
    });

    it('follows the market maker: after its steps each ladder side is the REST book top 40, and executions match', async () => {
      const http = httpClient(sandbox);
      const c = await connected(sandbox.tapUrl);
      clients.push(c);
      for (const channel of [
        'price_ladders_cash_btcjpy_buy',
        'price_ladders_cash_btcjpy_sell',
        'executions_cash_btcjpy',
      ]) {
        await c.subscribe(channel);
      }
      const market = new MarketMaker(sandbox.exchange, { seed: 42 });
      for (let step = 0; step < 5; step += 1) {
        market.step();
        await nextTurn();
      }
      const frames = await c.drain();
      const book = parse((await call(http, 'GET', '/products/5/price_levels?full=1')).body) as {
        buy_price_levels: unknown[];
        sell_price_levels: unknown[];
      };
      expect(book.buy_price_levels.length).to.be.greaterThan(0);
      expect(lastOn(frames, 'price_ladders_cash_btcjpy_buy')).to.deep.equal(book.buy_price_levels.slice(0, 40));
      expect(lastOn(frames, 'price_ladders_cash_btcjpy_sell')).to.deep.equal(book.sell_price_levels.slice(0, 40));
      // One ladder message per side and turn at most.
      expect(frames.filter((f) => f.channel === 'price_ladders_cash_btcjpy_buy').length).to.be.within(1, 5);

      const rest = parse((await call(http, 'GET', '/executions?product_id=5&limit=1000')).body) as {
        models: Array<{ id: unknown }>;
      };
      const streamed = frames
        .filter((f) => f.channel === 'executions_cash_btcjpy')
        .map((f) => (parse(f.data as string) as { id: unknown }).id);
      expect(streamed.length).to.be.greaterThan(0);
      expect(streamed).to.deep.equal(rest.models.map((row) => row.id).reverse());
    });
  });
}
