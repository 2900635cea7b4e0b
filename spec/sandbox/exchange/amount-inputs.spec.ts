// Issue 11 (review): amounts outside orders keep their currency's precision, are positive where
// the exchange needs them positive, and a JSON number in exponent form is read as the number it is.
// The spec currencies have no assets_precision, so every one has the default 8 places.
import { expect } from 'chai';
import { BTCUSD, makeExchange, refusal, text } from './helpers.js';

const NINE_PLACES = '0.000000001';

describe('sandbox exchange: amounts outside orders (issue 11)', () => {
  function setup() {
    const { exchange } = makeExchange();
    const alice = exchange.createUser({ USD: '1000000', BTC: '100' });
    return { exchange, alice };
  }

  it('a loan bid: quantity at the currency precision, rate at 8 places', () => {
    const { exchange, alice } = setup();
    expect(
      refusal(() =>
        exchange.createLoanBid(alice, { currency: 'USD', quantity: `100${NINE_PLACES.slice(1)}`, rate: '0.0002' }),
      ),
    ).to.include({ status: 422, field: 'quantity', code: 'invalid_precision' });
    expect(
      refusal(() => exchange.createLoanBid(alice, { currency: 'USD', quantity: '100', rate: NINE_PLACES })),
    ).to.include({ status: 422, field: 'rate', code: 'invalid_precision' });
    expect(text(exchange.createLoanBid(alice, { currency: 'USD', quantity: '100', rate: '0.00000001' }).rate)).to.equal(
      '0.00000001',
    );
  });

  it('withdrawals: the amount at the currency precision, crypto and fiat', () => {
    const { exchange, alice } = setup();
    expect(
      refusal(() =>
        exchange.createCryptoWithdrawal(alice, { currency: 'BTC', address: 'addr', amount: `0.001${'0'.repeat(5)}1` }),
      ),
    ).to.include({ status: 422, field: 'amount', code: 'invalid_precision' });
    const [bank] = exchange.bankAccounts(alice);
    expect(
      refusal(() =>
        exchange.createFiatWithdrawal(alice, {
          currency: 'USD',
          amount: `100${NINE_PLACES.slice(1)}`,
          bankAccountId: bank?.id ?? 0,
        }),
      ),
    ).to.include({ status: 422, field: 'amount', code: 'invalid_precision' });
    expect(text(exchange.account(alice, 'BTC').reservedBalance)).to.equal('0');
    expect(text(exchange.account(alice, 'USD').reservedBalance)).to.equal('0');
  });

  it("a trade's margin adjustment: the amount at the funding currency's precision", () => {
    const { exchange, alice } = setup();
    const bob = exchange.createUser({ USD: '100000' });
    exchange.createOrder(alice, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '1', price: '10000' });
    const order = exchange.createOrder(bob, {
      orderType: 'market',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.4',
      leverageLevel: 4,
    });
    const tradeId = exchange.orderTrades(bob, order.id)[0]?.id ?? 0;
    const before = text(exchange.account(bob, 'USD').reservedBalance);
    expect(refusal(() => exchange.adjustTradeMargin(bob, tradeId, NINE_PLACES))).to.include({
      status: 422,
      field: 'amount',
      code: 'invalid_precision',
    });
    expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal(before);
  });

  it('fee estimates: positive quantities, prices and amounts, at their precision', () => {
    const { exchange, alice } = setup();
    for (const [params, field] of [
      [{ productId: BTCUSD, side: 'buy', quantity: '-1', price: '9000' }, 'quantity'],
      [{ productId: BTCUSD, side: 'buy', quantity: '1', price: '-9000' }, 'price'],
      [{ productId: BTCUSD, side: 'buy', quantity: '0', price: '9000' }, 'quantity'],
    ] as const) {
      expect(
        refusal(() => exchange.estimateOrderFee(alice, params)),
        field,
      ).to.include({ status: 422, field, code: 'must_be_positive' });
    }
    expect(
      refusal(() => exchange.estimateOrderFee(alice, { productId: BTCUSD, side: 'buy', quantity: NINE_PLACES })),
    ).to.include({ status: 422, field: 'quantity', code: 'invalid_precision' });
    expect(refusal(() => exchange.estimateWithdrawalFee(alice, { currency: 'BTC', amount: '-1' }))).to.include({
      status: 422,
      field: 'amount',
      code: 'must_be_positive',
    });
    expect(refusal(() => exchange.estimateWithdrawalFee(alice, { currency: 'BTC', amount: NINE_PLACES }))).to.include({
      status: 422,
      field: 'amount',
      code: 'invalid_precision',
    });
  });

  it('reads a decimal in exponent form (what Python json and JSON.stringify write) as its value, bounded like any other', () => {
    const { exchange, alice } = setup();
    expect(text(exchange.createLoanBid(alice, { currency: 'USD', quantity: '100', rate: '2e-05' }).rate)).to.equal(
      '0.00002',
    );
    expect(
      text(exchange.createLoanBid(alice, { currency: 'USD', quantity: '1.5E2', rate: '0.0001' }).quantity),
    ).to.equal('150');
    expect(
      refusal(() => exchange.createLoanBid(alice, { currency: 'USD', quantity: '1e400', rate: '0.0001' })),
    ).to.include({ status: 422, field: 'quantity', code: 'too_long' });
    expect(
      refusal(() => exchange.createLoanBid(alice, { currency: 'USD', quantity: '100', rate: '1e-400' })),
    ).to.include({ status: 422, field: 'rate', code: 'too_long' });
    expect(
      refusal(() => exchange.createLoanBid(alice, { currency: 'USD', quantity: '1e', rate: '0.0001' })),
    ).to.include({ status: 422, field: 'quantity', code: 'is_not_a_number' });
  });
});
