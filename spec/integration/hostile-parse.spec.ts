/**
 * Bodies that are small on the wire and within `maxResponseBytes` (raised to 64 MiB here), but whose parse would build
 * millions of values (issue 10): the lossless scanner refuses them before `JSON.parse` builds
 * anything (spec/core/json.spec.ts pins the bounds), so a call fails typed with bounded memory.
 * Measured in a child process with a 512 MB heap, where the reviewer's 60 MiB of `[[],[],…]`
 * took 1.6 GB before the bound.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'chai';

const MiB = 1024 * 1024;

describe('hostile responses: bodies that are cheap to send and costly to parse', function () {
  this.timeout(120_000);
  const child = fileURLToPath(new URL('./hostile-parse-child.ts', import.meta.url));
  for (const [kind, what] of [
    ['arrays', '60 MiB of [[],[],…] (61 KB gzipped)'],
    ['zeros', '16 MiB of [0,0,…] (16 KB gzipped)'],
  ] as const) {
    it(`${what}: fails with QuoineResponseError under a 512 MB heap, peak RSS growing by less than 320 MiB`, async () => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', '--max-old-space-size=512', child, kind],
        {
          cwd: fileURLToPath(new URL('../..', import.meta.url)),
        },
      );
      const report = JSON.parse(stdout) as {
        outcome: { name?: string; resolved?: number };
        growthKiB: number;
        wireBytes: number;
        inflatedBytes: number;
      };
      expect(report.outcome).to.include({ name: 'QuoineResponseError' });
      expect(report.wireBytes).to.be.below(64 * 1024);
      // What remains is reading the body itself (its buffers and its text), which maxResponseBytes bounds.
      expect(report.growthKiB * 1024).to.be.below(320 * MiB);
    });
  }
});
