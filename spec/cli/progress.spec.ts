/** The export's progress model: it shows what is known and says when it does not know. */
import { expect } from 'chai';
import sinon from 'sinon';
import { formatSeconds, ProgressBar, ProgressModel, progressLine } from '../../lib/cli/export/progress.js';

describe('export progress', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: Date.parse('2026-11-01T00:00:00Z'), toFake: ['Date'] });
  });
  afterEach(() => clock.restore());

  it('does not know the share done or the ETA before it has anything to base them on, and says so', () => {
    const model = new ProgressModel(undefined);
    const view = model.observe({ rows: 0, requests: 0 });
    expect(view.percent).to.equal(undefined);
    expect(view.etaSeconds).to.equal(undefined);
    expect(progressLine('executions', view)).to.include('?%').and.include('ETA unknown').and.not.include('100%');
  });

  it('a time-span share (executions) gives a percentage but no ETA: how many rows are left is unknown', () => {
    const model = new ProgressModel({ requests: 300, intervalMs: 300_000 });
    clock.tick(1000);
    // 9,000 of 60,000 rows, evenly spread: 15 % of the time from the first row to the newest.
    const view = model.observe({ rows: 9000, requests: 9, done: 9000 / 60000 });
    expect(view.percent).to.equal(15);
    expect(view.etaSeconds).to.equal(undefined);
    expect(progressLine('executions', view, ' of the time span'))
      .to.include('15% of the time span')
      .and.include('ETA unknown');
  });

  it('never shows 100 % before the export has finished, and 100 % once it has', () => {
    const model = new ProgressModel(undefined);
    expect(model.observe({ rows: 10, requests: 1, done: 1 }).percent).to.equal(99);
    expect(model.observe({ rows: 10, requests: 1, done: 1.7 }).percent).to.equal(99);
    expect(model.observe({ rows: 10, requests: 1, done: -0.5 }).percent).to.equal(0);
    expect(model.observe({ rows: 10, requests: 1, done: Number.NaN }).percent).to.equal(undefined);
    expect(model.finished(10, 2).percent).to.equal(100);
  });

  it('bases the ETA on the observed time per request when the requests left are known', () => {
    const model = new ProgressModel(undefined);
    clock.tick(6000);
    const view = model.observe({ rows: 3000, requests: 3, done: 0.5, remainingRequests: 3 });
    expect(view.etaSeconds).to.equal(6);
    expect(progressLine('orders', view)).to.include('ETA ≤ 6s');
  });

  it('paces the ETA by the rate limit once its free budget is spent, however fast the exchange answers', () => {
    const model = new ProgressModel({ requests: 300, intervalMs: 300_000 });
    clock.tick(2000);
    // 100 made, 200 free in the window: the other 300 of 500 cost 1 s each at least.
    const view = model.observe({ rows: 100_000, requests: 100, done: 100 / 600, remainingRequests: 500 });
    expect(view.etaSeconds).to.equal(300);
    expect(formatSeconds(view.etaSeconds ?? 0)).to.equal('5m00s');
  });

  it('draws with a carriage return and no escape sequence, and ends its line', () => {
    const chunks: string[] = [];
    const stream = { write: (chunk: string) => chunks.push(chunk) } as unknown as NodeJS.WritableStream;
    const bar = new ProgressBar('orders', new ProgressModel(undefined), stream);
    bar.update({ rows: 1000, requests: 1, done: 0.5, remainingRequests: 1 });
    bar.finish(2000, 2);
    const text = chunks.join('');
    expect(text).not.to.match(/\u001b/);
    expect(text.startsWith('\r')).to.equal(true);
    expect(text.endsWith('\n')).to.equal(true);
    expect(text).to.include('100%').and.include('2000 rows');
  });
});
