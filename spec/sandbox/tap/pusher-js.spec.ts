// pusher-js (the client one Liquid front end used, quoine-api.md §8.1 [PUSHLIQ]) against the tap on
// a real startSandbox(): it connects, subscribes to public channels and decodes the events.
import { expect } from 'chai';
import PusherModule from 'pusher-js';
import type * as PusherTypes from 'pusher-js';
import type { Sandbox } from '../../../lib/sandbox/index.js';
import type { SandboxToken } from '../../../lib/sandbox/auth/token-registry.js';
import { call, httpClient, startTestSandbox } from '../server/helpers.js';
import { sandboxTokens } from './helpers.js';

// The Node build's module.exports is the Pusher class itself; under nodenext TypeScript reads the
// CommonJS typings' default import as the whole module, so the constructor is typed here.
type Pusher = PusherTypes.default;
const Pusher = PusherModule as unknown as new (key: string, options: PusherTypes.Options) => Pusher;

for (const profile of ['quoine', 'liquid'] as const) {
  describe(`sandbox tap with pusher-js (${profile} profile)`, () => {
    let sandbox: Sandbox;
    let token: (balances: Record<string, string>) => SandboxToken;
    let pusher: Pusher | undefined;

    beforeEach(async () => {
      sandbox = await startTestSandbox({ profile });
      ({ token } = sandboxTokens(sandbox));
    });

    afterEach(async () => {
      if (pusher !== undefined && pusher.connection.state !== 'disconnected') {
        const client = pusher;
        const disconnected = new Promise<void>((resolve) => client.connection.bind('disconnected', () => resolve()));
        client.disconnect();
        await disconnected;
      }
      pusher = undefined;
      await sandbox.close();
    });

    function connect(): Pusher {
      pusher = new Pusher('LiquidTapClient', {
        wsHost: '127.0.0.1',
        wsPort: sandbox.port,
        forceTLS: false,
        enabledTransports: ['ws'],
        cluster: 'x',
      });
      return pusher;
    }

    /** Subscribes; `data` resolves with the first `count` payloads of `event` on `channel`, as pusher-js decoded them. */
    function events(
      client: Pusher,
      channel: string,
      event: string,
      count = 1,
    ): { subscribed: Promise<void>; data: Promise<unknown[]> } {
      const subscription = client.subscribe(channel);
      const received: unknown[] = [];
      return {
        subscribed: new Promise((resolve) => subscription.bind('pusher:subscription_succeeded', () => resolve())),
        data: new Promise((resolve) =>
          subscription.bind(event, (data: unknown) => {
            received.push(data);
            if (received.length === count) resolve(received);
          }),
        ),
      };
    }

    it('connects, subscribes to public channels and receives decoded events after a trade', async () => {
      const client = connect();
      await new Promise<void>((resolve) => client.connection.bind('connected', () => resolve()));
      expect(client.connection.socket_id).to.match(/^\d+\.\d+$/);

      const executions = events(client, 'executions_cash_btcjpy', 'created');
      const details = events(client, 'execution_details_cash_btcjpy', 'created');
      // Two requests, two turns: the ask's arrival, then the trade.
      const sells = events(client, 'price_ladders_cash_btcjpy_sell', 'updated', 2);
      const product = events(client, 'product_cash_btcjpy_5', 'updated', 2);
      await Promise.all([executions.subscribed, details.subscribed, sells.subscribed, product.subscribed]);

      const http = httpClient(sandbox);
      const maker = token({ BTC: '10' });
      const taker = token({ JPY: '10000000' });
      const ask = await call(http, 'POST', '/orders', {
        credentials: maker,
        body: { order: { order_type: 'limit', product_id: 5, side: 'sell', quantity: '0.5', price: '976001' } },
      });
      const buy = await call(http, 'POST', '/orders', {
        credentials: taker,
        body: { order: { order_type: 'market', product_id: 5, side: 'buy', quantity: '0.2' } },
      });
      expect([ask.statusCode, buy.statusCode]).to.deep.equal([200, 200]);

      const [execution] = (await executions.data) as Array<Record<string, unknown>>;
      expect(Object.keys(execution!)).to.have.members([
        'id',
        'quantity',
        'price',
        'taker_side',
        'created_at',
        'timestamp',
      ]);
      expect(execution).to.include({ taker_side: 'buy' });
      expect(String(execution!['quantity'])).to.equal('0.2');
      // A whole price on the 1 JPY tick: the quoine profile prints it as "976001.0".
      const whole = (value: unknown): string => String(value).replace(/\.0$/, '');
      expect(whole(execution!['price'])).to.equal('976001');

      const [detail] = (await details.data) as Array<Record<string, unknown>>;
      expect(detail!['buy_order_id']).to.equal((JSON.parse(buy.body) as { id: number }).id);
      expect(detail!['sell_order_id']).to.equal((JSON.parse(ask.body) as { id: number }).id);

      const ladders = (await sells.data) as Array<Array<[unknown, unknown]>>;
      expect(ladders.map((levels) => levels.map(([price, quantity]) => [whole(price), quantity]))).to.deep.equal([
        [['976001', '0.5']],
        [['976001', '0.3']],
      ]);

      const [placed, traded] = (await product.data) as Array<Record<string, unknown>>;
      expect(placed).to.include({ currency_pair_code: 'BTCJPY' });
      expect(whole(placed!['market_ask'])).to.equal('976001');
      expect(traded).to.include({ currency_pair_code: 'BTCJPY', last_traded_quantity: '0.2' });
      expect(whole(traded!['last_traded_price'])).to.equal('976001');
      expect(traded!['id']).to.equal(profile === 'liquid' ? '5' : 5);
    });
  });
}
