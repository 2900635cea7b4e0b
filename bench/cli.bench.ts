/**
 * (g) The `quoine` command as a whole process, compiled (as users run it from the package's bin):
 * `quoine --help`, and `quoine balances` without credentials (the SDK client loads, and refuses
 * the private call before any request), vs a baseline in the same run: `node -e 0`, what any
 * Node process costs before it loads anything.
 *
 * Each round runs every case once, in turn, so a load change on the machine touches all of them
 * alike; a case's figure is the median of its rounds (a process start is a long-tailed time).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BUILD, compileBench } from './support-child.js';
import { median, ratios, type Measurement, type Row } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = 20;
// No QUOINE_* variable: the commands see no credentials and no base URL.
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('QUOINE_')));
const WARM_UP = 3;

/** Runs `node <args>` to its end; throws if it exits other than `status`. */
function runNode(args: readonly string[], status: number): void {
  const child = spawnSync(process.execPath, args, { cwd: ROOT, env: ENV, stdio: 'ignore' });
  if (child.status !== status) throw new Error(`node ${args.join(' ')} exited ${String(child.status)}, not ${status}`);
}

/** Runs the case. */
export async function run(): Promise<Row[]> {
  compileBench();
  const main = `${BUILD}/lib/cli/main.js`;
  const cases: ReadonlyArray<{ name: string; args: readonly string[]; status: number }> = [
    { name: 'node -e 0 (baseline)', args: ['-e', '0'], status: 0 },
    { name: 'quoine --help', args: [main, '--help'], status: 0 },
    { name: 'quoine balances, no credentials', args: [main, 'balances'], status: 1 },
  ];
  const times = cases.map((): number[] => []);
  for (let round = 0; round < WARM_UP + ROUNDS; round++) {
    cases.forEach((c, i) => {
      const start = performance.now();
      runNode(c.args, c.status);
      if (round >= WARM_UP) times[i]?.push(performance.now() - start);
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
  const measured: Measurement[] = cases.map((c, i) => ({ name: c.name, ms: median(times[i] ?? []) }));
  return ratios('cli, whole process', measured, {
    'quoine --help': 'target ≤ 2×',
    'quoine balances, no credentials': 'loads the SDK client (not the sandbox), sends nothing',
  });
}
