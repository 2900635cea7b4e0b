/**
 * The sandbox store in its own process (started with `--expose-gc` by sandbox.bench.ts): RSS and
 * heap before and after an exchange fills BTCJPY's tape with `count` public executions (the
 * bench's two crossing users, so every order, fill and balance change is kept too), list timings
 * on the same exchange at `small` executions and at `count`, and the bytes one stored execution
 * costs the tape alone (a {@link MarketData} recording `count` executions). Answers a
 * {@link StoreReport} over IPC.
 */
import { Context } from '../lib/sandbox/exchange/context.js';
import { resolveConfig } from '../lib/sandbox/exchange/config.js';
import { Decimal } from '../lib/sandbox/exchange/decimal.js';
import type { Exchange } from '../lib/sandbox/exchange/index.js';
import { MarketData } from '../lib/sandbox/exchange/market-data.js';
import { currencySpecs, loadCatalogue, productSpecs } from '../lib/sandbox/server/catalogue.js';
import { pageOf } from '../lib/sandbox/server/pagination.js';
import { executionWire } from '../lib/sandbox/wire/serializers/market.js';
import { firstMessage, reply } from './support-child.js';
import { BTCJPY, BenchClock, catalogueExchange, fillTape, type Tape } from './support-exchange.js';
import { measure } from './measure.js';

/** What the parent asks for. */
export interface StoreRequest {
  readonly count: number;
  readonly small: number;
  readonly perSecond: number;
}

/** Milliseconds per call of the list cases. */
export interface ListTimings {
  /** `GET /executions` page 1 (20 newest), serialized. */
  readonly page1: number;
  /** `GET /executions?timestamp=` from the middle of the tape, 1,000 rows, serialized. */
  readonly since: number;
}

/** What the child answers. */
export interface StoreReport {
  readonly rssBefore: number;
  readonly rssFilled: number;
  readonly heapBefore: number;
  readonly heapFilled: number;
  readonly fillMs: number;
  readonly small: ListTimings;
  readonly large: ListTimings;
  /** Heap + array buffers a MarketData takes per recorded execution. */
  readonly tapeBytesPerExecution: number;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
/**
 * Collects garbage, lets V8 hand the freed pages back (its unmapper runs on another thread, so RSS
 * read right after a synchronous `gc()` still counts them), and collects again: RSS at rest.
 */
const settle = async (): Promise<void> => {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 500));
  gc();
};
const used = (): number => {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

async function timings(exchange: Exchange, tape: Tape, first: Tape): Promise<ListTimings> {
  const middle = Math.floor((first.firstSecond + tape.lastSecond) / 2);
  const page1 = await measure('page 1', () =>
    pageOf(exchange.executionList(BTCJPY), { page: 1, limit: 20 }, (execution) => executionWire(execution, true)),
  );
  const since = await measure('since', () =>
    exchange.executionsSince(BTCJPY, middle, 1000).map((execution) => executionWire(execution, true)),
  );
  return { page1: page1.ms, since: since.ms };
}

/** The tape alone: `count` executions recorded straight into market data (collected once measured). */
function tapeBytes(count: number, perSecond: number): number {
  const catalogue = loadCatalogue();
  const config = resolveConfig({ products: productSpecs(catalogue), currencies: currencySpecs(catalogue) });
  const start = Math.floor(Date.now() / 1000);
  const beforeTape = used();
  const market = new MarketData(new Context(config, () => Date.now()));
  for (let i = 0; i < count; i++)
    market.record({
      id: 10_000_001 + i,
      productId: BTCJPY,
      quantity: new Decimal(1 + (i % 97)).div(1000),
      price: new Decimal(976_382 + (i % 13)),
      takerSide: i % 2 === 0 ? 'buy' : 'sell',
      createdAt: start + Math.floor(i / perSecond),
      timestamp: start + Math.floor(i / perSecond),
    });
  return (used() - beforeTape) / market.newestFirst(BTCJPY).length;
}

const request = await firstMessage<StoreRequest>();

// First, while nothing else is allocated; its garbage is collected before the sandbox's baseline.
const tapeBytesPerExecution = tapeBytes(request.count, request.perSecond);
await settle();
const heapBefore = used();
const rssBefore = process.memoryUsage().rss;
const clock = new BenchClock(Date.now() - 30 * 86_400_000);
const exchange = catalogueExchange(clock.now);
const first = fillTape(exchange, clock, request.small, request.perSecond);
const small = await timings(exchange, first, first);
const rest = fillTape(exchange, clock, request.count - request.small, request.perSecond);
await settle();
const heapFilled = used();
const rssFilled = process.memoryUsage().rss;
const large = await timings(exchange, rest, first);

const held = exchange.executionList(BTCJPY).length;

await reply({
  rssBefore,
  rssFilled,
  heapBefore,
  heapFilled,
  fillMs: first.fillMs + rest.fillMs,
  small,
  large,
  tapeBytesPerExecution,
} satisfies StoreReport);
if (held !== request.count) throw new Error(`the tape holds ${held} executions, not ${request.count}`);
if (process.connected) process.disconnect();
