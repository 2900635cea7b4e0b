/**
 * The fault matrix: every call kind against every fault the sandbox can inject, and what the
 * SDK made of it. Shared by `faults.spec.ts` (which asserts each cell) and `print.ts`
 * (`npm run faults`, which prints the table kept in the README).
 */
import { Quoine } from '../../lib/client.js';
import { QuoineAPIError, QuoineConnectionError, QuoineError, QuoineResponseError } from '../../lib/core/errors.js';
import { startSandbox, type FaultAction, type Sandbox } from '../../lib/sandbox/index.js';
import { startBlackhole } from './blackhole.js';

const BTCJPY = 5;
const BTCUSD = 1;
/** Client settings of every cell: short timeouts so timeouts are quick. */
const TIMEOUT = 300;

/** A call kind: how to prepare it, make it, and count its effect on the exchange. */
interface CallKind {
  readonly name: string;
  readonly match: { readonly method: string; readonly path: string };
  /** Creates what the call needs (an order to edit, a trade to close); returns the call. */
  prepare(
    sandbox: Sandbox,
    client: Quoine,
    userId: number,
    tag: number,
  ): Promise<{ run: (c: Quoine) => Promise<unknown>; effect: () => number }>;
}

/** Orders of `userId` whose quantity is exactly `quantity` (each placement has its own). */
function ordersWith(sandbox: Sandbox, userId: number, quantity: string): number {
  return sandbox.exchange.orders(userId).filter((o) => o.quantity.eq(quantity)).length;
}

function uniqueQuantity(tag: number): string {
  return `0.001${String(tag).padStart(5, '0')}`;
}

export const CALLS: readonly CallKind[] = [
  {
    name: 'read (orders.get)',
    match: { method: 'GET', path: '/orders/*' },
    async prepare(_s, client) {
      const order = await client.orders.limitBuy(BTCJPY, '0.001', '950000');
      return { run: (c) => c.orders.get(order.id), effect: () => 0 };
    },
  },
  {
    name: 'order, no client id',
    match: { method: 'POST', path: '/orders' },
    async prepare(sandbox, _c, userId, tag) {
      const quantity = uniqueQuantity(tag);
      return {
        run: (c) => c.orders.limitBuy(BTCJPY, quantity, '950000'),
        effect: () => ordersWith(sandbox, userId, quantity),
      };
    },
  },
  {
    name: 'order with clientOrderId',
    match: { method: 'POST', path: '/orders' },
    async prepare(sandbox, _c, userId, tag) {
      const quantity = uniqueQuantity(tag);
      return {
        run: (c) => c.orders.limitBuy(BTCJPY, quantity, '950000', { clientOrderId: `fault-${tag}` }),
        effect: () => ordersWith(sandbox, userId, quantity),
      };
    },
  },
  {
    name: 'trade close',
    match: { method: 'PUT', path: '/trades/*/close' },
    async prepare(sandbox, client, userId) {
      const maker = sandbox.createToken({ BTC: '10', USD: '1000000' });
      sandbox.exchange.createOrder(maker.userId, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'sell',
        quantity: '1',
        price: '9200',
      });
      sandbox.exchange.createOrder(maker.userId, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'buy',
        quantity: '1',
        price: '9100',
      });
      await client.orders.createMargin({
        orderType: 'market',
        productId: BTCUSD,
        side: 'buy',
        quantity: '0.01',
        leverageLevel: 10,
        fundingCurrency: 'USD',
      });
      const trade = (await client.trades.list({ status: 'open' })).models[0];
      if (!trade) throw new Error('no trade opened');
      const closed = (): number =>
        sandbox.exchange.trades(userId).filter((t) => t.id === trade.id && t.status === 'closed').length;
      return { run: (c) => c.trades.close(trade.id), effect: closed };
    },
  },
  {
    name: 'order edit',
    match: { method: 'PUT', path: '/orders/*' },
    async prepare(sandbox, client, userId) {
      const order = await client.orders.limitBuy(BTCJPY, '0.001', '950000');
      const edited = (): number =>
        sandbox.exchange.orders(userId).filter((o) => o.id === order.id && o.price.toFixed() === '950001').length;
      return { run: (c) => c.orders.update(order.id, { price: '950001' }), effect: edited };
    },
  },
];

/** A fault: what the sandbox injects (or `connect-timeout`, which needs a port that never answers). */
export interface FaultKind {
  readonly name: string;
  readonly spec?: FaultAction & { readonly times?: number };
}

export const FAULTS: readonly FaultKind[] = [
  { name: '503 twice', spec: { kind: 'status', status: 503, times: 2 } },
  { name: '429 with Retry-After', spec: { kind: 'status', status: 429, retryAfter: '0.05' } },
  { name: '429 without Retry-After', spec: { kind: 'status', status: 429 } },
  { name: 'reset before processing', spec: { kind: 'reset-before' } },
  { name: 'reset after processing', spec: { kind: 'reset-after' } },
  { name: 'connect timeout' },
  { name: 'response timeout', spec: { kind: 'delay', ms: TIMEOUT + 200 } },
  { name: 'truncated body', spec: { kind: 'truncated-body' } },
  { name: 'non-JSON 200', spec: { kind: 'malformed-body' } },
  { name: 'slow body', spec: { kind: 'slow-body', stallMs: TIMEOUT * 3 } },
];

/** What one cell produced. */
export interface Outcome {
  /** `ok`, or the error's class name. */
  readonly result: string;
  /** For connection errors: whether the SDK says the call may have been processed. */
  readonly mayHaveBeenProcessed: boolean | undefined;
  /** Attempts the SDK made. */
  readonly attempts: number;
  /** The call's effect on the exchange afterwards (orders with its quantity, trades closed, edits made). */
  readonly effect: number;
}

function describeFailure(error: unknown): Omit<Outcome, 'effect'> {
  if (error instanceof QuoineConnectionError)
    return { result: error.name, mayHaveBeenProcessed: error.mayHaveBeenProcessed, attempts: error.attempts };
  if (error instanceof QuoineAPIError)
    return { result: error.name, mayHaveBeenProcessed: undefined, attempts: error.attempts };
  if (error instanceof QuoineResponseError) return { result: error.name, mayHaveBeenProcessed: true, attempts: 1 };
  if (error instanceof QuoineError) return { result: error.name, mayHaveBeenProcessed: undefined, attempts: 1 };
  throw error;
}

/** Runs the whole matrix against one sandbox; `onCell` sees each outcome as it comes. */
export async function runMatrix(
  onCell: (call: string, fault: string, outcome: Outcome) => void = () => undefined,
): Promise<Map<string, Outcome>> {
  const sandbox = await startSandbox({ port: 0, market: false, rateLimit: false });
  const blackhole = await startBlackhole();
  const results = new Map<string, Outcome>();
  let tag = 0;
  try {
    for (const call of CALLS) {
      for (const fault of FAULTS) {
        tag++;
        const token = sandbox.createToken({ JPY: '100000000', USD: '1000000', BTC: '10' });
        const settings = {
          tokenId: token.tokenId,
          secret: token.secret,
          rateLimit: false as const,
          timeout: TIMEOUT,
          connectTimeout: TIMEOUT / 2,
        };
        const setup = new Quoine({ baseUrl: sandbox.url, ...settings });
        const prepared = await call.prepare(sandbox, setup, token.userId, tag);
        await setup.close();
        const client = new Quoine({ baseUrl: fault.spec ? sandbox.url : blackhole.url, ...settings });
        if (fault.spec) sandbox.faults.add({ ...call.match, ...fault.spec });
        let outcome: Omit<Outcome, 'effect'>;
        try {
          await prepared.run(client);
          // Each injected fault spoiled one attempt; the last one succeeded.
          const spoiled = fault.spec ? (fault.spec.times ?? 1) - sandbox.faults.remaining : 0;
          outcome = { result: 'ok', mayHaveBeenProcessed: undefined, attempts: spoiled + 1 };
        } catch (error) {
          outcome = describeFailure(error);
        } finally {
          await client.close();
        }
        sandbox.faults.clear();
        // A delayed request may still be processing: wait for it before counting the effect.
        await new Promise((resolve) => setTimeout(resolve, fault.name === 'response timeout' ? TIMEOUT + 300 : 20));
        const cell = { ...outcome, effect: prepared.effect() };
        results.set(`${call.name} × ${fault.name}`, cell);
        onCell(call.name, fault.name, cell);
      }
    }
  } finally {
    blackhole.close();
    await sandbox.close();
  }
  return results;
}
