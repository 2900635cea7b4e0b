/** `npm start`'s tour: every step runs against an in-process sandbox and the command exits 0. */
import { expect } from 'chai';
import { runCli } from './run-cli.js';

describe('quoine demo (the tour npm start runs)', function () {
  this.timeout(90_000);

  it('walks every step, shows the SDK line of each, and exits 0', async () => {
    const result = await runCli(['demo', '--seconds', '3']);
    expect(result.code, result.stderr).to.equal(0);
    const out = result.stdout;
    expect(out).to.match(/^Sandbox listening on http:\/\/127\.0\.0\.1:\d+/);
    for (const title of [
      '1. Products',
      '2. The top of the BTCJPY order book',
      '3. A limit order placed, edited and cancelled',
      '4. A market order, its fee',
      '5. Every order, every page',
      '6. Live trades and a live order book',
    ]) {
      expect(out).to.include(title);
    }
    expect(out).to.include('› const products = await client.products.list();');
    const spent = /JPY spent = Σ price × quantity \+ fee = (\d+(?:\.\d+)?): exactly the JPY balance change/.exec(
      out,
    )?.[1];
    const change = /\n\s*JPY\s+\S+\s+\S+\s+-(\S+)/.exec(out)?.[1];
    expect(spent).to.be.a('string');
    expect(change, 'the JPY balance change equals what the fills and the fee cost').to.equal(spent);
    expect(out).to.match(/trade \d+: (buy|sell) [\d.]+ BTC at \d+/);
    expect(out).to.include('Done.');
    expect(result.stderr).to.equal('');
    expect(out, 'no ANSI escape when stdout is not a terminal').not.to.match(/\u001b/);
  });
});
