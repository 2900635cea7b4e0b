/**
 * The floor of a bench child: Node with nothing of the SDK loaded (started with `--expose-gc`,
 * compiled or under tsx like the child it is compared with). Answers its RSS after a GC, so the
 * memory suite can say how much of the walker's baseline is Node itself.
 */
import { reply } from './support-child.js';

(globalThis as { gc?: () => void }).gc?.();
await reply(process.memoryUsage().rss);
if (process.connected) process.disconnect();
