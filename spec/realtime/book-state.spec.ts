import { expect } from 'chai';
import fc from 'fast-check';
import { QDecimal } from '../../lib/core/decimal.js';
import { PriceLevel } from '../../lib/entities/price-level.js';
import { toLevels, toLevelTexts } from '../../lib/entities/levels.js';
import { BookState, replaceWithTexts } from '../../lib/realtime/book-state.js';
import { runs } from '../helpers/property-runs.js';

const levels = (...pairs: Array<[string, string]>): PriceLevel[] =>
  pairs.map(([p, q]) => new PriceLevel(new QDecimal(p), new QDecimal(q)));
const shown = (ls: readonly PriceLevel[]): string[][] => ls.map((l) => [l.price.toFixed(), l.quantity.toFixed()]);

describe('realtime: order-book maths (BookState)', () => {
  it('a side is replaced whole, never merged', () => {
    const book = new BookState();
    book.replace('sell', levels(['101', '1'], ['102', '2'], ['103', '3']));
    book.replace('sell', levels(['105', '5']));
    expect(shown(book.asks)).to.deep.equal([['105', '5']]);
    expect(book.bids).to.deep.equal([]);
  });

  it('sorts best first by decimal value, not by string (9.5 < 10, 100 > 99.99)', () => {
    const book = new BookState();
    book.replace('sell', levels(['10', '1'], ['9.5', '1'], ['10.00000000000000000001', '1']));
    book.replace('buy', levels(['99.99', '1'], ['100', '1'], ['9', '1']));
    expect(shown(book.asks).map(([p]) => p)).to.deep.equal(['9.5', '10', '10.00000000000000000001']);
    expect(shown(book.bids).map(([p]) => p)).to.deep.equal(['100', '99.99', '9']);
  });

  it('drops zero quantities however they are written', () => {
    const book = new BookState();
    book.replace('buy', levels(['100', '0.00000000'], ['99', '0'], ['98', '0.5']));
    expect(shown(book.bids)).to.deep.equal([['98', '0.5']]);
  });

  it('best bid, best ask, spread and mid price, exact', () => {
    const book = new BookState();
    expect(book.spread).to.equal(null);
    expect(book.bestBid).to.equal(null);
    book.replace('buy', levels(['976350.1', '0.5'], ['976300', '2']));
    book.replace('sell', levels(['976382.3', '0.01'], ['976400', '1']));
    expect(book.bestBid?.price.toFixed()).to.equal('976350.1');
    expect(book.bestAsk?.price.toFixed()).to.equal('976382.3');
    expect(book.spread?.toFixed()).to.equal('32.2');
    expect(book.midPrice?.toFixed()).to.equal('976366.2');
    expect(book.crossed).to.equal(false);
  });

  it('flags a crossed book when best bid ≥ best ask (equal counts), compared as decimals', () => {
    const book = new BookState();
    book.replace('buy', levels(['100.0', '1']));
    book.replace('sell', levels(['100', '1']));
    expect(book.crossed).to.equal(true);
    expect(book.spread?.toFixed()).to.equal('0');
    book.replace('sell', levels(['100.00000000000000000001', '1']));
    expect(book.crossed).to.equal(false);
    book.replace('buy', levels(['100.1', '1']));
    expect(book.crossed).to.equal(true);
  });

  it('depth(side, n) and quantities up to a price', () => {
    const book = new BookState();
    book.replace('sell', levels(['101', '0.1'], ['102', '0.2'], ['103', '0.30000000000000000001']));
    book.replace('buy', levels(['100', '1'], ['99', '2'], ['98', '3']));
    expect(shown(book.depth('sell', 2))).to.deep.equal([
      ['101', '0.1'],
      ['102', '0.2'],
    ]);
    expect(book.depth('buy', 10)).to.have.length(3);
    expect(book.depth('buy', 0)).to.deep.equal([]);
    expect(book.quantityUpTo('sell', '102').toFixed()).to.equal('0.3'); // 0.1 + 0.2 exactly
    expect(book.quantityUpTo('sell', '1000').toFixed()).to.equal('0.60000000000000000001');
    expect(book.quantityUpTo('sell', '100.99').toFixed()).to.equal('0');
    expect(book.quantityUpTo('buy', '99').toFixed()).to.equal('3');
    expect(book.quantityUpTo('buy', new QDecimal('98.5')).toFixed()).to.equal('3');
    expect(book.totalQuantity('buy').toFixed()).to.equal('6');
    expect(book.totalQuantity('sell', 1).toFixed()).to.equal('0.1');
    expect(() => book.quantityUpTo('sell', 'abc')).to.throw(/price/);
  });

  describe('a side kept as the texts of a stream message (what LiveOrderBook does)', () => {
    const texts = (...pairs: Array<[string, string]>): ReturnType<typeof toLevelTexts> => toLevelTexts(pairs);

    it('sorts best first by decimal value, also where doubles cannot tell prices apart', () => {
      const book = new BookState();
      replaceWithTexts(book, 'sell', texts(['10.00000000000000000001', '1'], ['10', '1'], ['9.5', '1']));
      replaceWithTexts(book, 'buy', texts(['99.99', '1'], ['100', '1'], ['100.00000000000000000001', '1']));
      expect(shown(book.asks).map(([p]) => p)).to.deep.equal(['9.5', '10', '10.00000000000000000001']);
      expect(shown(book.bids).map(([p]) => p)).to.deep.equal(['100.00000000000000000001', '100', '99.99']);
    });

    it('keeps a sorted side in the order sent, drops zero and negative quantities however written', () => {
      const book = new BookState();
      replaceWithTexts(
        book,
        'buy',
        texts(['100', '0.00000000'], ['99', '0'], ['98.50', '0.5'], ['97', '-1'], ['96', '1e-8']),
      );
      expect(shown(book.bids)).to.deep.equal([
        ['98.5', '0.5'],
        ['96', '0.00000001'],
      ]);
    });

    it('builds the best level alone, the same object the side holds once it is read whole', () => {
      const book = new BookState();
      replaceWithTexts(book, 'sell', texts(['976382.3', '0.01'], ['976400', '1']));
      const best = book.bestAsk;
      expect(best?.price.toFixed()).to.equal('976382.3');
      expect(book.asks[0]).to.equal(best);
      expect(book.asks[1]).to.deep.equal(new PriceLevel(new QDecimal('976400'), new QDecimal('1')));
    });

    it('refuses exactly what the PriceLevel decoder refuses, with the same message', () => {
      for (const bad of [
        'x',
        [['1']],
        [['1', '2'], '3'],
        [['1.', '2']],
        [['1', 2]],
        [['1e200', '1']],
        [['1', '1'.repeat(101)]],
        [['0x10', '1']],
        [[null, '1']],
      ]) {
        const message = (f: () => unknown): string => {
          try {
            f();
          } catch (e) {
            return (e as Error).message;
          }
          return 'accepted';
        };
        expect(
          message(() => toLevelTexts(bad)),
          JSON.stringify(bad),
        ).to.equal(message(() => toLevels(bad)));
        expect(
          message(() => toLevels(bad)),
          JSON.stringify(bad),
        ).to.not.equal('accepted');
      }
    });

    it('orders and crosses as decimals do, prices of one shape and of several, leading zeros and signs (property)', () => {
      const digits = (n: number): fc.Arbitrary<string> =>
        fc.array(fc.constantFrom('0', '1', '5', '9'), { minLength: n, maxLength: n }).map((d) => d.join(''));
      // Integer parts of 1–3 digits and fractions of 0–2: many prices share a shape, some do not.
      const price = fc
        .tuple(fc.constantFrom('', '', '', '-'), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 2 }))
        .chain(([sign, int, fraction]) =>
          fc.tuple(digits(int), digits(fraction)).map(([i, f]) => `${sign}${i}${fraction > 0 ? `.${f}` : ''}`),
        );
      const side = fc.array(
        price.map((p): [string, string] => [p, '1']),
        { maxLength: 8 },
      );
      fc.assert(
        fc.property(side, side, (bids, asks) => {
          const byTexts = new BookState();
          const byLevels = new BookState();
          replaceWithTexts(byTexts, 'buy', texts(...bids));
          replaceWithTexts(byTexts, 'sell', texts(...asks));
          byLevels.replace('buy', levels(...bids));
          byLevels.replace('sell', levels(...asks));
          expect(shown(byTexts.bids)).to.deep.equal(shown(byLevels.bids));
          expect(shown(byTexts.asks)).to.deep.equal(shown(byLevels.asks));
          expect(byTexts.crossed).to.equal(byLevels.crossed);
        }),
        runs(2000),
      );
    });

    it('flags crossed exactly, texts against texts and texts against levels', () => {
      const book = new BookState();
      replaceWithTexts(book, 'buy', texts(['100.0', '1']));
      replaceWithTexts(book, 'sell', texts(['100', '1']));
      expect(book.crossed).to.equal(true);
      replaceWithTexts(book, 'sell', texts(['100.00000000000000000001', '1']));
      expect(book.crossed).to.equal(false);
      book.replace('buy', levels(['100.00000000000000000001', '1']));
      expect(book.crossed).to.equal(true);
      replaceWithTexts(book, 'sell', texts());
      expect(book.crossed).to.equal(false);
      expect(book.bestAsk).to.equal(null);
    });
  });
});
