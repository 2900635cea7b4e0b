/**
 * The resume walk of newest-first lists, against an in-memory list: whatever sequence of killed
 * runs, interrupted runs and new rows (before and during runs) came before, a run that is let
 * finish leaves the file with every row of the list exactly once.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { resumeNewestFirst, type ListPage, type ResumeTarget } from '../../lib/cli/export/newest-first.js';

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
      stop: () => options.stopAfter !== undefined && pages >= options.stopAfter,
    });
  } catch (error) {
    if (!(error instanceof Killed)) throw error;
  }
  return requests;
}

describe('the resume walk of a newest-first list', () => {
  it('a finished run after any history of killed and interrupted runs and new rows holds every row once', async () => {
    const step = fc.record({
      arriving: fc.nat({ max: 30 }),
      killAfter: fc.option(fc.nat({ max: 40 }), { nil: undefined }),
      stopAfter: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      during: fc.dictionary(fc.integer({ min: 1, max: 6 }).map(String), fc.nat({ max: 12 }), { maxKeys: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 60 }),
        fc.array(step, { maxLength: 6 }),
        fc.dictionary(fc.integer({ min: 1, max: 5 }).map(String), fc.nat({ max: 12 }), { maxKeys: 2 }),
        async (initial, history, lastDuring) => {
          const list = new LiveList();
          const file = new FakeFile();
          list.add(initial);
          for (const s of history) {
            list.add(s.arriving);
            await run(list, file, {
              pageSize: 5,
              ...(s.killAfter === undefined ? {} : { killAfter: s.killAfter }),
              ...(s.stopAfter === undefined ? {} : { stopAfter: s.stopAfter }),
              arrivals: Object.fromEntries(Object.entries(s.during).map(([k, v]) => [Number(k), v])),
            });
          }
          await run(list, file, {
            pageSize: 5,
            arrivals: Object.fromEntries(Object.entries(lastDuring).map(([k, v]) => [Number(k), v])),
          });
          expect([...file.rows].sort((a, b) => a - b)).to.deep.equal(list.ids);
        },
      ),
      { numRuns: 300, seed: 20261207 },
    );
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
