/**
 * Every ```ts / ```js block of README.md, as written: type-checked under the repository's strict
 * settings and run against a sandbox, in a throw-away project that installed the built package
 * (see consumer-project.ts: `quoine` resolves through package.json `exports` to `dist/`, which
 * `npm test` builds before the specs, so the examples meet exactly what users get). An example
 * that does not compile, fails, prints to stderr, shows the secret or does not end within its
 * time bound fails the spec; so does a README that adds such an example later.
 *
 * Each example runs in its own child process (tsx for ts, Node for js, mocha for a block that
 * declares tests) with `QUOINE_BASE_URL`, `QUOINE_TOKEN_ID` and `QUOINE_SECRET` set to a fresh
 * sandbox on 127.0.0.1 and its demo token, which has traded (trading-history.ts). Examples that
 * print a number they claim to compute are checked against the exchange (claims.ts).
 */
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { startSandbox, type Sandbox } from '../../lib/sandbox/index.js';
import { CLAIMS } from './claims.js';
import { codeBlocks, exampleKind, type CodeBlock, type ExampleKind } from './code-blocks.js';
import { createConsumerProject, type ConsumerProject } from './consumer-project.js';
import { RedisServer, redisIt } from '../redis/redis-server.js';
import { runExample } from './run-example.js';
import { tradeHistory } from './trading-history.js';
import { importsOf, strictOptions, typeCheck, type Diagnostic } from './type-check.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The hard bound on one example's process. */
const RUN_BOUND_MS = 30_000;

interface Example {
  readonly block: CodeBlock;
  readonly kind: ExampleKind;
  /** A block that declares mocha tests runs through mocha. */
  readonly mocha: boolean;
  readonly file: string;
}

const examples: Example[] = codeBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8')).flatMap((block) => {
  const kind = exampleKind(block.lang);
  if (kind === undefined) return [];
  const mocha = /^\s*(describe|it)\s*\(/m.test(block.code);
  return [{ block, kind, mocha, file: `readme-line-${block.line}.${kind}` }];
});

describe('README examples', function () {
  this.timeout(120_000);
  let project: ConsumerProject | undefined;
  let diagnostics: Map<string, Diagnostic[]>;
  /** README lines of the examples whose output proved each claim. */
  const verified = new Map<string, number[]>();

  before(async () => {
    await assertDistIsCurrent();
    const options = strictOptions(join(ROOT, 'tsconfig.json'));
    const made = await createConsumerProject(
      ROOT,
      examples.flatMap((e) => importsOf(e.block.code)),
      options,
    );
    project = made;
    const files = await Promise.all(examples.map((e) => made.write(e.file, e.block.code)));
    diagnostics = new Map(
      [...typeCheck(files, options, made.dir)].map(([file, found]) => [relative(made.dir, file), found]),
    );
  });
  after(() => project?.remove());

  it('finds the examples', () => {
    expect(examples.length, 'ts/js blocks in README.md').to.be.at.least(4);
  });

  for (const example of examples) {
    describe(`the ${example.kind} block at README.md line ${example.block.line}`, () => {
      it('type-checks under strict settings', () => {
        const found = diagnostics.get(example.file) ?? [];
        const located = found.map((d) => `README.md:${example.block.line + d.line - 1}:${d.column} ${d.message}`);
        expect(located, located.join('\n')).to.deep.equal([]);
      });

      // An example of quoine/redis gets its own redis-server (pending where there is none).
      const needsRedis = example.block.code.includes("'quoine/redis'");
      (needsRedis ? redisIt : it)(
        'runs against a sandbox, ends on its own, prints nothing on stderr and never the secret',
        async () => {
          let sandbox: Sandbox | undefined;
          let redis: RedisServer | undefined;
          try {
            sandbox = await startSandbox({ port: 0, market: false });
            tradeHistory(sandbox);
            redis = needsRedis ? await RedisServer.start() : undefined;
            const env = {
              QUOINE_BASE_URL: sandbox.url,
              QUOINE_TOKEN_ID: sandbox.demo.tokenId,
              QUOINE_SECRET: sandbox.demo.secret,
              NO_COLOR: '1',
              ...(redis ? { QUOINE_REDIS_URL: redis.url } : {}),
            };
            const dir = project!.dir;
            const run = await runExample(join(dir, example.file), {
              cwd: dir,
              env,
              mocha: example.mocha,
              timeoutMs: RUN_BOUND_MS,
            });
            const output = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
            expect(run.timedOut, `did not end within ${RUN_BOUND_MS / 1000} s and was killed\n${output}`).to.equal(
              false,
            );
            expect(run.code, `exit code\n${output}`).to.equal(0);
            expect(run.stderr, 'stderr').to.equal('');
            expect(run.stdout).not.to.include(sandbox.demo.secret);
            if (example.mocha)
              expect(run.stdout, 'mocha ran its tests')
                .to.match(/\b[1-9]\d* passing\b/)
                .and.not.match(/failing/);
            for (const claim of CLAIMS) {
              const printed = claim.printed.exec(run.stdout);
              if (printed === null) continue;
              claim.verify(sandbox, printed[1] ?? '');
              verified.set(claim.name, [...(verified.get(claim.name) ?? []), example.block.line]);
            }
          } finally {
            await sandbox?.close();
            await redis?.kill();
          }
        },
      );
    });
  }

  // Runs after the examples' suites (mocha runs sibling suites in order).
  describe('claims', () => {
    for (const claim of CLAIMS) {
      it(`${claim.name}: checked in exactly one example`, () => {
        expect(
          verified.get(claim.name) ?? [],
          `README lines whose example printed ${String(claim.printed)}`,
        ).to.have.length(1);
      });
    }
  });
});

/** dist/ must be built from the current lib/ (npm test builds it; alone: npm run build). */
async function assertDistIsCurrent(): Promise<void> {
  const lib = join(ROOT, 'lib');
  for (const entry of await readdir(lib, { recursive: true })) {
    if (!entry.endsWith('.ts')) continue;
    const built = join(ROOT, 'dist', entry.replace(/\.ts$/, '.js'));
    const [source, output] = await Promise.all([stat(join(lib, entry)), stat(built).catch(() => undefined)]);
    if (output === undefined || output.mtimeMs < source.mtimeMs) {
      throw new Error(`dist/ is older than lib/${entry}: run npm run build (npm test builds before the specs)`);
    }
  }
}
