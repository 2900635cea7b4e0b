/**
 * The export lock on its own (in process): a live holder refuses, a stale one is taken over once,
 * a takeover in progress by a live run refuses, a claim left by a killed taker does not block.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { lockExportFile } from '../../lib/cli/export/lock.js';

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

describe('the export file lock', () => {
  let dir: string;
  let said: string[];
  const say = (line: string): void => void said.push(line);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'quoine-lock-unit-'));
    said = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is taken, refused to a second taker while held, and gone after release', () => {
    const file = join(dir, 'a.csv');
    const lock = lockExportFile(file, say);
    expect(existsSync(`${file}.lock`)).to.equal(true);
    expect(() => lockExportFile(file, say)).to.throw(`is being written by another quoine export (pid ${process.pid}`);
    lock.release();
    lock.release();
    expect(readdirSync(dir)).to.deep.equal([]);
  });

  it('takes over a lock of a dead process, saying so, leaving no claim behind', async () => {
    const file = join(dir, 'b.csv');
    const dead = await deadPid();
    writeFileSync(`${file}.lock`, `${dead}\n`);
    const lock = lockExportFile(file, say);
    expect(said).to.deep.equal([
      `quoine: taking over the stale lock ${file}.lock of process ${dead}, which is no longer running`,
    ]);
    expect(readdirSync(dir)).to.deep.equal(['b.csv.lock']);
    lock.release();
  });

  it('refuses while a live run is taking over the same stale lock', async () => {
    const file = join(dir, 'c.csv');
    const dead = await deadPid();
    writeFileSync(`${file}.lock`, `${dead}\n`);
    writeFileSync(`${file}.lock.takeover-${dead}`, `${process.pid}\n`);
    expect(() => lockExportFile(file, say)).to.throw(
      `another quoine export (pid ${process.pid}) is taking over the stale lock`,
    );
    expect(said).to.deep.equal([]);
  });

  it('is not blocked by the claim of a taker killed mid-takeover', async () => {
    const file = join(dir, 'd.csv');
    const dead = await deadPid();
    writeFileSync(`${file}.lock`, `${dead}\n`);
    writeFileSync(`${file}.lock.takeover-${dead}`, `${dead}\n`);
    const lock = lockExportFile(file, say);
    expect(said).to.have.length(1);
    expect(readdirSync(dir)).to.deep.equal(['d.csv.lock']);
    lock.release();
    expect(readdirSync(dir)).to.deep.equal([]);
  });
});
