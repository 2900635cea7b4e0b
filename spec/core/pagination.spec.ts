import { expect } from 'chai';
import { Quoine } from '../../lib/client.js';
import { QuoineRequestError, QuoineResponseError } from '../../lib/core/errors.js';
import type { Execution } from '../../lib/entities/execution.js';
import { json, startLoopbackServer, type LoopbackServer, type SeenRequest } from '../helpers/loopback-server.js';

/** An /executions page body with the given ids. */
function page(ids: readonly number[], current: number | string, total: number | string): string {
  const models = ids.map(
    (id) =>
      `{"id": ${id}, "quantity": "0.1", "price": "${id}.5", "taker_side": "buy", "created_at": ${1_600_000_000 + id}}`,
  );
  return `{"models": [${models.join(',')}], "current_page": ${JSON.stringify(current)}, "total_pages": ${JSON.stringify(total)}}`;
}

function query(q: SeenRequest): URLSearchParams {
  return new URL(q.url, 'http://x').searchParams;
}

describe('core/pagination', () => {
  let server: LoopbackServer | undefined;
  let client: Quoine | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.close();
    server = undefined;
  });

  async function serve(pages: Record<number, string>): Promise<Quoine> {
    server = await startLoopbackServer((q) => json(pages[Number(query(q).get('page'))] ?? '{}'));
    client = new Quoine({ baseUrl: server.url, rateLimit: false, maxRetries: 0 });
    return client;
  }

  it('awaits to the first page and starts nothing until used', async () => {
    const c = await serve({ 1: page([3, 2, 1], 1, 2), 2: page([], 2, 2) });
    const call = c.executions.list({ productId: 5, limit: 3 });
    expect(server?.requests).to.have.length(0);
    const first = await call;
    expect(first.models.map((e) => e.id)).to.deep.equal([3, 2, 1]);
    expect(first.currentPage).to.equal(1);
    expect(first.totalPages).to.equal(2);
    expect(first.hasNextPage()).to.equal(true);
    expect(query(server!.requests[0]!).toString()).to.equal('product_id=5&limit=3&page=1');
  });

  it('shares one first-page request between await and for-await', async () => {
    const c = await serve({ 1: page([2, 1], 1, 1) });
    const call = c.executions.list({ productId: 5 });
    const first = await call;
    const all: number[] = [];
    for await (const e of call) all.push(e.id);
    expect(all).to.deep.equal([2, 1]);
    expect(first.models).to.have.length(2);
    expect(server?.requests).to.have.length(1);
  });

  it('walks every page asking for 1000 at a time, through empty pages, to total_pages', async () => {
    const c = await serve({
      1: page([6, 5], 1, 4),
      2: page([], 2, 4),
      3: page([4, 3], 3, 4),
      4: page([2, 1], '4', '4'),
    });
    const seen: number[] = [];
    for await (const e of c.executions.list({ productId: 5 })) seen.push(e.id);
    expect(seen).to.deep.equal([6, 5, 4, 3, 2, 1]);
    expect(server!.requests.map((q) => query(q).get('limit'))).to.deep.equal(['1000', '1000', '1000', '1000']);
  });

  it('yields an item pushed onto the next page by new trades only once', async () => {
    const c = await serve({ 1: page([9, 8, 7], 1, 3), 2: page([7, 6, 5], 2, 3), 3: page([5, 4], 3, 3) });
    const seen: number[] = [];
    for await (const e of c.executions.list({ productId: 5, limit: 3 })) seen.push(e.id);
    expect(seen).to.deep.equal([9, 8, 7, 6, 5, 4]);
  });

  it('fails loudly when current_page does not advance', async () => {
    const c = await serve({ 1: page([2], 1, 3), 2: page([1], 1, 3) });
    const seen: number[] = [];
    let error: unknown;
    try {
      for await (const e of c.executions.list({ productId: 5 })) seen.push(e.id);
    } catch (e) {
      error = e;
    }
    expect(seen).to.deep.equal([2]);
    expect(error).to.be.instanceOf(QuoineResponseError);
    expect((error as Error).message).to.match(/asked for page 2 but the exchange answered current_page 1/);
  });

  it('offers nextPage() and iterPages()', async () => {
    const c = await serve({ 1: page([3], 1, 3), 2: page([2], 2, 3), 3: page([1], 3, 3) });
    const first = await c.executions.list({ productId: 5, limit: 1 });
    const second = await first.nextPage();
    expect(second.models[0]?.id).to.equal(2);
    const numbers: number[] = [];
    for await (const p of second.iterPages()) numbers.push(p.currentPage);
    expect(numbers).to.deep.equal([2, 3]);
    const last = await second.nextPage();
    let error: unknown;
    try {
      await last.nextPage();
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(QuoineResponseError);
  });

  it('starts from a chosen page', async () => {
    const c = await serve({ 2: page([2], 2, 3), 3: page([1], 3, 3) });
    const ids: number[] = [];
    for await (const e of c.executions.list({ productId: 5, page: 2, limit: 1 })) ids.push(e.id);
    expect(ids).to.deep.equal([2, 1]);
  });

  it('rejects bad paging options before sending (a rejection, never a synchronous throw)', async () => {
    const c = await serve({});
    const bad = [
      ...[0, 1001, 1.5, Number.NaN].map((limit) => ({ productId: 5, limit })),
      { productId: 5, page: 0 },
      { productId: -1 },
    ];
    for (const options of bad) {
      const call = c.executions.list(options);
      let error: unknown;
      try {
        await call;
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(options))
        .to.be.instanceOf(QuoineRequestError)
        .and.match(/limit|page|productId/);
      let iterated: unknown;
      try {
        for await (const e of c.executions.list(options)) expect.fail(`yielded ${JSON.stringify(e)}`);
      } catch (e) {
        iterated = e;
      }
      expect(iterated).to.be.instanceOf(QuoineRequestError);
    }
    expect(server?.requests).to.have.length(0);
  });

  it('rejects a page body without page counters', async () => {
    const c = await serve({ 1: '{"models": []}' });
    let error: unknown;
    try {
      await c.executions.list({ productId: 5 });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(QuoineResponseError);
    expect((error as Error).message).to.match(/current_page and total_pages/);
  });

  describe('executions.all (the timestamp walk)', () => {
    /** Serves `/executions?timestamp=` from `trades`, oldest first, as the exchange does. */
    let servedUpTo = 0;
    async function serveTrades(trades: () => Array<{ id: number; at: number }>, limitCap = 1000): Promise<Quoine> {
      server = await startLoopbackServer((q) => {
        servedUpTo = trades().length;
        const p = query(q);
        const from = Number(p.get('timestamp'));
        const limit = Math.min(Number(p.get('limit')), limitCap);
        const batch = trades()
          .filter((t) => t.at >= from)
          .slice(0, limit);
        return json(
          `[${batch.map((t) => `{"id": ${t.id}, "quantity": "1", "price": "1", "taker_side": "sell", "created_at": ${t.at}}`).join(',')}]`,
        );
      });
      client = new Quoine({ baseUrl: server.url, rateLimit: false, maxRetries: 0 });
      return client;
    }

    it('walks forward by timestamp: trades arriving during the walk are neither skipped nor repeated', async () => {
      const trades: Array<{ id: number; at: number }> = [];
      for (let i = 1; i <= 2500; i++) trades.push({ id: i, at: 1_600_000_000 + Math.floor(i / 7) });
      const c = await serveTrades(() => trades);
      const seen: number[] = [];
      let arrived = 2500;
      for await (const e of c.executions.all({ productId: 5, since: 1_600_000_000 })) {
        seen.push(e.id);
        // New trades land in the same second as the newest one while we walk.
        if (seen.length % 400 === 0)
          trades.push({ id: ++arrived, at: (trades[trades.length - 1] as { at: number }).at });
      }
      // Everything that existed when the last batch was served, once each, in order.
      expect(arrived).to.be.greaterThan(2500);
      expect(seen).to.deep.equal(trades.slice(0, servedUpTo).map((t) => t.id));
      expect(servedUpTo).to.be.greaterThan(2500);
    });

    it('fails loudly rather than skip when one second holds more than a batch', async () => {
      const trades = Array.from({ length: 1001 }, (_, i) => ({ id: i + 1, at: 1_600_000_000 }));
      const c = await serveTrades(() => trades);
      let error: unknown;
      const seen: Execution[] = [];
      try {
        for await (const e of c.executions.all({ productId: 5, since: new Date(1_600_000_000_000) })) seen.push(e);
      } catch (e) {
        error = e;
      }
      expect(seen).to.have.length(1000);
      expect(error).to.be.instanceOf(QuoineResponseError);
      expect((error as Error).message).to.match(/more than 1000 executions at Unix second 1600000000/);
    });
  });
});
