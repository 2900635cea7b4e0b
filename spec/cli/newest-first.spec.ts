/**
 * The resume walk of newest-first lists, against an in-memory list: whatever sequence of killed
 * runs, interrupted runs and new rows (before and during runs) came before, a run that is let
 * finish leaves the file with every row of the list exactly once.
 *
 * The properties run from a fixed seed, so a run is reproducible; `FC_SEED=<n>` explores another.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { resumeNewestFirst, type ListPage, type ResumeTarget } from '../../lib/cli/export/newest-first.js';
import { SEED } from '../helpers/property-runs.js';

interface Item {
  readonly id: number;
}

/** A list that grows at its top, served newest first in pages of `served` items. */
class LiveList {
  readonly ids: number[] = [];
  #next = 1;
  add(n: number): void {
    for (let i = 0; i < n; i++) this.ids.push(this.#next++);
  }
  page(number: number, served: number): ListPage<Item> {
    const newestFirst = [...this.ids].reverse();
    return {
      models: newestFirst.slice((number - 1) * served, number * served).map((id) => ({ id })),
      currentPage: number,
      totalPages: Math.max(1, Math.ceil(newestFirst.length / served)),
    };
  }
}

class Killed extends Error {}

/** A file: ids in write order; a write of an id already there fails the spec. */
class FakeFile {
  readonly rows: number[] = [];
  target(killAfter = Number.POSITIVE_INFINITY): ResumeTarget<Item> {
    const ids = new Set(this.rows);
    const oldest = this.rows.length === 0 ? undefined : String(Math.min(...this.rows));
    let writes = 0;
    return {
      has: (id) => ids.has(id),
      write: (item) => {
        if (writes++ >= killAfter) throw new Killed();
        expect(ids.has(item.id), `row ${item.id} written twice`).to.equal(false);
        ids.add(item.id);
        this.rows.push(item.id);
      },
      count: ids.size,
      oldestId: oldest,
    };
  }
}

/** One run: killed after `killAfter` writes or stopped after `stopAfter` pages; `arrivals[n]` rows arrive before request n. */
async function run(
  list: LiveList,
  file: FakeFile,
  options: {
    pageSize: number;
    served?: number;
    killAfter?: number;
    stopAfter?: number;
    arrivals?: Record<number, number>;
    /** Rows older than this id are out of range (`--since`). */
    since?: number;
  },
): Promise<number> {
  let requests = 0;
  let pages = 0;
  try {
    await resumeNewestFirst(file.target(options.killAfter), {
      fetch: async (page) => {
        requests++;
        list.add(options.arrivals?.[requests] ?? 0);
        pages++;
        return list.page(page, options.served ?? options.pageSize);
      },
      path: '/orders',
      pageSize: options.pageSize,
      ...(options.since === undefined ? {} : { tooOld: (item: Item) => item.id < (options.since as number) }),
      stop: () => options.stopAfter !== undefined && pages >= options.stopAfter,
    });
  } catch (error) {
    if (!(error instanceof Killed)) throw error;
  }
  return requests;
}

describe('the resume walk of a newest-first list', () => {
  it('a finished run after any history of killed and interrupted runs and new rows holds every row once (property)', async () => {
    // Up to 25 rows arrive before a request: more than two pages of 5 between two reads.
    const arrivals = fc.dictionary(fc.integer({ min: 1, max: 8 }).map(String), fc.nat({ max: 25 }), { maxKeys: 4 });
    const step = fc.record({
      arriving: fc.nat({ max: 30 }),
      killAfter: fc.option(fc.nat({ max: 40 }), { nil: undefined }),
      stopAfter: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      during: arrivals,
    });
    const byRequest = (during: Record<string, number>): Record<number, number> =>
      Object.fromEntries(Object.entries(during).map(([k, v]) => [Number(k), v]));
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 60 }),
        fc.array(step, { maxLength: 6 }),
        arrivals,
        // The size the exchange serves (5 is the size asked for), and a `--since` bound.
        fc.constantFrom(5, 5, 5, 3, 7),
        fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        async (initial, history, lastDuring, served, since) => {
          const list = new LiveList();
          const file = new FakeFile();
          list.add(initial);
          const range = since === undefined ? {} : { since };
          for (const s of history) {
            list.add(s.arriving);
            await run(list, file, {
              pageSize: 5,
              served,
              ...range,
              ...(s.killAfter === undefined ? {} : { killAfter: s.killAfter }),
              ...(s.stopAfter === undefined ? {} : { stopAfter: s.stopAfter }),
              arrivals: byRequest(s.during),
            });
          }
          await run(list, file, { pageSize: 5, served, ...range, arrivals: byRequest(lastDuring) });
          expect([...file.rows].sort((a, b) => a - b)).to.deep.equal(list.ids.filter((id) => id >= (since ?? 0)));
        },
      ),
      // The first example: an empty list, then 6 rows before the second request and 1 before the third.
      { seed: SEED, numRuns: 1000, examples: [[0, [], { '2': 6, '3': 1 }, 5, undefined]] },
    );
  });

  it('writes the rows below one its catch-up wrote and the arrivals pushed onto its next page', async () => {
    // Page 1 is empty; 6 rows arrive, the catch-up writes 6..2 from page 1; 1 more arrives before
    // page 2, which then holds 2 (written, pushed down) and 1 (never seen). Stopping at the first
    // known row lost row 1.
    const list = new LiveList();
    const file = new FakeFile();
    await run(list, file, { pageSize: 5, arrivals: { 2: 6, 3: 1 } });
    expect([...file.rows].sort((a, b) => a - b)).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
  });

  it('fills a gap that a burst of arrivals left between two pages of the first pass', async () => {
    // 10 rows in the file; 20 new ones; 12 more arrive before page 2 is read, so page 2 holds
    // the oldest of the burst and page 1's rows below are pushed past it.
    const list = new LiveList();
    const file = new FakeFile();
    list.add(10);
    await run(list, file, { pageSize: 5 });
    list.add(20);
    await run(list, file, { pageSize: 5, arrivals: { 2: 12, 4: 12 } });
    expect([...file.rows].sort((a, b) => a - b)).to.deep.equal(list.ids);
  });

  it("reads only the new rows, the page of the file's oldest row and the top again when the file is unbroken", async () => {
    const list = new LiveList();
    const file = new FakeFile();
    list.add(2500);
    await run(list, file, { pageSize: 1000 });
    list.add(7);
    const requests = await run(list, file, { pageSize: 1000 });
    expect(requests).to.equal(3); // page 1 (7 new, then the file's newest), page 3 (its oldest), page 1 again (nothing new)
    expect(file.rows).to.have.length(2507);
  });

  it('still jumps over the file when a burst of arrivals pushes rows it wrote onto its next pages', async () => {
    const list = new LiveList();
    const file = new FakeFile();
    list.add(200);
    await run(list, file, { pageSize: 5 });
    list.add(7);
    // 12 rows arrive before page 2: pages 2 and 3 show the burst's oldest and rows page 1 wrote.
    // Those are stepped over, not taken for the file's newest (200, on page 4).
    const requests = await run(list, file, { pageSize: 5, arrivals: { 2: 12 } });
    // Pages 1-4, page 44 (the file's oldest), then the catch-up: pages 1-3 down to 207 (the
    // newest row of the first read of page 1), and page 1 again (nothing new).
    expect(requests).to.equal(9);
    expect([...file.rows].sort((a, b) => a - b)).to.deep.equal(list.ids);
  });

  it('walks every page when an interrupted run left a gap, and still writes each row once', async () => {
    const list = new LiveList();
    const file = new FakeFile();
    list.add(2500);
    await run(list, file, { pageSize: 1000, killAfter: 1500 });
    list.add(30);
    await run(list, file, { pageSize: 1000, killAfter: 10 });
    list.add(5);
    await run(list, file, { pageSize: 1000 });
    expect([...file.rows].sort((a, b) => a - b)).to.deep.equal(list.ids);
  });

  it('does not trust its index arithmetic when the exchange serves pages of another size', async () => {
    const list = new LiveList();
    const file = new FakeFile();
    list.add(300);
    await run(list, file, { pageSize: 100, served: 40, killAfter: 150 });
    list.add(9);
    await run(list, file, { pageSize: 100, served: 40 });
    expect([...file.rows].sort((a, b) => a - b)).to.deep.equal(list.ids);
  });
});
