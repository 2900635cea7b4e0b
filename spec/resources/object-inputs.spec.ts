/**
 * Every method that takes an object (filters, parameters, changes) refuses one that is not an
 * object with the typed error of bad input, naming the parameter, before anything is sent: `null`
 * used to fail with a plain TypeError (`Cannot read properties of null`), and a list's filters
 * that are not an object must not be read as "no filters".
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { Quoine } from '../../lib/client.js';
import { QuoineRequestError } from '../../lib/core/errors.js';
import { rejection } from '../helpers/rejection.js';

// Port 9 (discard) on loopback: a request that slipped through would fail as a connection error instead.
const client = new Quoine({
  baseUrl: 'http://127.0.0.1:9',
  tokenId: '1',
  secret: 'secret-of-some-length',
  rateLimit: false,
  maxRetries: 0,
});

/** `Class.method` → a call with `v` in the object's place, and the `field` the error must name. */
const CALLS: Record<string, readonly [(v: never) => unknown, string]> = {
  'Products.list': [(v) => client.products.list(v), 'query'],
  'Products.orderBook': [(v) => client.products.orderBook(5, v), 'query'],
  'Products.ohlc': [(v) => client.products.ohlc(5, v), 'query'],
  'Products.fundingRateHistory': [(v) => client.products.fundingRateHistory(604, v), 'query'],
  'Executions.list': [(v) => client.executions.list(v), 'filters'],
  'Executions.mine': [(v) => client.executions.mine(v), 'filters'],
  'Executions.since': [(v) => client.executions.since(v), 'query'],
  'Executions.all': [(v) => client.executions.all(v).next(), 'query'],
  'Fees.list': [(v) => client.fees.list(v), 'query'],
  'Fees.rules': [(v) => client.fees.rules(v), 'query'],
  'Fees.estimate': [(v) => client.fees.estimate(v), 'params'],
  'Orders.create': [(v) => client.orders.create(v), 'params'],
  'Orders.createMargin': [(v) => client.orders.createMargin(v), 'params'],
  'Orders.limitBuy': [(v) => client.orders.limitBuy(5, '0.01', '500000', v), 'extra'],
  'Orders.limitSell': [(v) => client.orders.limitSell(5, '0.01', '500000', v), 'extra'],
  'Orders.marketBuy': [(v) => client.orders.marketBuy(5, '0.01', v), 'extra'],
  'Orders.marketSell': [(v) => client.orders.marketSell(5, '0.01', v), 'extra'],
  'Orders.list': [(v) => client.orders.list(v), 'filters'],
  'Orders.update': [(v) => client.orders.update(1, v), 'changes'],
  'Orders.updateByClientId': [(v) => client.orders.updateByClientId('bot-1', v), 'changes'],
  'Orders.cancelAll': [(v) => client.orders.cancelAll(v), 'filters'],
  'Orders.executions': [(v) => client.orders.executions(1, v), 'filters'],
  'Loans.list': [(v) => client.loans.list(v), 'filters'],
  'Loans.update': [(v) => client.loans.update(1, v), 'changes'],
  'LoanBids.create': [(v) => client.loans.bids.create(v), 'params'],
  'LoanBids.list': [(v) => client.loans.bids.list(v), 'filters'],
  'Trades.list': [(v) => client.trades.list(v), 'filters'],
  'Trades.close': [(v) => client.trades.close(1, v), 'params'],
  'Trades.closeAll': [(v) => client.trades.closeAll(v), 'params'],
  'Trades.update': [(v) => client.trades.update(1, v), 'changes'],
  'Trades.adjustMargin': [(v) => client.trades.adjustMargin(1, v), 'params'],
  'CryptoWithdrawals.list': [(v) => client.cryptoWithdrawals.list(v), 'filters'],
  'CryptoWithdrawals.create': [(v) => client.cryptoWithdrawals.create(v), 'params'],
  'CryptoWithdrawals.addresses': [(v) => client.cryptoWithdrawals.addresses(v), 'filters'],
  'Withdrawals.list': [(v) => client.withdrawals.list(v), 'filters'],
  'Withdrawals.create': [(v) => client.withdrawals.create(v), 'params'],
  'Transactions.list': [(v) => client.transactions.list(v), 'filters'],
  'BalanceHistory.list': [(v) => client.balanceHistory.list(v), 'filters'],
};

const RESOURCES = fileURLToPath(new URL('../../lib/resources/', import.meta.url));

/** Types a parameter may have without being an object of named options. */
const SCALAR = /^(string|number|boolean|number \| string|string \| number|DecimalInput|CallOptions)$/;

/** `Class.method` of every public resource method with a parameter of an object type (read from the source). */
function methodsTakingObjects(): string[] {
  const found: string[] = [];
  for (const file of readdirSync(RESOURCES)) {
    const source = ts.createSourceFile(file, readFileSync(RESOURCES + file, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || statement.name === undefined) continue;
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        if (member.modifiers?.some((m) => m.kind === ts.SyntaxKind.ProtectedKeyword)) continue;
        const types = member.parameters.map((p) => p.type?.getText(source) ?? '');
        if (types.some((t) => !SCALAR.test(t))) found.push(`${statement.name.text}.${member.name.text}`);
      }
    }
  }
  return found;
}

describe('object inputs that are not objects', () => {
  after(() => client.close());

  it('the table covers every resource method that takes an object', () => {
    const methods = methodsTakingObjects();
    expect(methods.length, 'methods found').to.be.greaterThan(25);
    expect(Object.keys(CALLS).sort()).to.deep.equal(methods.sort());
  });

  for (const value of [null, 'x', 42, true, ['status']] as const) {
    it(`refuses ${JSON.stringify(value)} with a QuoineRequestError naming the parameter`, async () => {
      const wrong: string[] = [];
      for (const [name, [call, field]] of Object.entries(CALLS)) {
        const error = await rejection(Promise.resolve().then(() => call(value as never)));
        if (!(error instanceof QuoineRequestError) || error.field !== field)
          wrong.push(`${name}: ${error.name} ${(error as Partial<QuoineRequestError>).field} ${error.message}`);
      }
      expect(wrong).to.deep.equal([]);
    });
  }
});
