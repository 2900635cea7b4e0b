// A hard bound for specs of the matching engine's termination: counts the executions the exchange
// creates and aborts a runaway matching loop with an Error, so a regression fails fast instead of
// hanging the suite (the loop is synchronous: no timer could interrupt it).
import sinon from 'sinon';
import { Context } from '../../../lib/sandbox/exchange/context.js';

export interface ExecutionGuard {
  /** Executions created since the guard was installed. */
  readonly count: () => number;
  /** Removes the guard. */
  readonly restore: () => void;
}

/** Installs the guard on every exchange (`Context.nextId('execution')`); throws past `limit`. */
export function guardExecutions(limit = 10_000): ExecutionGuard {
  let executions = 0;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the original, saved to be restored and called with its context as `this`
  const original = Context.prototype.nextId;
  const stub = sinon.stub(Context.prototype, 'nextId').callsFake(function (this: Context, kind) {
    if (kind === 'execution') {
      executions += 1;
      if (executions > limit) throw new Error(`runaway matching: more than ${limit} executions in one spec`);
    }
    return original.call(this, kind);
  });
  return { count: () => executions, restore: () => stub.restore() };
}
