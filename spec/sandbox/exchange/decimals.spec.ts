// Issue 11: over-long decimals must neither hang the matching engine nor bloat the book. Inputs
// are bounded (length, the base currency's precision, the product's tick size) and matching
// terminates by construction whatever quantities are stored.
import { expect } from 'chai';
import { Decimal } from '../../../lib/sandbox/exchange/index.js';
import { BTCUSD, ETHBTC, makeExchange, refusal, text, totalsText } from './helpers.js';
import { guardExecutions, type ExecutionGuard } from './runaway.js';

const LONG_QUANTITY = `0.001${'0'.repeat(196)}1`; // 200 significant digits
const HUGE_PRICE = `10000.${'0'.repeat(500_000)}1`; // inside the ±50 % band, 500,006 characters

describe('sandbox exchange: decimal inputs are bounded (issue 11)', () => {
  let guard: ExecutionGuard;
  beforeEach(() => {
    guard = guardExecutions();
  });
  afterEach(() => guard.restore());

  function setup() {
    const { exchange, clock } = makeExchange();
    const maker = exchange.createUser({ USD: '1000000', BTC: '100', ETH: '1000' });
    const taker = exchange.createUser({ USD: '1000000', BTC: '100', ETH: '1000' });
    return { exchange, clock, maker, taker };
  }

  it('refuses a 200-digit quantity against a resting order at once, and leaves the ledger as it was', () => {
    const { exchange, maker, taker } = setup();
    exchange.createOrder(maker, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '1', price: '10000' });
    const before = totalsText(exchange);
    const refused = refusal(() =>
      exchange.createOrder(taker, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'buy',
        quantity: LONG_QUANTITY,
        price: '10000',
      }),
    );
    expect(refused).to.include({ status: 422, field: 'quantity', code: 'too_long' });
    expect(guard.count()).to.equal(0);
    expect(totalsText(exchange)).to.deep.equal(before);
    expect(text(exchange.account(taker, 'USD').reservedBalance)).to.equal('0');
  });

  it('refuses a 500,000-digit price (text or Decimal) before it reaches the book', () => {
    const { exchange, maker } = setup();
    for (const price of [HUGE_PRICE, new Decimal(HUGE_PRICE)]) {
      const refused = refusal(() =>
        exchange.createOrder(maker, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '1', price }),
      );
      expect(refused).to.include({ status: 422, field: 'price', code: 'too_long' });
    }
    expect(exchange.orderBook(BTCUSD, { full: true }).sellPriceLevels).to.deep.equal([]);
  });

  it('bounds every decimal input at 32 characters, the same way for loan bids and withdrawals', () => {
    const { exchange, maker } = setup();
    const longest = `1${'0'.repeat(22)}.12345678`; // 32 characters: accepted as a decimal
    expect(
      refusal(() =>
        exchange.createOrder(maker, {
          orderType: 'limit',
          productId: BTCUSD,
          side: 'sell',
          quantity: longest,
          price: '10000',
        }),
      ),
    ).to.include({ field: 'user', code: 'not_enough_free_balance' });
    expect(
      refusal(() =>
        exchange.createOrder(maker, {
          orderType: 'limit',
          productId: BTCUSD,
          side: 'sell',
          quantity: `${longest}1`,
          price: '10000',
        }),
      ),
    ).to.include({ status: 422, field: 'quantity', code: 'too_long' });
    expect(
      refusal(() => exchange.createLoanBid(maker, { currency: 'USD', quantity: '100', rate: `0.${'0'.repeat(40)}1` })),
    ).to.include({ status: 422, field: 'rate', code: 'too_long' });
    expect(
      refusal(() =>
        exchange.createCryptoWithdrawal(maker, { currency: 'BTC', address: 'addr', amount: new Decimal('1e-40') }),
      ),
    ).to.include({ status: 422, field: 'amount', code: 'too_long' });
  });

  it('bounds the free text a withdrawal stores at 255 characters', () => {
    const { exchange, maker } = setup();
    const long = 'x'.repeat(256);
    for (const [field, params] of [
      ['address', { address: long }],
      ['payment_id', { address: 'addr', paymentId: long }],
      ['memo_type', { address: 'addr', memoType: long }],
      ['memo_value', { address: 'addr', memoValue: long }],
    ] as const) {
      expect(
        refusal(() => exchange.createCryptoWithdrawal(maker, { currency: 'BTC', amount: '0.01', ...params })),
        field,
      ).to.include({ status: 422, field, code: 'too_long' });
    }
    expect(
      exchange.createCryptoWithdrawal(maker, { currency: 'BTC', amount: '0.01', address: 'y'.repeat(255) }).address,
    ).to.have.length(255);
  });

  it("refuses quantities finer than the base currency's precision (default 8, or the catalogue's assets_precision)", () => {
    const { exchange, maker } = setup();
    expect(
      refusal(() =>
        exchange.createOrder(maker, {
          orderType: 'limit',
          productId: BTCUSD,
          side: 'sell',
          quantity: '0.123456789',
          price: '10000',
        }),
      ),
    ).to.include({ status: 422, field: 'quantity', code: 'invalid_precision' });
    // Trailing zeros are not places: 0.1234567800 is 0.12345678.
    const placed = exchange.createOrder(maker, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.1234567800',
      price: '10000',
    });
    expect(text(placed.quantity)).to.equal('0.12345678');

    const coarse = makeExchange({
      currencies: [
        { currency: 'USD', currencyType: 'fiat' },
        { currency: 'BTC', currencyType: 'crypto', assetsPrecision: 3 },
      ],
    }).exchange;
    const user = coarse.createUser({ BTC: '10' });
    expect(
      refusal(() =>
        coarse.createOrder(user, {
          orderType: 'limit',
          productId: BTCUSD,
          side: 'sell',
          quantity: '0.0015',
          price: '10000',
        }),
      ),
    ).to.include({ status: 422, field: 'quantity', code: 'invalid_precision' });
    expect(
      coarse.createOrder(user, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'sell',
        quantity: '0.002',
        price: '10000',
      }).status,
    ).to.equal('live');
  });

  it("refuses a closed_quantity finer than the base currency's precision", () => {
    const { exchange, maker, taker } = setup();
    exchange.createOrder(maker, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '1', price: '10000' });
    exchange.createOrder(maker, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '1', price: '9990' });
    const order = exchange.createOrder(taker, {
      orderType: 'market',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.5',
      leverageLevel: 10,
    });
    const tradeId = exchange.orderTrades(taker, order.id)[0]?.id ?? 0;
    expect(refusal(() => exchange.closeTrade(taker, tradeId, `0.1${'0'.repeat(20)}1`))).to.include({
      status: 422,
      field: 'closed_quantity',
      code: 'invalid_precision',
    });
    expect(text(exchange.closeTrade(taker, tradeId, '0.1').openQuantity)).to.equal('0.4');
  });

  it("refuses prices off the product's tick size for every priced order type and for edits", () => {
    const { exchange, maker } = setup();
    const offTick = [
      { orderType: 'limit', price: '10000.001' },
      { orderType: 'limit_post_only', price: '10000.005' },
      { orderType: 'stop', price: '9000.0001' },
      { orderType: 'market_with_range', price: '10100.011' },
    ] as const;
    for (const { orderType, price } of offTick) {
      expect(
        refusal(() =>
          exchange.createOrder(maker, { orderType, productId: BTCUSD, side: 'sell', quantity: '0.1', price }),
        ),
        orderType,
      ).to.include({ status: 422, field: 'price', code: 'invalid_tick_size' });
    }
    // ETHBTC's tick is 0.00001: 0.03001 is on it, 0.030015 is not.
    expect(
      exchange.createOrder(maker, {
        orderType: 'limit',
        productId: ETHBTC,
        side: 'sell',
        quantity: '1',
        price: '0.03001',
      }).status,
    ).to.equal('live');
    expect(
      refusal(() =>
        exchange.createOrder(maker, {
          orderType: 'limit',
          productId: ETHBTC,
          side: 'sell',
          quantity: '1',
          price: '0.030015',
        }),
      ),
    ).to.include({ status: 422, field: 'price', code: 'invalid_tick_size' });

    const order = exchange.createOrder(maker, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.1',
      price: '10000.01',
    });
    expect(refusal(() => exchange.editOrder(maker, order.id, { price: '10000.015' }))).to.include({
      status: 422,
      field: 'price',
      code: 'invalid_tick_size',
    });
    expect(refusal(() => exchange.editOrder(maker, order.id, { quantity: '0.100000001' }))).to.include({
      status: 422,
      field: 'quantity',
      code: 'invalid_precision',
    });
    expect(refusal(() => exchange.editOrder(maker, order.id, { quantity: LONG_QUANTITY }))).to.include({
      status: 422,
      field: 'quantity',
      code: 'too_long',
    });
    expect(text(exchange.order(maker, order.id).price)).to.equal('10000.01');
  });
});
