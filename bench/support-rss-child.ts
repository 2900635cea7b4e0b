/**
 * The floor of a bench child: `node --import tsx` with nothing of the SDK loaded (started with
 * `--expose-gc`). Answers its RSS after a GC, so the memory suite can say how much of the
 * walker's baseline is Node and the tsx loader (its module hooks run in a worker thread).
 */
import { reply } from './support-child.js';

(globalThis as { gc?: () => void }).gc?.();
await reply(process.memoryUsage().rss);
process.disconnect?.();
