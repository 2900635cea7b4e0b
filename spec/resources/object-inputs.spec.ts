/**
 * Every method that takes an object (filters, parameters, changes) refuses one that is not an
 * object with the typed error of bad input, naming the parameter, before anything is sent: `null`
 * used to fail with a plain TypeError (`Cannot read properties of null`), and a list's filters
 * that are not an object must not be read as "no filters". The methods and their object
 * parameters are read from lib/resources, so a new method is covered without a row here.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { Quoine } from '../../lib/client.js';
import { QuoineRequestError } from '../../lib/core/errors.js';
import { rejection } from '../helpers/rejection.js';

const RESOURCES = fileURLToPath(new URL('../../lib/resources/', import.meta.url));

/** A valid argument for each scalar parameter type (an id, a currency or client order id, money). */
const SCALARS: Readonly<Record<string, unknown>> = {
  'number | string': 5,
  'string | number': 5,
  number: 5,
  string: 'USD',
  boolean: true,
  DecimalInput: '1',
};

/** One object parameter of a public resource method. */
interface ObjectParameter {
  /** `Class.method`. */
  readonly method: string;
  /** The arguments up to this one: valid scalars, `{}` for other objects, `value` in its place. */
  readonly args: (value: unknown) => unknown[];
  /** The field the error must name: the parameter's name, or `filters` for a paged list. */
  readonly field: string;
}

function objectParameters(): ObjectParameter[] {
  const found: ObjectParameter[] = [];
  for (const file of readdirSync(RESOURCES)) {
    const source = ts.createSourceFile(file, readFileSync(RESOURCES + file, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || statement.name === undefined) continue;
      const cls = statement.name.text;
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        if (member.modifiers?.some((m) => m.kind === ts.SyntaxKind.ProtectedKeyword)) continue;
        const method = `${cls}.${member.name.text}`;
        const types = member.parameters.map((p) => p.type?.getText(source) ?? '');
        const paged = member.type?.getText(source).startsWith('PagedCall<') ?? false;
        types.forEach((type, at) => {
          if (type === 'CallOptions' || type in SCALARS) return;
          found.push({
            method,
            args: (value) => types.slice(0, at + 1).map((t, i) => (i === at ? value : t in SCALARS ? SCALARS[t] : {})),
            field: paged ? 'filters' : member.parameters[at]!.name.getText(source),
          });
        });
      }
    }
  }
  return found;
}

type Resource = Record<string, (...args: unknown[]) => unknown>;

/** Each resource of the client (nested namespaces too) by its class name. */
function resourcesByClass(client: Quoine): Map<string, Resource> {
  const byClass = new Map<string, Resource>();
  const walk = (owner: object): void => {
    for (const value of Object.values(owner) as unknown[]) {
      if (typeof value !== 'object' || value === null || !('transport' in value)) continue;
      byClass.set(value.constructor.name, value as Resource);
      walk(value);
    }
  };
  walk(client);
  return byClass;
}

/** The rejection of a call: a paged call is awaited, a walk is stepped once. */
async function refusal(call: () => unknown): Promise<Error> {
  return rejection(
    Promise.resolve().then(() => {
      const result = call();
      return typeof result === 'object' && result !== null && 'next' in result
        ? (result as AsyncGenerator).next()
        : result;
    }),
  );
}

describe('object inputs that are not objects', () => {
  // Port 9 (discard) on loopback: a request that slipped through would fail as a connection error instead.
  const client = new Quoine({
    baseUrl: 'http://127.0.0.1:9',
    tokenId: '1',
    secret: 'secret-of-some-length',
    rateLimit: false,
    maxRetries: 0,
  });
  after(() => client.close());
  const parameters = objectParameters();
  const resources = resourcesByClass(client);

  it('finds the object parameters of the resource methods in the source (the check sees what it guards)', () => {
    expect(parameters.length).to.be.greaterThan(35);
    expect(parameters.map((p) => `${p.method}:${p.field}`)).to.include.members([
      'Orders.list:filters',
      'Orders.create:params',
      'Orders.limitBuy:extra',
      'Orders.cancelAll:filters',
      'Executions.since:query',
      'Trades.update:changes',
      'LoanBids.list:filters',
    ]);
  });

  for (const value of [null, 'x', 42, true, ['status']] as const) {
    it(`refuses ${JSON.stringify(value)} with a QuoineRequestError naming the parameter`, async () => {
      const wrong: string[] = [];
      for (const { method, args, field } of parameters) {
        const [cls, name] = method.split('.') as [string, string];
        const resource = resources.get(cls);
        if (resource === undefined) {
          wrong.push(`${method}: no namespace of the client is a ${cls}`);
          continue;
        }
        const error = await refusal(() => resource[name]!(...args(value)));
        if (!(error instanceof QuoineRequestError) || error.field !== field)
          wrong.push(`${method}: ${error.name} ${(error as Partial<QuoineRequestError>).field} ${error.message}`);
      }
      expect(wrong).to.deep.equal([]);
    });
  }
});
