/**
 * The published tarball carries exactly the fixtures the package reads at run time: the sandbox's
 * first state. The reads are traced from the built package in plain Node (every file it opens under
 * `fixtures/` while a sandbox starts and stops); the tarball's list comes from
 * `npm pack --dry-run --json`. A fixture read but not packed breaks `quoine/sandbox` for users; one
 * packed but never read is dead weight (recorded wire bodies belong to the specs).
 * `npm test` builds `dist/` before running the specs.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Plain-Node script: wraps the public fs readers (and syncs the `node:fs` ESM bindings) before the
 * built sandbox is imported, then starts and closes a sandbox and prints the fixture files it read.
 */
const TRACE = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
const fixtures = resolve(${JSON.stringify(root)}, 'fixtures');
const read = new Set();
const note = (path) => {
  if (typeof path !== 'string' && !(path instanceof URL)) return;
  const file = resolve(path instanceof URL ? fileURLToPath(path) : path);
  if (file.startsWith(fixtures + '/')) read.add(relative(${JSON.stringify(root)}, file));
};
for (const name of ['readFileSync', 'readFile', 'openSync', 'open', 'createReadStream', 'readdirSync', 'readdir']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) { note(path); return original.call(this, path, ...rest); };
}
for (const name of ['readFile', 'open', 'readdir']) {
  const original = fs.promises[name];
  fs.promises[name] = function (path, ...rest) { note(path); return original.call(this, path, ...rest); };
}
syncBuiltinESMExports();
const { startSandbox } = await import('quoine/sandbox');
const sandbox = await startSandbox({ port: 0, market: false, rateLimit: false });
await sandbox.close();
console.log(JSON.stringify([...read].sort()));`;

interface PackEntry {
  readonly path: string;
}

describe('the published tarball', () => {
  before(function () {
    if (!existsSync(`${root}dist/sandbox/index.js`)) {
      throw new Error('dist/ is missing: npm test builds it before running the specs (npm run build)');
    }
  });

  it('carries exactly the fixtures the built package reads at run time', async () => {
    const traced = await run(process.execPath, ['--input-type=module', '-e', TRACE], { cwd: root });
    const used = JSON.parse(traced.stdout) as string[];
    expect(used.length, 'the sandbox reads its first state from fixtures/').to.be.above(0);

    const packed = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
    const [tarball] = JSON.parse(packed.stdout) as Array<{ readonly files: readonly PackEntry[] }>;
    const fixtures = (tarball?.files ?? []).map((f) => f.path).filter((path) => path.startsWith('fixtures/'));
    expect(fixtures.sort()).to.deep.equal(used);
  });
});
