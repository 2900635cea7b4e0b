import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * The sandbox's layers, each named by its folder (or, for a file directly in lib/sandbox, its file
 * name), and the layers each may import. Arrows run one way, from the composition root down to the
 * exchange: index → start → {server, tap} → {auth, wire, settings} → exchange. A new folder must be
 * placed here before it can be imported from anywhere.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  index: ['start', 'server', 'tap', 'auth', 'settings', 'profile', 'exchange'],
  start: ['server', 'tap', 'auth', 'wire', 'settings', 'profile', 'exchange'],
  server: ['auth', 'wire', 'settings', 'profile', 'exchange'],
  tap: ['auth', 'wire', 'settings', 'profile', 'exchange'],
  auth: ['wire'],
  wire: ['exchange'],
  settings: ['profile'],
  profile: [],
  exchange: [],
};

const SANDBOX = resolve(dirname(fileURLToPath(import.meta.url)), '../../lib/sandbox');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The layer a file of lib/sandbox belongs to, or undefined for a file outside lib/sandbox. */
function layerOf(file: string): string | undefined {
  const rel = relative(SANDBOX, file);
  if (rel.startsWith('..')) return undefined;
  const [first] = rel.split(sep);
  return first!.replace(/\.ts$/, '');
}

/** Every relative import, export-from and dynamic import of a file, resolved to a file path. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((ref) => ref.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name.replace(/\.js$/, '.ts')));
}

interface Arrow {
  readonly from: string;
  readonly to: string;
  readonly file: string;
}

function layerArrows(): Arrow[] {
  const arrows: Arrow[] = [];
  for (const file of sourceFiles(SANDBOX)) {
    const from = layerOf(file)!;
    for (const target of importsOf(file)) {
      const to = layerOf(target);
      if (to !== undefined && to !== from) arrows.push({ from, to, file: relative(SANDBOX, file) });
    }
  }
  return arrows;
}

/** The cycles of a directed graph, each as the list of its nodes (found by depth-first search). */
export function cyclesOf(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (node: string, stack: string[]): void => {
    const at = stack.indexOf(node);
    if (at >= 0) {
      cycles.push([...stack.slice(at), node]);
      return;
    }
    if (done.has(node)) return;
    stack.push(node);
    for (const next of edges.get(node) ?? []) visit(next, stack);
    stack.pop();
    done.add(node);
  };
  for (const node of edges.keys()) visit(node, []);
  return cycles;
}

describe('sandbox layering', () => {
  const arrows = layerArrows();

  it('reads the imports of every file (the check sees the code it guards)', () => {
    expect(sourceFiles(SANDBOX).length).to.be.greaterThan(50);
    expect(arrows.some((a) => a.from === 'start' && a.to === 'tap')).to.equal(true);
    expect(arrows.some((a) => a.from === 'tap' && a.to === 'wire')).to.equal(true);
  });

  it('every file belongs to a named layer', () => {
    const unknown = [...new Set(sourceFiles(SANDBOX).map((f) => layerOf(f)!))].filter((l) => !(l in ALLOWED));
    expect(unknown, 'place new folders in ALLOWED').to.deep.equal([]);
  });

  it('no import runs against the allowed direction', () => {
    const against = arrows
      .filter((a) => !(ALLOWED[a.from] ?? []).includes(a.to))
      .map((a) => `${a.file}: ${a.from} → ${a.to}`);
    expect(against).to.deep.equal([]);
  });

  it('no import cycle between sandbox folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const a of arrows) {
      if (!edges.has(a.from)) edges.set(a.from, new Set());
      edges.get(a.from)!.add(a.to);
    }
    expect(cyclesOf(edges).map((c) => c.join(' → '))).to.deep.equal([]);
  });

  it('the cycle finder finds a cycle (so an empty answer means something)', () => {
    const edges = new Map([
      ['server', new Set(['tap'])],
      ['tap', new Set(['wire', 'server'])],
      ['wire', new Set<string>()],
    ]);
    expect(cyclesOf(edges)).to.deep.equal([['server', 'tap', 'server']]);
  });
});
