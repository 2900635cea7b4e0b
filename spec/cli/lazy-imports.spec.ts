/**
 * `quoine --help` (and every command before it runs) loads only the command declarations: the SDK
 * client, the realtime client, the sandbox and the heavy packages are imported by a command's
 * action when it runs (issue 14). Checked on the source: the modules reachable from
 * lib/cli/main.ts through static imports (`import type` is erased; anything else loads).
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** Every module (lib-relative .ts path, or package name) that loading `entry` loads. */
function staticallyLoaded(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    const name = relative(root, file);
    if (seen.has(name)) return;
    seen.add(name);
    for (const [, target] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      if (target === undefined) continue;
      if (target.startsWith('.')) visit(join(dirname(file), target.replace(/\.js$/, '.ts')));
      else seen.add(target.startsWith('node:') ? target : (/^(@[^/]+\/)?[^/]+/.exec(target)?.[0] ?? target));
    }
  };
  visit(join(root, entry));
  return seen;
}

describe('quoine: what a command loads before it runs', () => {
  const loaded = staticallyLoaded('lib/cli/main.ts');

  it('finds the command declarations (the walk works)', () => {
    expect([...loaded]).to.include.members([
      'lib/cli/commands/products.ts',
      'lib/cli/commands/sandbox.ts',
      'commander',
    ]);
  });

  it('loads no SDK client, realtime client, sandbox (but its profile names) or entity', () => {
    const heavy = [...loaded].filter(
      (m) =>
        m === 'lib/client.ts' ||
        m.startsWith('lib/realtime/') ||
        m.startsWith('lib/resources/') ||
        m.startsWith('lib/entities/') ||
        (m.startsWith('lib/sandbox/') && m !== 'lib/sandbox/profile.ts'),
    );
    expect(heavy).to.deep.equal([]);
  });

  it('loads none of the packages a command needs only when it runs', () => {
    const packages = [
      'got',
      'ws',
      'decimal.js',
      'class-transformer',
      'reflect-metadata',
      'cli-table3',
      'csv-parse',
      'csv-stringify',
      'jsonwebtoken',
    ];
    expect([...loaded].filter((m) => packages.includes(m))).to.deep.equal([]);
  });
});
