import { expect } from 'chai';
import { BTCUSD, makeExchange, refusal, text, totalsText } from './helpers.js';

describe('sandbox exchange: lending', () => {
  it('bids build the ladder; a margin trade borrows cheapest first; repayment pays interest and honours fund_reloaned', () => {
    const { exchange, clock } = makeExchange();
    const maker = exchange.createUser({ USD: '1000000', BTC: '100' });
    const bob = exchange.createUser({ USD: '100000' });
    const cheap = exchange.createUser({ USD: '5000' });
    const big = exchange.createUser({ USD: '20000' });
    const late = exchange.createUser({ USD: '1000' });
    const totals = totalsText(exchange);

    const cheapBid = exchange.createLoanBid(cheap, { currency: 'USD', quantity: '1000', rate: '0.0001' });
    const bigBid = exchange.createLoanBid(big, { currency: 'USD', quantity: '10000', rate: '0.0002' });
    clock.advance(1000);
    exchange.createLoanBid(late, { currency: 'USD', quantity: '500', rate: '0.0002' });
    expect(cheapBid).to.include({ status: 'live', bidaskType: 'limit', side: 'bid', userId: cheap });
    expect(text(exchange.account(cheap, 'USD').reservedBalance)).to.equal('1000');
    const ladder = (): string[][] =>
      exchange.interestRateLadder('USD').bids.map(([rate, amount]) => [rate.toFixed(), amount.toFixed()]);
    expect(ladder()).to.deep.equal([
      ['0.0001', '1000'],
      ['0.0002', '10500'],
    ]);
    expect(exchange.interestRateLadder('USD').asks).to.deep.equal([]);
    expect(text(exchange.account(bob, 'USD').lowestOfferInterestRate)).to.equal('0.0001');

    exchange.createOrder(maker, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.5',
      price: '10000',
    });
    exchange.createOrder(maker, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '1', price: '9990' });
    const order = exchange.createOrder(bob, {
      orderType: 'market',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.5',
      leverageLevel: 10,
    });
    const tradeId = exchange.orderTrades(bob, order.id)[0]?.id ?? 0;
    const loans = exchange.tradeLoans(bob, tradeId);
    expect(
      loans.map((loan) => [
        loan.lenderId,
        loan.borrowerId,
        loan.quantity.toFixed(),
        loan.rate.toFixed(),
        loan.status,
        loan.fundReloaned,
      ]),
    ).to.deep.equal([
      [cheap, bob, '1000', '0.0001', 'open', true],
      [big, bob, '3500', '0.0002', 'open', true],
    ]);
    expect(ladder()).to.deep.equal([['0.0002', '7000']]);
    expect(text(exchange.loanBids(cheap, 'USD')[0]?.filledQuantity)).to.equal('1000');
    expect(text(exchange.trade(bob, tradeId).dailyInterest)).to.equal('0.8');
    expect(exchange.loans(big).map((loan) => loan.id)).to.deep.equal([loans[1]?.id]);

    const bigLoanId = loans[1]?.id ?? 0;
    expect(exchange.updateLoan(big, bigLoanId, false).fundReloaned).to.equal(false);
    expect(refusal(() => exchange.updateLoan(late, bigLoanId, true))).to.include({ status: 404 });

    clock.advance(36 * 3600 * 1000); // a day and a half: two started days of interest
    exchange.closeTrade(bob, tradeId);
    expect(exchange.tradeLoans(bob, tradeId).map((loan) => [loan.status, loan.interest.toFixed()])).to.deep.equal([
      ['closed', '0.2'],
      ['closed', '1.4'],
    ]);
    expect(text(exchange.account(cheap, 'USD').balance)).to.equal('5000.2');
    expect(text(exchange.account(big, 'USD').balance)).to.equal('20001.4');
    // reloaned: back in the bid; not reloaned: back to the free balance
    expect(text(exchange.account(cheap, 'USD').reservedBalance)).to.equal('1000');
    expect(text(exchange.account(big, 'USD').reservedBalance)).to.equal('6500');
    expect(ladder()).to.deep.equal([
      ['0.0001', '1000'],
      ['0.0002', '7000'],
    ]);
    const history = exchange.balanceHistory(big, { sourceAction: 'loan' });
    expect(
      history.map((entry) => [entry.amount.toFixed(), entry.sourceObjectType, entry.sourceObjectId]),
    ).to.deep.equal([['1.4', 'Loan', bigLoanId]]);

    const closed = exchange.closeLoanBid(cheap, cheapBid.id);
    expect(closed.status).to.equal('closed');
    expect(text(exchange.account(cheap, 'USD').reservedBalance)).to.equal('0');
    expect(exchange.closeLoanBid(big, bigBid.id).status).to.equal('closed');
    expect(text(exchange.account(big, 'USD').reservedBalance)).to.equal('0');
    expect(refusal(() => exchange.closeLoanBid(cheap, bigBid.id))).to.include({ status: 404 });
    expect(totalsText(exchange)).to.deep.equal(totals);
  });

  it('validates bids, and without house lending refuses a margin order the bids cannot fund', () => {
    const { exchange } = makeExchange({ houseLending: false });
    const maker = exchange.createUser({ USD: '1000000', BTC: '100' });
    const bob = exchange.createUser({ USD: '100000', JPY: '100000' });
    expect(
      refusal(() => exchange.createLoanBid(bob, { currency: 'JPY', quantity: '1000', rate: '0.0001' })),
    ).to.include({ field: 'currency', code: 'not_lendable' });
    expect(refusal(() => exchange.createLoanBid(bob, { currency: 'USD', quantity: '5', rate: '0.0001' }))).to.include({
      field: 'quantity',
    });
    expect(refusal(() => exchange.createLoanBid(bob, { currency: 'USD', quantity: '100', rate: '0' }))).to.include({
      field: 'rate',
      code: 'must_be_positive',
    });
    expect(
      refusal(() => exchange.createLoanBid(bob, { currency: 'USD', quantity: '1000000', rate: '0.0001' })),
    ).to.include({ code: 'not_enough_free_balance' });

    exchange.createOrder(maker, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '1', price: '10000' });
    const margin = { orderType: 'market', productId: BTCUSD, side: 'buy', quantity: '0.5', leverageLevel: 10 } as const;
    expect(refusal(() => exchange.createOrder(bob, margin))).to.include({
      field: 'user',
      code: 'not_enough_free_balance',
    });
    exchange.createLoanBid(maker, { currency: 'USD', quantity: '4500', rate: '0.0003' });
    const order = exchange.createOrder(bob, margin);
    expect(order.status).to.equal('filled');
    const loans = exchange.loans(bob);
    expect(loans.map((loan) => [loan.lenderId, loan.quantity.toFixed()])).to.deep.equal([[maker, '4500']]);
  });
});
