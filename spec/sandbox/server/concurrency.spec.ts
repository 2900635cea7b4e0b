import { expect } from 'chai';
import type { Got } from 'got';
import { Decimal, type Sandbox, type SandboxToken } from '../../../lib/sandbox/index.js';
import { call, httpClient, startTestSandbox } from './helpers.js';

describe('sandbox under concurrent requests', () => {
  let sandbox: Sandbox;
  let client: Got;

  before(async () => {
    sandbox = await startTestSandbox({ rateLimit: false });
    client = httpClient(sandbox);
  });

  after(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined when before() failed
    await sandbox?.close();
  });

  /** Per currency: the sum of the given users' balances. */
  function balancesOf(userIds: readonly number[]): Map<string, Decimal> {
    const sums = new Map<string, Decimal>();
    for (const userId of userIds) {
      for (const { currency, balance } of sandbox.exchange.balances(userId)) {
        sums.set(currency, (sums.get(currency) ?? new Decimal(0)).plus(balance));
      }
    }
    return sums;
  }

  function feeAccount(): Map<string, Decimal> {
    return new Map(sandbox.exchange.feeAccountBalances().map(({ currency, balance }) => [currency, balance]));
  }

  it('keeps the ledger exact after ~200 concurrent orders from several tokens: totals change only by fees', async () => {
    const tokens: SandboxToken[] = Array.from({ length: 5 }, () =>
      sandbox.createToken({ JPY: '100000000', BTC: '100', USD: '1000000' }),
    );
    const users = tokens.map((token) => token.userId);
    const totalsBefore = sandbox.exchange.totals();
    const usersBefore = balancesOf(users);
    const feesBefore = feeAccount();

    const last = sandbox.exchange.product(5).lastTradedPrice!;
    const requests = Array.from({ length: 200 }, (_, i) => {
      const token = tokens[i % tokens.length]!;
      const side = i % 2 === 0 ? 'buy' : 'sell';
      const offset = ((i * 37) % 21) - 10; // -10 … +10 ticks of 100 JPY around the last price
      const price = last.plus(offset * 100).toFixed();
      const orderType = i % 10 === 9 ? 'market' : 'limit';
      return call(client, 'POST', '/orders', {
        credentials: token,
        body: {
          order: {
            order_type: orderType,
            product_id: 5,
            side,
            quantity: `0.0${(i % 9) + 1}`,
            price,
            client_order_id: `burst-${i}`,
          },
        },
      });
    });
    const responses = await Promise.all(requests);
    const statuses = responses.map((response) => response.statusCode);
    expect(
      statuses.filter((status) => status !== 200 && status !== 422),
      statuses.join(','),
    ).to.deep.equal([]);
    expect(statuses.filter((status) => status === 200).length).to.be.greaterThan(150);
    expect(sandbox.exchange.executions(5).length, 'the burst traded').to.be.greaterThan(0);

    const totalsAfter = sandbox.exchange.totals();
    for (const [currency, total] of Object.entries(totalsBefore)) {
      expect(totalsAfter[currency]?.toFixed(), currency).to.equal(total.toFixed());
    }
    const usersAfter = balancesOf(users);
    const feesAfter = feeAccount();
    for (const [currency, before] of usersBefore) {
      const usersChange = usersAfter.get(currency)!.minus(before);
      const feeChange = (feesAfter.get(currency) ?? new Decimal(0)).minus(feesBefore.get(currency) ?? new Decimal(0));
      expect(usersChange.plus(feeChange).toFixed(), currency).to.equal('0');
    }
  });
});
