// Issue 11: in the quoine profile, crypto accounts and trading accounts have the fields and JSON
// types of the 2017 developers.quoine.com examples (quoine-api.md §7.4, §7.6, via python-quoine's
// docstrings): `minimum_withdraw` (0.02) and the list's `base_open_price` (0) are numbers beside
// string balances; the summaries' `base_open_price` stays a string.
import { expect } from 'chai';
import type { Got } from 'got';
import type { Sandbox } from '../../../lib/sandbox/index.js';
import { call, httpClient, jsonType, lossless, startTestSandbox, type Credentials } from './helpers.js';

type Row = Record<string, unknown>;

const CRYPTO_ACCOUNT_2017: Readonly<Record<string, string>> = {
  id: 'number',
  balance: 'string',
  address: 'string',
  currency: 'string',
  currency_symbol: 'string',
  pusher_channel: 'string',
  minimum_withdraw: 'number',
  lowest_offer_interest_rate: 'string|null',
  highest_offer_interest_rate: 'string|null',
  currency_type: 'string',
};
const TRADING_ACCOUNT_2017: Readonly<Record<string, string>> = {
  id: 'number',
  leverage_level: 'number',
  max_leverage_level: 'number',
  pnl: 'string',
  equity: 'string',
  margin: 'string',
  free_margin: 'string',
  trader_id: 'number',
  status: 'string',
  product_code: 'string',
  currency_pair_code: 'string',
  position: 'string',
  balance: 'string',
  created_at: 'number',
  updated_at: 'number',
  pusher_channel: 'string',
  margin_percent: 'string',
  product_id: 'number',
  funding_currency: 'string',
};
const TRADING_ACCOUNT_LIST_2017 = {
  ...TRADING_ACCOUNT_2017,
  base_open_price: 'number',
  long_summary: 'object',
  short_summary: 'object',
};
const SUMMARY_2017 = { pnl: 'string', position: 'string', base_open_price: 'string' };

/** Each key of the row with its JSON type, checked against `expected` (`a|b` allows either). */
function expectTypes(row: Row, expected: Readonly<Record<string, string>>, what: string): void {
  expect(Object.keys(row).sort(), what).to.deep.equal(Object.keys(expected).sort());
  for (const [key, types] of Object.entries(expected))
    expect(types.split('|'), `${what}.${key}`).to.include(jsonType(row[key]));
}

describe('sandbox server: quoine-profile account types of the 2017 docs (issue 11)', () => {
  let sandbox: Sandbox;
  let client: Got;
  let trader: Credentials;
  before(async () => {
    sandbox = await startTestSandbox({ profile: 'quoine', rateLimit: false });
    client = httpClient(sandbox);
    trader = sandbox.createToken({ USD: '10000', BTC: '1' });
  });
  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when before() failed
    await sandbox?.close();
  });
  const get = async (path: string): Promise<unknown> => {
    const response = await call(client, 'GET', path, { credentials: trader });
    expect(response.statusCode, response.body).to.equal(200);
    return lossless(response.body);
  };

  it("GET /crypto_accounts: minimum_withdraw a number, balance a string, the example's field set", async () => {
    const rows = (await get('/crypto_accounts')) as Row[];
    expect(rows.length).to.be.greaterThan(0);
    for (const row of rows) expectTypes(row, CRYPTO_ACCOUNT_2017, `crypto account ${String(row['currency'])}`);
  });

  it('GET /trading_accounts: base_open_price a number, summaries strings; GET /trading_accounts/{id} without them', async () => {
    const rows = (await get('/trading_accounts')) as Row[];
    expect(rows.length).to.be.greaterThan(0);
    for (const row of rows) {
      expectTypes(row, TRADING_ACCOUNT_LIST_2017, 'trading account row');
      expectTypes(row['long_summary'] as Row, SUMMARY_2017, 'long_summary');
      expectTypes(row['short_summary'] as Row, SUMMARY_2017, 'short_summary');
    }
    const one = (await get(`/trading_accounts/${String(rows[0]?.['id'])}`)) as Row;
    expectTypes(one, TRADING_ACCOUNT_2017, 'trading account');
  });
});
