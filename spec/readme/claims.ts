/**
 * What particular README examples claim to compute, checked against the exchange after they ran.
 * Each claim names the line its example prints; the spec fails when no example (or more than one)
 * prints it, so a claim cannot silently stop being checked.
 */
import { Decimal } from 'decimal.js';
import { expect } from 'chai';
import type { Sandbox } from '../../lib/sandbox/index.js';

/** A claim an example's output makes, and how the exchange shows it true. */
export interface Claim {
  /** What is claimed. */
  readonly name: string;
  /** The line the example prints; its first group is the claimed value. */
  readonly printed: RegExp;
  /** Throws unless `value` is what the exchange's state says. */
  verify(sandbox: Sandbox, value: string): void;
}

const BTCJPY = 5;

export const CLAIMS: readonly Claim[] = [
  {
    name: 'the running total is what BTCJPY trading changed the JPY balance by',
    printed: /^BTCJPY trading cost (\S+) JPY, fees included$/m,
    verify(sandbox, value) {
      const me = sandbox.demo.userId;
      const start = new Decimal(sandbox.demoBalances['JPY'] ?? 'NaN');
      const ledgerChange = start.minus(sandbox.exchange.account(me, 'JPY').balance);
      expect(value, 'printed total vs the JPY ledger').to.equal(ledgerChange.toFixed());
      // The history makes the naive total (filled quantity × the order's price) wrong, so this check can fail.
      const naive = sandbox.exchange
        .orders(me, { productId: BTCJPY })
        .reduce(
          (sum, o) => sum.plus(o.filledQuantity.times(o.price).times(o.side === 'buy' ? 1 : -1)).plus(o.orderFee),
          new Decimal(0),
        );
      expect(naive.toFixed(), 'the naive total').not.to.equal(ledgerChange.toFixed());
    },
  },
  {
    name: 'the walk over every page of fills sees every fill once',
    printed: /^net (\S+) BTC bought on BTCJPY$/m,
    verify(sandbox, value) {
      const fills = sandbox.exchange.myExecutions(sandbox.demo.userId, BTCJPY);
      const net = fills.reduce(
        (sum, f) => (f.mySide === 'buy' ? sum.plus(f.quantity) : sum.minus(f.quantity)),
        new Decimal(0),
      );
      expect(fills.length, 'fills in the history').to.be.greaterThan(5);
      expect(value, 'printed net BTC vs the fills the exchange made').to.equal(net.toFixed());
    },
  },
  {
    name: 'the realtime trade printed is one the exchange made',
    printed: /^trade (\S+ @ \S+)$/m,
    verify(sandbox, value) {
      const made = sandbox.exchange.executions(BTCJPY).map((e) => `${e.quantity.toFixed()} @ ${e.price.toFixed()}`);
      expect(made, 'executions the exchange made').to.include(value);
    },
  },
];
