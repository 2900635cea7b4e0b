/**
 * One writer per export file: `FILE.lock` holds the writer's pid for the whole run. It appears
 * atomically with its content (written to a private file opened `wx`, then hard-linked to the lock
 * name, which fails if a lock exists), so no other run ever reads a lock without a pid. A second
 * run is refused while that pid lives; a lock left by a killed run (its pid no longer alive) is
 * taken over, saying so, by one run only (see takeOver). The lock is removed on release and, as a backstop, when the process
 * exits (errors and Ctrl-C included; a SIGKILL leaves a lock the next run takes over).
 */
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { QuoineRequestError } from '../../core/errors.js';

/** A held lock. */
export interface ExportLock {
  /** The lock file's path. */
  readonly path: string;
  /** Removes the lock (once; later calls do nothing). */
  release(): void;
}

/** Whether a process with this pid is alive (EPERM: alive, owned by another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of `file`, or throws a clear error naming the live writer.
 * @param file the export file
 * @param say where to tell that a stale lock was taken over
 */
export function lockExportFile(file: string, say: (line: string) => void): ExportLock {
  const path = `${file}.lock`;
  const mine = `${path}.${process.pid}`;
  try {
    writeFileSync(mine, `${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    throw new QuoineRequestError(
      `cannot create the lock file ${mine} next to --out: ${(error as Error).message}`,
      'out',
    );
  }
  try {
    // A few attempts: after taking over a stale lock, or when the holder released it meanwhile.
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw lockError(path, error);
      }
      const holder = holderOf(path);
      if (holder === 'gone') continue;
      if (holder !== undefined && isAlive(holder)) {
        throw new QuoineRequestError(
          `${file} is being written by another quoine export (pid ${holder}, lock ${path}); wait for it to finish, or delete the lock if that process is not a quoine export`,
          'out',
        );
      }
      takeOver(path, holder, say);
    }
  } finally {
    unlinkSync(mine);
  }
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      unlinkSync(path);
    } catch {
      // already gone: nothing to release
    }
  };
  process.on('exit', release);
  return { path, release };
}

/**
 * Removes the stale lock at `path` naming `stale`. Two runs may find the same stale lock: only the
 * one holding the claim `path.takeover-<stale>` (created `wx`) removes it, and only if the lock
 * still names `stale` (else another run has taken it over already and holds it now). A claim left
 * by a taker killed mid-takeover (its pid not alive) is removed and the takeover tried again.
 */
function takeOver(path: string, stale: number | undefined, say: (line: string) => void): void {
  const claim = `${path}.takeover-${stale ?? 'none'}`;
  try {
    writeFileSync(claim, `${process.pid}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw lockError(path, error);
    const taker = holderOf(claim);
    if (typeof taker === 'number' && isAlive(taker)) {
      throw new QuoineRequestError(
        `another quoine export (pid ${taker}) is taking over the stale lock ${path}; run again once it has finished`,
        'out',
      );
    }
    removeIfThere(claim, path);
    return;
  }
  try {
    if (holderOf(path) !== stale) return;
    say(
      `quoine: taking over the stale lock ${path}${stale === undefined ? ' (it names no process)' : ` of process ${stale}, which is no longer running`}`,
    );
    removeIfThere(path, path);
  } finally {
    removeIfThere(claim, path);
  }
}

function removeIfThere(file: string, lock: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw lockError(lock, error);
  }
}

/** The pid a lock file names; undefined if it names none; `gone` if there is no lock file any more. */
function holderOf(path: string): number | undefined | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw lockError(path, error);
  }
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function lockError(path: string, error: unknown): QuoineRequestError {
  return new QuoineRequestError(`cannot take the lock ${path}: ${(error as Error).message}`, 'out');
}
