/**
 * `npm run bench`: every benchmark, printed as ratios against baselines measured in the same
 * run. Absolute times depend on the machine; the ratios are what to compare.
 */
import 'reflect-metadata';
import { printMarkdown, printTable, type Row } from './measure.js';
import * as call from './call.bench.js';
import * as cli from './cli.bench.js';
import * as ccxt from './ccxt.bench.js';
import * as coordination from './coordination.bench.js';
import * as exportSuite from './export.bench.js';
import * as matching from './matching.bench.js';
import * as memory from './memory.bench.js';
import * as placement from './placement.bench.js';
import * as parse from './parse.bench.js';
import * as realtime from './realtime.bench.js';
import * as sandbox from './sandbox.bench.js';

const suites: ReadonlyArray<{ name: string; run: () => Promise<Row[]> }> = [
  { name: 'parse', run: parse.run },
  { name: 'call', run: call.run },
  { name: 'realtime', run: realtime.run },
  { name: 'matching', run: matching.run },
  { name: 'placement', run: placement.run },
  { name: 'ccxt', run: ccxt.run },
  { name: 'export', run: exportSuite.run },
  { name: 'coordination', run: coordination.run },
  { name: 'memory', run: memory.run },
  { name: 'sandbox', run: sandbox.run },
  { name: 'cli', run: cli.run },
];

const args = process.argv.slice(2);
const markdown = args.includes('--markdown');
const only = args.filter((a) => a !== '--markdown');
const unknown = only.filter((name) => !suites.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`unknown suite: ${unknown.join(', ')}; the suites are ${suites.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const rows: Row[] = [];
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  console.error(`running ${suite.name}…`);
  rows.push(...(await suite.run()));
}
console.log(`Node ${process.version}, ${new Date().toISOString()}`);
if (markdown) printMarkdown(rows);
else printTable(rows);
