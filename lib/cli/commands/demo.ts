import { Command } from 'commander';
import { positiveInt } from './book.js';

/** `quoine demo`: starts the sandbox in this process and runs the guided tour. */
export function demoCommand(): Command {
  return new Command('demo')
    .description('start an embedded sandbox and run a guided tour of the SDK')
    .option('--seed <n>', 'market maker seed', positiveInt, 42)
    .option('--seconds <n>', 'how long to watch the live feed', positiveInt, 5)
    .action(async (options: { seed: number; seconds: number }) => {
      // The sandbox, the SDK and the tour load only when the command runs, never for `quoine --help`.
      const [{ startSandbox }, { runTour }] = await Promise.all([
        import('../../sandbox/index.js'),
        import('../tour.js'),
      ]);
      const sandbox = await startSandbox({ port: 0, seed: options.seed, rateLimit: false });
      process.stdout.write(
        `Sandbox listening on ${sandbox.url} (in this process, market maker seed ${options.seed})\n`,
      );
      try {
        await runTour(sandbox, options.seconds);
      } finally {
        await sandbox.close();
      }
    });
}
