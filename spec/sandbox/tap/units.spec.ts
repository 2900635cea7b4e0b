import { expect } from 'chai';
import {
  Decimal,
  type ExecutionRecord,
  type MyExecutionRecord,
  type OrderBookRecord,
} from '../../../lib/sandbox/exchange/index.js';
import { ExecutionJoin } from '../../../lib/sandbox/tap/execution-join.js';
import { MarketChanges } from '../../../lib/sandbox/tap/market-changes.js';
import { isTapPath } from '../../../lib/sandbox/tap/upgrade.js';
import { makeExchange } from '../exchange/helpers.js';

function execution(id: number): ExecutionRecord {
  return {
    id,
    productId: 1,
    quantity: new Decimal('0.1'),
    price: new Decimal('100'),
    takerSide: 'buy',
    createdAt: 1,
    timestamp: 1,
  };
}

function side(id: number, mySide: 'buy' | 'sell', orderId: number): MyExecutionRecord {
  return { ...execution(id), mySide, orderId, clientOrderId: null, userId: 1 };
}

function book(buy: Array<[string, string]>, sell: Array<[string, string]> = []): OrderBookRecord {
  const levels = (rows: Array<[string, string]>) => rows.map(([p, q]) => [new Decimal(p), new Decimal(q)] as const);
  return { productId: 1, buyPriceLevels: levels(buy), sellPriceLevels: levels(sell), timestamp: 0 };
}

describe('sandbox tap: units', () => {
  describe('ExecutionJoin', () => {
    it('joins the execution with both sides whatever the order of arrival', () => {
      const orders = [
        [execution(1), side(1, 'buy', 10), side(1, 'sell', 20)],
        [side(1, 'sell', 20), execution(1), side(1, 'buy', 10)],
        [side(1, 'buy', 10), side(1, 'sell', 20), execution(1)],
      ] as const;
      for (const events of orders) {
        const join = new ExecutionJoin();
        const results = events.map((event) => ('mySide' in event ? join.side(event) : join.execution(event)));
        expect(results.slice(0, 2)).to.deep.equal([undefined, undefined]);
        expect(results[2]?.orders).to.deep.equal({ buyOrderId: 10, sellOrderId: 20 });
        expect(results[2]?.execution.id).to.equal(1);
      }
    });

    it('forgets the oldest incomplete match beyond its bound', () => {
      const join = new ExecutionJoin(2);
      join.execution(execution(1));
      join.execution(execution(2));
      join.execution(execution(3));
      join.side(side(1, 'buy', 10));
      expect(join.side(side(1, 'sell', 20))).to.equal(undefined);
      join.side(side(3, 'buy', 30));
      expect(join.side(side(3, 'sell', 40))?.orders).to.deep.equal({ buyOrderId: 30, sellOrderId: 40 });
    });
  });

  describe('MarketChanges', () => {
    it('reports a side as moved only when its first levels change, comparing decimals exactly', () => {
      const changes = new MarketChanges(2);
      changes.seed(
        [],
        [
          book([
            ['10', '1'],
            ['9', '1'],
          ]),
        ],
      );
      expect(
        changes.book(
          book([
            ['10.0', '1.00'],
            ['9', '1'],
          ]),
        ),
      ).to.deep.equal({ buy: false, sell: false });
      expect(
        changes.book(
          book([
            ['10', '1'],
            ['9', '1'],
            ['8', '5'],
          ]),
        ),
      ).to.deep.equal({ buy: false, sell: false });
      expect(
        changes.book(
          book([
            ['10', '1'],
            ['9', '1.5'],
          ]),
        ),
      ).to.deep.equal({ buy: true, sell: false });
      expect(
        changes.book(
          book(
            [
              ['10', '1'],
              ['9', '1.5'],
            ],
            [['11', '1']],
          ),
        ),
      ).to.deep.equal({ buy: false, sell: true });
      expect(changes.book(book([['10', '1']], [['11', '1']]))).to.deep.equal({ buy: true, sell: false });
    });

    it('reports a product as moved when a statistic changes', () => {
      const { exchange } = makeExchange();
      const changes = new MarketChanges(40);
      changes.seed(exchange.products(), []);
      expect(changes.product(exchange.product(1))).to.equal(false);
      const user = exchange.createUser({ USD: '100000' });
      exchange.createOrder(user, { orderType: 'limit', productId: 1, side: 'buy', quantity: '1', price: '9000' });
      expect(changes.product(exchange.product(1))).to.equal(true);
      expect(changes.product(exchange.product(1))).to.equal(false);
    });
  });

  describe('isTapPath', () => {
    it('accepts /app/<key> with any query, nothing else', () => {
      for (const path of [
        '/app/LiquidTapClient',
        '/app/LIQUID?protocol=7&client=js&version=8.6.0',
        '/app/x/',
        '/app/PythonClient?client=Pysher',
      ]) {
        expect(isTapPath(path), path).to.equal(true);
      }
      for (const path of [undefined, '/', '/app', '/app/', '/app/a/b', '/apps/x', '/app/?x=1', '//app/x']) {
        expect(isTapPath(path), String(path)).to.equal(false);
      }
    });
  });
});
