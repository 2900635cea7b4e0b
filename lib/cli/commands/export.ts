import { Argument, Command, Option } from 'commander';
import { QuoineRequestError } from '../../core/errors.js';
import { withClient, withClientOptions } from '../context.js';
import { EXPORT_KINDS, type ExportKind } from '../export/columns.js';
import type { ExportOptions } from '../export/run.js';

/** Parses `--since` (a date, a date-time, or Unix seconds). */
function parseSince(value: string): Date {
  const date = /^\d+$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new QuoineRequestError(
      `--since must be a date such as 2026-11-01 or Unix seconds, got ${JSON.stringify(value)}`,
      'since',
    );
  return date;
}

/**
 * `quoine export <kind> --out FILE`: exact decimals to CSV or JSON Lines, with a progress bar,
 * resumable: the same command run again adds every row the file does not hold yet (after Ctrl-C,
 * a kill, or new activity), writing no row twice.
 */
export function exportCommand(): Command {
  return withClientOptions(new Command('export'))
    .description('export executions, orders, trades or balance history to .csv or .jsonl (resumable)')
    .addArgument(new Argument('<kind>', 'what to export').choices(EXPORT_KINDS))
    .requiredOption('--out <file>', 'FILE.csv or FILE.jsonl; an existing file is continued')
    .option('--product <product>', 'product id or pair code (required for executions)')
    .option('--currency <currency>', 'currency (balance-history)')
    .addOption(new Option('--since <date>', 'from this time (date, date-time or Unix seconds)').argParser(parseSince))
    .option('--progress', 'draw the progress bar on stderr even when it is not a terminal')
    .action(async (kind: ExportKind, options: ExportOptions, command: Command) => {
      let interrupted = false;
      const onSignal = (): void => {
        interrupted = true;
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        // The export machinery (CSV, the walks, the client behind them) loads only when the command runs.
        const { runExport } = await import('../export/run.js');
        await withClient(command, async (client, g) => {
          // @types/node declares isTTY boolean, but it is undefined when stderr is not a terminal
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- isTTY may be undefined at run time
          const showProgress = options.progress === true || (Boolean(process.stderr.isTTY) && !g.json);
          const written = await runExport(
            client,
            kind,
            options,
            () => interrupted,
            showProgress ? process.stderr : undefined,
          );
          if (interrupted) {
            process.stderr.write(`interrupted after ${written} new rows; run the same command again to continue\n`);
            process.exitCode = 130;
          } else if (g.json) console.log(JSON.stringify({ kind, out: options.out, rows: written }));
          else process.stderr.write(`${written} new rows written to ${options.out}\n`);
        });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
