#!/usr/bin/env node
// The `quoine` command. Works as the package's bin (dist/cli/main.js) and through
// `node --import tsx lib/cli/main.ts` (the `sandbox` npm script). No top-level await.
import { Command } from 'commander';
import { balancesCommand } from './commands/balances.js';
import { bookCommand } from './commands/book.js';
import { demoCommand } from './commands/demo.js';
import { exportCommand } from './commands/export.js';
import { cancelCommand, orderCommand } from './commands/order.js';
import { ordersCommand } from './commands/orders.js';
import { productsCommand } from './commands/products.js';
import { sandboxCommand } from './commands/sandbox.js';
import { tradesCommand } from './commands/trades.js';
import { VERSION } from '../version.js';
import { describeError } from './output.js';
import { handleCrashes } from './crash.js';

// Before anything can fail: a crash prints one scrubbed line, never Node's dump of the error.
handleCrashes(process.argv, process.env);

const program = new Command('quoine')
  .description('Tools for the Quoine / Liquid exchange API v2: the embedded sandbox, market data, your orders, exports')
  .version(VERSION, '-V, --version', 'print the version')
  .showHelpAfterError()
  .addCommand(sandboxCommand())
  .addCommand(demoCommand())
  .addCommand(productsCommand())
  .addCommand(bookCommand())
  .addCommand(ordersCommand())
  .addCommand(balancesCommand())
  .addCommand(tradesCommand())
  .addCommand(orderCommand())
  .addCommand(cancelCommand())
  .addCommand(exportCommand());

// Commander's own errors ("error: missing required argument …") get the same one prefix as ours.
for (const command of [program, ...program.commands]) {
  command.configureOutput({ outputError: (text, write) => write(`quoine: ${text}`) });
}

// One clear line and a non-zero exit; the stack only with --debug; never a secret (errors carry none).
program.parseAsync(process.argv).catch((error: unknown) => {
  const debug = process.argv.includes('--debug');
  process.stderr.write(`${describeError(error, debug)}\n`);
  process.exitCode = 1;
});
