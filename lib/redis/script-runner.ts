/**
 * Runs the coordinator's Lua scripts: by hash (`EVALSHA`), loading the script on `NOSCRIPT` (a
 * Redis that restarted has forgotten it), within a deadline, every failure a
 * {@link QuoineCoordinationError} that names the server but never its password.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { QuoineCoordinationError } from '../core/errors.js';
import { withDeadline } from './deadline.js';

/** One script and its hash. */
export interface Script {
  readonly lua: string;
  readonly sha: string;
  /** How many of its arguments are keys. */
  readonly keys: number;
  /** What it does, for error messages. */
  readonly name: string;
}

/** A {@link Script} of `lua` taking `keys` keys. */
export function script(name: string, lua: string, keys: number): Script {
  return { name, lua, keys, sha: createHash('sha1').update(lua).digest('hex') };
}

/** What a script returns: Redis integers and strings, in arrays. */
export type ScriptReply = ReadonlyArray<number | string>;

/** Runs scripts on one connection. */
export class ScriptRunner {
  readonly #redis: Redis;
  readonly #where: string;
  readonly #timeoutMs: number;

  /**
   * @param redis the connection
   * @param where the server as shown in errors (`host:port`)
   * @param timeoutMs how long one script may take before the call fails
   */
  constructor(redis: Redis, where: string, timeoutMs: number) {
    this.#redis = redis;
    this.#where = where;
    this.#timeoutMs = timeoutMs;
  }

  /** Runs `s` with its keys then its arguments; rejects with a QuoineCoordinationError. */
  async run(s: Script, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<ScriptReply> {
    if (this.#redis.status !== 'ready') throw this.#failure(s, `not connected (${this.#redis.status})`);
    try {
      return await withDeadline(this.#eval(s, keys, args), this.#timeoutMs);
    } catch (error) {
      throw this.#failure(s, error instanceof Error ? error.message : String(error), error);
    }
  }

  async #eval(s: Script, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<ScriptReply> {
    try {
      return (await this.#redis.evalsha(s.sha, s.keys, ...keys, ...args)) as ScriptReply;
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return (await this.#redis.eval(s.lua, s.keys, ...keys, ...args)) as ScriptReply;
    }
  }

  #failure(s: Script, why: string, cause?: unknown): QuoineCoordinationError {
    return new QuoineCoordinationError(
      `the Redis coordinator at ${this.#where} could not ${s.name}: ${why}; nothing was sent`,
      cause === undefined ? undefined : { cause },
    );
  }
}
