/**
 * A throw-away project of a user who ran `npm install quoine` (plus whatever else the examples
 * import): a temporary directory with `"type": "module"`, a tsconfig, and a `node_modules` whose
 * `quoine` is this repository. So `import … from 'quoine'` and `'quoine/sandbox'` resolve through
 * the package's `exports` to the built `dist/`, exactly as for a user, for both the type checker
 * and Node; other packages are linked from this repository's install.
 */
import { builtinModules } from 'node:module';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary consumer project; `remove()` deletes it. */
export interface ConsumerProject {
  /** Its directory. */
  readonly dir: string;
  /** Writes a file into the project and returns its absolute path. */
  write(name: string, text: string): Promise<string>;
  /** Deletes the project directory. */
  remove(): Promise<void>;
}

/** What the README's reader installs next to quoine: tsx and mocha to run examples, Node's and mocha's types. */
const TOOL_PACKAGES = ['tsx', 'mocha', '@types/node', '@types/mocha'];

/**
 * Creates the project. `imports` are the module specifiers the examples import; each bare one
 * other than `quoine` must be installed in `root`, else the example could not run for a user
 * following the README either.
 */
export async function createConsumerProject(
  root: string,
  imports: Iterable<string>,
  compilerOptions: object,
): Promise<ConsumerProject> {
  const dir = await mkdtemp(join(tmpdir(), 'quoine-readme-'));
  try {
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'readme-examples', private: true, type: 'module' }, null, 2),
    );
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions }, null, 2));
    const links = new Map<string, string>([['quoine', root]]);
    for (const name of TOOL_PACKAGES) links.set(name, installed(root, name));
    for (const specifier of imports) {
      const name = packageName(specifier);
      if (name === undefined || links.has(name)) continue;
      links.set(name, installed(root, name));
      const types = `@types/${name.replace(/^@/, '').replace('/', '__')}`;
      if (existsSync(join(root, 'node_modules', types))) links.set(types, join(root, 'node_modules', types));
    }
    for (const [name, target] of links) {
      const at = join(dir, 'node_modules', name);
      await mkdir(dirname(at), { recursive: true });
      await symlink(target, at, 'dir');
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    dir,
    write: async (name, text) => {
      const file = join(dir, name);
      await writeFile(file, text);
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The package a bare specifier names (`chai`, `@scope/x` from `@scope/x/sub`); undefined for relative paths and Node built-ins. */
export function packageName(specifier: string): string | undefined {
  if (
    specifier.startsWith('.') ||
    specifier.startsWith('/') ||
    specifier.startsWith('node:') ||
    specifier.startsWith('file:')
  )
    return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
  return builtinModules.includes(name) ? undefined : name;
}

function installed(root: string, name: string): string {
  const path = join(root, 'node_modules', name);
  if (!existsSync(path)) throw new Error(`a README example imports ${name}, which is not installed in this repository`);
  return path;
}
