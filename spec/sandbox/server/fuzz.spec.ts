/**
 * Random requests from two signed-in users against every route of the sandbox, over loopback:
 * near-valid orders with hostile numbers, edits, cancels and closes of ids that exist or do not,
 * and bodies and queries of any shape. Each is answered with a 2xx or a 4xx, never a 5xx; the
 * server answers afterwards; and no money is made or lost (the ledger's totals do not move).
 *
 * The properties run from a fixed seed, so a run is reproducible; `FC_SEED=<n>` explores another.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import http from 'node:http';
import type { Sandbox, SandboxToken } from '../../../lib/sandbox/index.js';
import { allRoutes } from '../../../lib/sandbox/server/routes/index.js';
import { sign, startTestSandbox } from './helpers.js';
import { runs } from '../../helpers/property-runs.js';

/** Numbers as text and as JSON numbers: valid, out of range, over-precise, not numbers at all. */
const NUMBERS: readonly unknown[] = [
  ...['0.01', '0.5', '1', '0.001', '900000', '1000000', '850000', '5000000', '950000.5', '1000.1'],
  ...['0', '-0', '-1', '1e2', '1E-3', '1e400', '1e-400', '0x10', ' 1', '+1', '.5', '5.', '00012', 'NaN', 'Infinity'],
  ...['0.000000000000000000000000000001', '99999999999999999999', '123456789012345678901234567890.5', ''],
  ...[0.1, 123.456, 1e308, -1e308, 2 ** 53 + 2, 1e-7, null, true, [], {}, ['1'], { value: '1' }],
];
const WORDS = [
  'buy',
  'sell',
  'limit',
  'market',
  'BTC',
  'JPY',
  'USD',
  'x',
  '',
  ' ',
  '\u0000',
  '\ud800',
  'a'.repeat(3000),
];
/** Every parameter name the routes read, and a few an attacker would add. */
const KEYS = [
  ...['order_type', 'product_id', 'side', 'quantity', 'price', 'price_range', 'leverage_level', 'funding_currency'],
  ...['trailing_stop_type', 'trailing_stop_value', 'take_profit', 'stop_loss', 'order_direction', 'margin_type'],
  ...['trading_type', 'client_order_id', 'status', 'with_details', 'page', 'limit', 'timestamp', 'currency'],
  ...['amount', 'rate', 'address', 'network', 'payment_id', 'memo_type', 'memo_value', 'id', 'margin'],
  ...['__proto__', 'constructor', 'toString'],
];
const WRAPPERS = ['order', 'trade', 'loan_bid', 'loan', 'crypto_withdrawal', 'withdrawal', 'fiat_account', 'fund_info'];

const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...NUMBERS, ...WORDS) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 3 }) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 2 }) },
  ),
})).value;

/** An order the engine may well accept: mostly valid fields, now and then a hostile one. */
const nearValidOrder = fc
  .record({
    order_type: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom('limit', 'market') },
      fc.constantFrom('market_with_range', 'stop', 'x'),
    ),
    product_id: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(5, 1, 27) }, fc.constantFrom('5', 3, 999, -1)),
    side: fc.oneof({ weight: 9, arbitrary: fc.constantFrom('buy', 'sell') }, fc.constantFrom('BUY', '')),
    quantity: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('0.01', '0.5', '1', '0.001') },
      fc.constantFrom(...NUMBERS),
    ),
    price: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('900000', '1000000', '850000', '5000000', '1000.1', 1200) },
      fc.constantFrom(...NUMBERS),
    ),
  })
  .chain((order) =>
    fc
      .oneof(
        { weight: 3, arbitrary: fc.constant({}) },
        fc.dictionary(fc.constantFrom(...KEYS.slice(5, 15)), anyValue, { maxKeys: 2 }),
      )
      .map((extra) => ({ ...order, ...extra })),
  );

interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly body: string | undefined;
  readonly user: number;
}

const id = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 400 }).map(String) },
  fc.constantFrom('0', '-1', '1.5', 'abc', '%2F', '999999999999999999999', '00', '%20'),
);

/** A request to one of the routes, its path parameters filled, with a query and a body of any shape. */
const anyRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({
    route: fc.constantFrom(...allRoutes),
    ids: fc.array(id, { minLength: 2, maxLength: 2 }),
    query: fc.option(fc.dictionary(fc.constantFrom(...KEYS), anyValue, { maxKeys: 3 }), { nil: undefined }),
    body: fc.oneof(
      fc.constant(undefined),
      nearValidOrder.map((order) => JSON.stringify({ order })),
      fc
        .tuple(fc.constantFrom(...WRAPPERS), fc.dictionary(fc.constantFrom(...KEYS), anyValue, { maxKeys: 5 }))
        .map(([wrapper, fields]) => JSON.stringify({ [wrapper]: fields })),
      fc.constantFrom('', '{', 'null', '[]', '"x"', '{"a":1,"a":2}', '{"order":null}', '1e999'),
    ),
    user: fc.nat({ max: 1 }),
  })
  .map(({ route, ids, query, body, user }) => {
    let n = 0;
    const path = route.template.replace(/\{[A-Za-z]+\}/g, () => ids[n++] ?? '1');
    const search =
      query === undefined
        ? ''
        : `?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString()}`;
    return { method: route.method, path: `${path}${search}`, body, user };
  });

/** Sends `request` signed by `user` over a fresh connection (a GET may carry a body here); its status and body. */
function send(sandbox: Sandbox, user: SandboxToken, request: FuzzRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: sandbox.port,
        method: request.method,
        path: request.path,
        headers: {
          'X-Quoine-API-Version': '2',
          'Content-Type': 'application/json',
          'X-Quoine-Auth': sign(user, request.path),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/** Orders and trades the fuzz then edits, cancels and closes, and keeps the engine busy. */
const placements = fc.array(
  nearValidOrder.map((order) => JSON.stringify({ order })),
  { minLength: 20, maxLength: 20 },
);

describe('sandbox under random requests from signed-in users (fuzz)', function () {
  this.timeout(120_000);
  let sandbox: Sandbox;
  let users: SandboxToken[];

  before(async () => {
    sandbox = await startTestSandbox({ market: true, rateLimit: false });
    users = [
      sandbox.createToken({ JPY: '100000000', USD: '100000', BTC: '100', ETH: '1000' }),
      sandbox.createToken({ JPY: '5000', BTC: '0.5' }),
    ];
  });
  after(async () => sandbox.close());

  it('answers every request with a 2xx or a 4xx, keeps serving, and keeps the ledger whole (property)', async () => {
    const totals = (): Record<string, string> =>
      Object.fromEntries(Object.entries(sandbox.exchange.totals()).map(([c, t]) => [c, t.toFixed()]));
    const before = totals();
    const statuses = new Map<number, number>();
    let placed = 0;
    await fc.assert(
      fc.asyncProperty(placements, fc.array(anyRequest, { minLength: 40, maxLength: 40 }), async (orders, requests) => {
        const all = [
          ...orders.map((body): FuzzRequest => ({ method: 'POST', path: '/orders', body, user: 0 })),
          ...requests,
        ];
        for (const r of all) {
          const { status, body } = await send(sandbox, users[r.user] as SandboxToken, r);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 200 && r.method === 'POST' && r.path === '/orders') placed++;
          expect(status, `${r.method} ${r.path} ${r.body ?? ''} → ${body.slice(0, 500)}`).to.be.within(200, 499);
        }
      }),
      runs(40),
    );
    const products = { method: 'GET', path: '/products', body: undefined, user: 0 };
    expect((await send(sandbox, users[0] as SandboxToken, products)).status).to.equal(200);
    expect(totals()).to.deep.equal(before);
    // The fuzz reached the engine (a quarter to a third of the 800 placements are accepted) and
    // its validation.
    expect(placed, JSON.stringify([...statuses])).to.be.above(150);
    expect((statuses.get(422) ?? 0) + (statuses.get(400) ?? 0)).to.be.above(100);
  });
});
