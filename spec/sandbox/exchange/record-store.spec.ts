import { expect } from 'chai';
import { Decimal } from '../../../lib/sandbox/exchange/decimal.js';
import { BalanceHistory } from '../../../lib/sandbox/exchange/balance-history.js';
import { DecimalColumn } from '../../../lib/sandbox/exchange/decimal-column.js';
import { ExecutionTape } from '../../../lib/sandbox/exchange/execution-tape.js';
import { filteredList, listOf, newestFirst, sequenceList } from '../../../lib/sandbox/exchange/record-list.js';
import type {
  BalanceHistoryRecord,
  ExecutionRecord,
  MyExecutionRecord,
} from '../../../lib/sandbox/exchange/records.js';
import type { CreateOrderParams } from '../../../lib/sandbox/exchange/inputs.js';
import type { OrderRecord } from '../../../lib/sandbox/exchange/records.js';
import { BTCUSD, makeExchange } from './helpers.js';
import { Prng } from '../../../lib/sandbox/exchange/prng.js';
import { scaledOf } from '../../../lib/sandbox/exchange/units.js';

describe('sandbox exchange: compact records (issue 14)', () => {
  it('a decimal column gives back exactly what was stored, 15-digit coefficients and the rest alike', () => {
    const values = [
      '0',
      '0.001',
      '976382',
      '976382.5',
      '123456789012345',
      '0.000000000000001',
      '1234567890123456', // 16 digits: kept aside
      '0.12345678901234567891',
      '1e-99',
      '1e-120',
      '100000000000000000000000',
      '5e30',
    ];
    const column = new DecimalColumn(2);
    column.grow(values.length);
    values.forEach((value, row) => column.set(row, new Decimal(value)));
    column.set(values.length - 1, new Decimal('5e30')); // the same value twice in a row
    values.forEach((value, row) => expect(column.get(row).toFixed(), value).to.equal(new Decimal(value).toFixed()));
  });

  it('a decimal column keeps signed values exactly (balance history amounts), negative zero aside', () => {
    const values = ['-0.001', '-976382.5', '-123456789012345', '-1234567890123456', '-0', '0', '-1e-99', '-5e30'];
    const column = new DecimalColumn(1);
    column.grow(values.length);
    values.forEach((value, row) => column.set(row, new Decimal(value)));
    values.forEach((value, row) => {
      const stored = column.get(row);
      expect(stored.toFixed(), value).to.equal(new Decimal(value).toFixed());
      expect(stored.isNegative(), value).to.equal(new Decimal(value).isNegative());
    });
  });

  it('property: a decimal column gives back any value exactly, whatever its digits, scale and sign', () => {
    const prng = new Prng(3);
    const random = (below: number): number => Math.floor((prng.nextUint32() / 2 ** 32) * below);
    const values: Decimal[] = [];
    for (let i = 0; i < 5000; i++) {
      const digits = Array.from({ length: 1 + random(22) }, () => random(10)).join('');
      const zeros = '0'.repeat(random(4));
      const exponent = random(130) - 115;
      values.push(new Decimal(`${random(2) === 0 ? '-' : ''}${digits}${zeros}e${exponent}`));
    }
    const column = new DecimalColumn(1);
    column.grow(values.length);
    values.forEach((value, row) => column.set(row, value));
    values.forEach((value, row) => {
      const stored = column.get(row);
      expect([stored.toFixed(), stored.isNegative()], value.toFixed()).to.deep.equal([
        value.toFixed(),
        value.isNegative(),
      ]);
    });
  });

  it('a balance history gives back every entry as appended, money exact, strings from the shared tables', () => {
    const prng = new Prng(11);
    const history = new BalanceHistory(3001);
    const plain: BalanceHistoryRecord[] = [];
    const actions = ['deposit', 'trade', 'fee', 'withdrawal'] as const;
    let balance = new Decimal(0);
    for (let i = 0; i < 1000; i++) {
      const random = (): number => prng.nextUint32() / 2 ** 32;
      const amount = new Decimal(Math.floor(random() * 2e6) - 1e6).div(i % 7 === 0 ? '1e25' : 1000);
      balance = balance.plus(amount);
      const record: BalanceHistoryRecord = {
        id: 9_000_001 + i,
        userId: 3001,
        currency: i % 3 === 0 ? 'JPY' : 'BTC',
        amount,
        sourceAction: actions[i % actions.length] as (typeof actions)[number],
        sourceObjectType: i % 2 === 0 ? 'Execution' : 'Deposit',
        sourceObjectId: 500_001 + i,
        timestamp: 1_700_000_000 + Math.floor(i / 3) / 1000, // a mutation's changes share their time
        balance,
      };
      const [amountUnits, amountScale] = scaledOf(amount)!;
      const [balanceUnits, balanceScale] = scaledOf(balance)!;
      history.appendUnits(
        record.id,
        record.currency,
        record.sourceAction,
        record.sourceObjectType,
        record.sourceObjectId,
        record.timestamp,
        amountUnits,
        amountScale,
        balanceUnits,
        balanceScale,
      );
      plain.push(record);
    }
    expect(history.length).to.equal(plain.length);
    const text = (r: BalanceHistoryRecord): object => ({
      ...r,
      amount: r.amount.toFixed(),
      balance: r.balance.toFixed(),
    });
    plain.forEach((record, row) => {
      expect(text(history.at(row))).to.deep.equal(text(record));
      const { amount: _amount, balance: _balance, userId: _userId, ...entry } = record;
      expect(history.entry(row)).to.deep.equal(entry);
    });
  });

  it("a user's and an order's executions, kept as fills, page newest first like the order's own list", () => {
    const { exchange, clock } = makeExchange();
    const maker = exchange.createUser({ BTC: '10' });
    const taker = exchange.createUser({ USD: '1000000' });
    const other = exchange.createUser({ USD: '1000000' });
    for (let i = 0; i < 30; i++) {
      clock.advance(250);
      const price = String(10000 + (i % 4));
      exchange.createOrder(maker, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '0.002', price });
    }
    const big = exchange.createOrder(taker, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.041',
      price: '10003',
      clientOrderId: 'sweep-1',
    });
    clock.advance(1000);
    exchange.createOrder(other, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.009',
      price: '10003',
    });
    const plain = (list: readonly MyExecutionRecord[]): object[] =>
      list.map((e) => ({ ...e, quantity: e.quantity.toFixed(), price: e.price.toFixed() }));
    const oldestFirst = exchange.order(taker, big.id).executions;
    expect(oldestFirst).to.have.length(21);
    expect(
      oldestFirst.every((e) => e.orderId === big.id && e.clientOrderId === 'sweep-1' && e.mySide === 'buy'),
    ).to.equal(true);
    const newest = [...oldestFirst].reverse();
    const list = exchange.orderExecutionList(taker, big.id);
    expect(list.length).to.equal(21);
    for (const [start, end] of [
      [0, 5],
      [5, 10],
      [20, 30],
      [-3, undefined],
      [3, 2],
    ] as const)
      expect(plain(list.slice(start, end)), `${start}..${end}`).to.deep.equal(plain(newest.slice(start, end)));
    expect(plain(exchange.myExecutionList(taker, BTCUSD).slice())).to.deep.equal(plain(newest));
    const makerFills = exchange.myExecutions(maker, BTCUSD);
    expect(makerFills).to.have.length(21 + 5);
    const publicById = new Map(exchange.executions(BTCUSD).map((e) => [e.id, e]));
    for (const fill of makerFills) {
      const execution = publicById.get(fill.id) as ExecutionRecord;
      expect(fill.mySide).to.equal('sell');
      expect([fill.price.toFixed(), fill.quantity.toFixed(), fill.createdAt]).to.deep.equal([
        execution.price.toFixed(),
        execution.quantity.toFixed(),
        execution.createdAt,
      ]);
      const order = exchange.order(maker, fill.orderId);
      expect(plain(order.executions.filter((e) => e.id === fill.id))).to.deep.equal(plain([fill]));
    }
  });

  it('a finished order, moved into columns, reads back as the record it had when it finished', () => {
    const { exchange, clock } = makeExchange();
    const maker = exchange.createUser({ BTC: '10', USD: '1000000' });
    const bob = exchange.createUser({ USD: '1000000', BTC: '5' });
    const seen = new Map<number, OrderRecord>();
    exchange.on('order', (record) => seen.set(record.id, record));
    const place = (userId: number, params: CreateOrderParams): OrderRecord => {
      clock.advance(1234);
      return exchange.createOrder(userId, params);
    };
    place(maker, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '0.3', price: '10000.5' });
    place(maker, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '0.7', price: '10001' });
    place(bob, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.4',
      price: '10001',
      clientOrderId: 'b-1',
    });
    place(bob, {
      orderType: 'market',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.25',
      leverageLevel: 10,
      orderDirection: 'one_direction',
      takeProfit: '12000',
      stopLoss: '9000',
    });
    place(bob, { orderType: 'market_with_range', productId: BTCUSD, side: 'buy', quantity: '0.01', priceRange: '5' });
    const stop = place(bob, { orderType: 'stop', productId: BTCUSD, side: 'buy', quantity: '0.01', price: '10001' });
    place(bob, {
      orderType: 'trailing_stop',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.01',
      price: '1',
      trailingStopType: 'percentage',
      trailingStopValue: '5',
    });
    const resting = place(maker, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.05',
      price: '9000',
    });
    clock.advance(500);
    exchange.cancelOrder(maker, resting.id);
    place(maker, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '1', price: '10001' });
    place(maker, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '0.2', price: '9990' });
    const [trade] = exchange.trades(bob, { status: 'open' });
    expect(trade).to.not.equal(undefined);
    exchange.closeTrade(bob, trade?.id ?? 0, '0.1');
    const plain = (record: OrderRecord): string =>
      JSON.stringify(record, (_key, value: unknown) => (value instanceof Decimal ? `D${value.toFixed()}` : value));
    expect(seen.size).to.be.greaterThan(8);
    let finished = 0;
    for (const [id, record] of seen) {
      const now = exchange.order(record.userId, id);
      if (now.status === 'filled' || now.status === 'cancelled') finished += 1;
      expect(plain(now), `order ${id}`).to.equal(plain(record));
    }
    expect(finished).to.be.greaterThan(6);
    expect(exchange.order(bob, stop.id).orderType).to.equal('stop');
    expect(exchange.orderByClientId(bob, 'b-1').clientOrderId).to.equal('b-1');
    expect(exchange.orders(bob).map((order) => order.id)).to.deep.equal(
      [...seen.values()]
        .filter((order) => order.userId === bob)
        .map((order) => order.id)
        .sort((a, b) => b - a),
    );
    const all = exchange.orders(bob).map(plain);
    for (const filter of [
      { status: 'filled' },
      { status: 'live' },
      { side: 'buy' },
      { tradingType: 'margin' },
    ] as const)
      expect(exchange.orders(bob, filter).map(plain), JSON.stringify(filter)).to.deep.equal(
        exchange
          .orders(bob)
          .filter((order) => Object.entries(filter).every(([key, value]) => order[key as keyof OrderRecord] === value))
          .map(plain),
      );
    expect(all.length).to.be.greaterThan(4);
    expect(exchange.auditReservations()).to.deep.equal([]);
  });

  it('a tape answers rows, timestamp searches and window statistics as a plain list of records does', () => {
    const prng = new Prng(7);
    const tape = new ExecutionTape(5);
    const plain: ExecutionRecord[] = [];
    let seconds = 1_700_000_000;
    for (let i = 0; i < 3000; i++) {
      seconds += Math.floor((prng.nextUint32() / 2 ** 32) * 3) / 4; // repeated times too
      const record: ExecutionRecord = {
        id: 500_001 + i,
        productId: 5,
        quantity: new Decimal(Math.ceil((prng.nextUint32() / 2 ** 32) * 5000)).div(1000),
        price: new Decimal(976_000 + Math.floor((prng.nextUint32() / 2 ** 32) * 1000)).div(i % 3 === 0 ? 10 : 1),
        takerSide: prng.nextUint32() / 2 ** 32 < 0.5 ? 'buy' : 'sell',
        createdAt: seconds,
        timestamp: seconds,
      };
      tape.append(record);
      plain.push(record);
    }
    const same = (a: ExecutionRecord, b: ExecutionRecord): void => {
      expect({ ...a, quantity: a.quantity.toFixed(), price: a.price.toFixed() }).to.deep.equal({
        ...b,
        quantity: b.quantity.toFixed(),
        price: b.price.toFixed(),
      });
    };
    plain.forEach((record, row) => same(tape.at(row), record));
    for (const probe of [0, 1, 700, 1023, 1024, 1025, 2047, 2999, 3000]) {
      const at = plain[Math.min(probe, plain.length - 1)]?.createdAt as number;
      expect(tape.firstAtOrAfter(at)).to.equal(plain.findIndex((record) => record.createdAt >= at));
      expect(tape.firstAfter(at)).to.equal(
        plain.findIndex((record) => record.createdAt > at) === -1
          ? plain.length
          : plain.findIndex((record) => record.createdAt > at),
      );
      const start = Math.min(probe, plain.length);
      const rest = plain.slice(start);
      const statistics = tape.statisticsFrom(start);
      expect(statistics.volume.toFixed()).to.equal(
        rest.reduce((sum, record) => sum.plus(record.quantity), new Decimal(0)).toFixed(),
      );
      expect(statistics.low?.toFixed() ?? null).to.equal(
        rest.length === 0 ? null : Decimal.min(...rest.map((record) => record.price)).toFixed(),
      );
      expect(statistics.high?.toFixed() ?? null).to.equal(
        rest.length === 0 ? null : Decimal.max(...rest.map((record) => record.price)).toFixed(),
      );
    }
    expect(tape.lastPrice).to.equal(plain.at(-1)?.price);
    expect(tape.byteLength / tape.length).to.be.at.most(2 * 43);
  });

  it('record lists slice as arrays do, filtered or not, built only for the part taken', () => {
    const stored = Array.from({ length: 25 }, (_, i) => i);
    const reference = [...stored].reverse();
    const built: number[] = [];
    const record = (item: number): string => {
      built.push(item);
      return `#${item}`;
    };
    const odd = (item: number): boolean => item % 2 === 1;
    const cases: ReadonlyArray<readonly [number?, number?]> = [[], [0, 10], [10, 20], [20, 40], [-5], [3, -3], [30]];
    for (const [start, end] of cases) {
      expect(newestFirst(stored, record).slice(start, end)).to.deep.equal(
        reference.slice(start, end).map((item) => `#${item}`),
      );
      expect(newestFirst(stored, record, odd).slice(start, end)).to.deep.equal(
        reference
          .filter(odd)
          .slice(start, end)
          .map((item) => `#${item}`),
      );
      expect(sequenceList(() => reference.filter(odd), record).slice(start, end)).to.deep.equal(
        reference
          .filter(odd)
          .slice(start, end)
          .map((item) => `#${item}`),
      );
      expect(filteredList(stored.length, (i) => stored[i] as number, record, odd).slice(start, end)).to.deep.equal(
        stored
          .filter(odd)
          .slice(start, end)
          .map((item) => `#${item}`),
      );
    }
    expect(newestFirst(stored, record, odd).length).to.equal(12);
    expect(listOf(3, String).slice()).to.deep.equal(['0', '1', '2']);
    built.length = 0;
    newestFirst(stored, record).slice(0, 2);
    expect(built).to.deep.equal([24, 23]);
  });
});
