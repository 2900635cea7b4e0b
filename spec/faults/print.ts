/**
 * `npm run faults`: runs the fault matrix against an embedded sandbox and prints what the SDK
 * did in each cell (the table kept in the README).
 */
import 'reflect-metadata';
import { CALLS, FAULTS, runMatrix, type Outcome } from './matrix.js';

function text(o: Outcome): string {
  const processed =
    o.mayHaveBeenProcessed === undefined ? '' : o.mayHaveBeenProcessed ? ', may have been processed' : ', not sent';
  return `${o.result}${processed} (${o.attempts} att., effect ${o.effect})`;
}

process.stderr.write('running the fault matrix…\n');
const results = await runMatrix();
const head = ['fault', ...CALLS.map((c) => c.name)];
const rows = FAULTS.map((f) => [f.name, ...CALLS.map((c) => text(results.get(`${c.name} × ${f.name}`) as Outcome))]);
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
