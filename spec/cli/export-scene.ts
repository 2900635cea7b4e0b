/**
 * The setup the export specs share: a quiet sandbox (no market maker, no rate limit), on a clock
 * the spec moves when it needs executions spread over time; a scratch directory for the export
 * files; and a counting proxy a test may put between the CLI and the sandbox, closed after it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.js';
import type { CountingProxy } from '../helpers/counting-proxy.js';

/** What the tests of one export `describe` work against; read its fields inside hooks and tests. */
export interface ExportScene {
  readonly sandbox: Sandbox;
  /** A fresh directory, removed with everything in it after the describe. */
  readonly dir: string;
  /** The sandbox's time in milliseconds, when the scene was made with a `clock`. */
  clock: number;
  /** A proxy started by a test; closed after each test. */
  proxy: CountingProxy | undefined;
}

/**
 * Registers hooks in the calling `describe`: before it, the sandbox starts, `seed` runs against it
 * and the directory is made (named from `prefix`); after each test the proxy is closed; after it,
 * the directory is removed and the sandbox closed. Without `clock` the sandbox keeps real time.
 */
export function exportScene(
  prefix: string,
  options: { readonly clock?: number; readonly seed?: (scene: ExportScene) => void } = {},
): ExportScene {
  const scene = { clock: options.clock ?? 0, proxy: undefined } as {
    -readonly [K in keyof ExportScene]: ExportScene[K];
  };
  before(async () => {
    const now = options.clock === undefined ? {} : { now: () => scene.clock };
    scene.sandbox = await startSandbox({ port: 0, market: false, rateLimit: false, ...now });
    options.seed?.(scene);
    scene.dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await scene.proxy?.close();
    scene.proxy = undefined;
  });
  after(async () => {
    rmSync(scene.dir, { recursive: true, force: true });
    await scene.sandbox.close();
  });
  return scene;
}
