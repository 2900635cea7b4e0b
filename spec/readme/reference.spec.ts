/**
 * The README's reference parts hold exactly what the code has: the API table lists every
 * namespace and method of the client (no more, no fewer), the error tree is the exported class
 * hierarchy with the statuses that make each class, the configuration table lists every option,
 * the `quoine sandbox` table every flag, and the realtime helpers exist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import ts from 'typescript';
import * as quoine from '../../lib/index.js';
import { ApiResource } from '../../lib/core/resource.js';
import { DEMO_BALANCES } from '../../lib/sandbox/index.js';
import { balancesCommand } from '../../lib/cli/commands/balances.js';
import { bookCommand } from '../../lib/cli/commands/book.js';
import { demoCommand } from '../../lib/cli/commands/demo.js';
import { exportCommand } from '../../lib/cli/commands/export.js';
import { cancelCommand, orderCommand } from '../../lib/cli/commands/order.js';
import { ordersCommand } from '../../lib/cli/commands/orders.js';
import { productsCommand } from '../../lib/cli/commands/products.js';
import { sandboxCommand } from '../../lib/cli/commands/sandbox.js';
import { tradesCommand } from '../../lib/cli/commands/trades.js';
import { codeBlocks } from './code-blocks.js';
import { codeSpans, section, tableRows } from './markdown.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(`${ROOT}README.md`, 'utf8');

describe('README reference parts', () => {
  it('the API table lists every namespace of the client and exactly its methods', () => {
    const documented = new Map<string, string[]>();
    for (const [namespaces, methods] of tableRows(section(README, 'The API'), 'namespace')) {
      const names = codeSpans(methods ?? '').map((span) => /^[A-Za-z]+(\.[A-Za-z]+)*/.exec(span)?.[0] ?? span);
      for (const ns of codeSpans(namespaces ?? '')) documented.set(ns.replace(/^client\./, ''), names.sort());
    }
    const client = new quoine.Quoine();
    const actual = new Map(
      Object.entries(client).flatMap(([name, value]) =>
        value instanceof ApiResource ? [[name, methodsOf(value).sort()] as const] : [],
      ),
    );
    expect([...documented.keys()].sort(), 'namespaces').to.deep.equal([...actual.keys()].sort());
    for (const [ns, methods] of actual) expect(documented.get(ns), `client.${ns}`).to.deep.equal(methods);
  });

  it('the error tree is the exported hierarchy, every QuoineError class is in it, and each status makes its class', () => {
    const tree = codeBlocks(section(README, 'Errors')).find((block) => block.code.startsWith('QuoineError'));
    if (tree === undefined) throw new Error('README.md has no error tree under "Errors"');
    const exported = quoine as unknown as Record<string, unknown>;
    const parents: string[] = [];
    const listed: string[] = [];
    for (const line of tree.code.split('\n')) {
      const match = /^([│├└─ ]*)([A-Za-z]+)(?:\s+\((\d{3}|5xx)\))?/.exec(line);
      if (match === null) throw new Error(`cannot read the error tree line "${line}"`);
      const [, prefix = '', name = '', status] = match;
      const depth = prefix.length / 4;
      parents.length = depth;
      const cls = exported[name];
      expect(cls, `${name} is exported by quoine`).to.be.a('function');
      const parent = depth === 0 ? Error : exported[parents[depth - 1] ?? ''];
      expect(Object.getPrototypeOf(cls), `${name} extends ${depth === 0 ? 'Error' : parents[depth - 1]}`).to.equal(
        parent,
      );
      if (status !== undefined) {
        const code = status === '5xx' ? 503 : Number(status);
        const error = quoine.errorFromResponse({
          status: code,
          method: 'GET',
          path: '/x',
          headers: {},
          messages: [],
          errors: {},
        });
        expect(error.constructor, `status ${status}`).to.equal(cls);
      }
      parents.push(name);
      listed.push(name);
    }
    const all = Object.entries(exported).filter(
      ([, value]) => typeof value === 'function' && value.prototype instanceof quoine.QuoineError,
    );
    expect(listed.sort()).to.deep.equal(['QuoineError', ...all.map(([name]) => name)].sort());
  });

  it('the configuration table lists every option of QuoineOptions', () => {
    const documented = tableRows(section(README, 'Configuration'), 'option').flatMap(([options]) =>
      codeSpans(options ?? ''),
    );
    expect(documented.sort()).to.deep.equal(interfaceMembers(`${ROOT}lib/client.ts`, 'QuoineOptions').sort());
  });

  it('every method of every namespace takes per-call options { timeout, maxRetries, maxResponseBytes, signal } as its last argument', () => {
    expect(interfaceMembers(`${ROOT}lib/core/call-options.ts`, 'CallOptions').sort()).to.deep.equal([
      'maxResponseBytes',
      'maxRetries',
      'signal',
      'timeout',
    ]);
    const sentence =
      /Every method also takes per-call options as its last argument: `\{ timeout, maxRetries, maxResponseBytes, signal \}`/;
    expect(section(README, 'Configuration')).to.match(sentence);
    const without: string[] = [];
    let checked = 0;
    for (const file of readdirSync(`${ROOT}lib/resources`)) {
      const path = `${ROOT}lib/resources/${file}`;
      const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
      for (const statement of source.statements) {
        if (!ts.isClassDeclaration(statement)) continue;
        for (const member of statement.members) {
          if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
          if (
            member.modifiers?.some(
              (m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword,
            )
          )
            continue;
          checked += 1;
          const last = member.parameters.at(-1);
          if (last?.type?.getText(source) !== 'CallOptions' || last.questionToken === undefined)
            without.push(`${statement.name?.text}.${member.name.text}`);
        }
      }
    }
    expect(checked, 'methods checked').to.be.greaterThan(50);
    expect(without, 'methods whose last parameter is not `options?: CallOptions`').to.deep.equal([]);
  });

  it('every entity field is the camelCase of its wire name, as it says', () => {
    const camel = (wire: string): string => wire.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    const fields: Array<[string, string]> = [];
    for (const dir of ['lib/entities', 'lib/realtime']) {
      for (const file of readdirSync(`${ROOT}${dir}`).filter((f) => f.endsWith('.ts'))) {
        const source = ts.createSourceFile(file, readFileSync(`${ROOT}${dir}/${file}`, 'utf8'), ts.ScriptTarget.Latest);
        const visit = (node: ts.Node): void => {
          if (ts.isPropertyDeclaration(node) && ts.isIdentifier(node.name)) {
            for (const decorator of ts.getDecorators(node) ?? []) {
              const call = decorator.expression;
              const wire =
                ts.isCallExpression(call) && call.expression.getText(source).endsWith('Field')
                  ? call.arguments[0]
                  : undefined;
              if (wire !== undefined && ts.isStringLiteral(wire)) fields.push([wire.text, node.name.text]);
            }
          }
          ts.forEachChild(node, visit);
        };
        visit(source);
      }
    }
    expect(fields.length, 'decorated entity fields').to.be.greaterThan(200);
    expect(fields.filter(([wire, name]) => camel(wire) !== name)).to.deep.equal([]);
  });

  it('the realtime helpers it names exist', () => {
    const helpers = /Helpers: ([^.]*)\./.exec(section(README, 'Realtime'))?.[1];
    expect(helpers, 'the "Helpers:" line').to.be.a('string');
    for (const name of codeSpans(helpers ?? ''))
      expect(quoine.QuoineRealtime.prototype, name).to.have.property(name).that.is.a('function');
  });

  it('the `quoine sandbox` table lists exactly the flags of the command', () => {
    const documented = tableRows(section(README, 'The sandbox'), 'option').flatMap(([flags]) =>
      codeSpans(flags ?? '').flatMap((span) => span.match(/--[a-z-]+/g) ?? []),
    );
    const help = commandHelps().get('sandbox') ?? '';
    const actual = [...new Set(help.match(/--[a-z-]+/g) ?? [])].filter((flag) => flag !== '--help');
    expect(documented.sort()).to.deep.equal(actual.sort());
  });

  it('the sandbox banner it shows funds the demo user in the currencies the sandbox does', () => {
    const funded = /^# Demo user … is funded in (.*)$/m.exec(section(README, 'The sandbox'))?.[1];
    expect(funded?.split(', ')).to.deep.equal(Object.keys(DEMO_BALANCES));
  });

  it('every `quoine` command line it shows exists, with every flag it mentions', () => {
    const text = section(README, 'The `quoine` command');
    const block = codeBlocks(text).find((b) => b.lang === 'sh');
    if (block === undefined) throw new Error('no command block under "The `quoine` command"');
    const lines = block.code.split('\n').filter((line) => line.startsWith('quoine '));
    expect(lines.length, 'command lines').to.be.greaterThan(5);
    const commandOf = (line: string): string => line.split(/\s+/)[1] ?? '';
    const commands = [...new Set(lines.map(commandOf))];
    const helps = commandHelps();
    for (const command of commands) expect(helps.has(command), `quoine ${command} exists`).to.equal(true);
    // Flags the text says the commands that talk to an exchange all take (not sandbox and demo, which start their own).
    const prose = text.slice(text.indexOf(block.code) + block.code.length);
    const common = [
      ...(prose.match(/--[a-z-]+/g) ?? []),
      ...(/^export .*#(.*)$/m.exec(block.code)?.[1]?.match(/--[a-z-]+/g) ?? []),
    ];
    expect(common, 'flags every exchange command takes').to.include.members([
      '--base-url',
      '--preset',
      '--debug',
      '--token-id',
      '--secret',
    ]);
    for (const line of lines) {
      const command = commandOf(line);
      const flags = [...(line.match(/--[a-z-]+/g) ?? []), ...(['demo', 'sandbox'].includes(command) ? [] : common)];
      for (const flag of flags)
        expect(helps.get(command), `quoine ${command} ${flag}`).to.match(new RegExp(`${flag}\\b`));
    }
  });
});

/** `--help` of each `quoine` command (the commands lib/cli/main.ts adds), by name, built in-process. */
function commandHelps(): Map<string, string> {
  const commands = [
    sandboxCommand,
    demoCommand,
    productsCommand,
    bookCommand,
    ordersCommand,
    balancesCommand,
    tradesCommand,
    orderCommand,
    cancelCommand,
    exportCommand,
  ];
  return new Map(commands.map((make) => make()).map((command) => [command.name(), command.helpInformation()]));
}

/** Public method names of a namespace, with those of its sub-namespaces as `sub.method`. */
function methodsOf(resource: ApiResource): string[] {
  const own = Object.getOwnPropertyNames(Object.getPrototypeOf(resource)).filter(
    (name) => name !== 'constructor' && typeof (resource as unknown as Record<string, unknown>)[name] === 'function',
  );
  const nested = Object.entries(resource).flatMap(([name, value]) =>
    value instanceof ApiResource ? methodsOf(value).map((m) => `${name}.${m}`) : [],
  );
  return [...own, ...nested];
}

/** The member names of an interface declared in a source file. */
function interfaceMembers(file: string, name: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const declaration = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  );
  if (declaration === undefined) throw new Error(`${file} declares no ${name}`);
  return declaration.members.flatMap((member) =>
    member.name !== undefined && ts.isIdentifier(member.name) ? [member.name.text] : [],
  );
}
