#!/usr/bin/env node
// The `quoine` command. Works as the package's bin (dist/cli/main.js) and through
// `node --import tsx lib/cli/main.ts` (the `sandbox` npm script). No top-level await.
import { Command } from 'commander';
import { sandboxCommand } from './commands/sandbox.js';

const program = new Command('quoine')
  .description('Tools for the Quoine / Liquid exchange API v2')
  .addCommand(sandboxCommand());

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`quoine: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
