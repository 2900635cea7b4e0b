import { expect } from 'chai';
import { BTCUSD, makeExchange, refusal, text, totalsText } from './helpers.js';

describe('sandbox exchange: margin trades', () => {
  function setup(overrides: Parameters<typeof makeExchange>[0] = {}) {
    const { exchange, clock } = makeExchange(overrides);
    const maker = exchange.createUser({ USD: '1000000', BTC: '100' });
    const bob = exchange.createUser({ USD: '100000' });
    const other = exchange.createUser({ USD: '100000', BTC: '10' });
    /** A public trade at `price` between maker-free users (moves the last price). */
    const printTrade = (price: string): void => {
      exchange.createOrder(other, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '0.01', price });
      exchange.createOrder(other, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '0.01', price });
    };
    return { exchange, clock, maker, bob, other, printTrade };
  }

  it('opens a long, marks pnl to the last price, closes partly then fully, and keeps the ledger constant', () => {
    const { exchange, maker, bob, printTrade } = setup();
    const totals = totalsText(exchange);
    exchange.createOrder(maker, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.5',
      price: '10000',
    });
    const order = exchange.createOrder(bob, {
      orderType: 'market',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.5',
      leverageLevel: 10,
    });
    expect(order.status).to.equal('filled');
    expect(order.target).to.equal('open');
    const [trade] = exchange.orderTrades(bob, order.id);
    expect(trade).to.include({ side: 'long', status: 'open', leverageLevel: 10, traderId: bob, orderId: order.id });
    expect([trade?.openQuantity, trade?.openPrice, trade?.marginUsed, trade?.totalFee].map(text)).to.deep.equal([
      '0.5',
      '10000',
      '500',
      '7.5',
    ]);
    expect(text(exchange.account(bob, 'USD').balance)).to.equal('99992.5');
    expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal('500');
    expect(text(exchange.account(bob, 'BTC').balance)).to.equal('0');
    const id = trade?.id ?? 0;

    printTrade('10100');
    const marked = exchange.trade(bob, id);
    expect([marked.openPnl, marked.pnl, marked.closePrice].map(text)).to.deep.equal(['50', '50', '10100']);
    expect(text(exchange.account(bob, 'USD').pnl)).to.equal('50');

    exchange.createOrder(maker, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '1', price: '10080' });
    const partial = exchange.closeTrade(bob, id, '0.2');
    expect(partial.status).to.equal('open');
    expect(
      [partial.openQuantity, partial.closeQuantity, partial.closePnl, partial.marginUsed, partial.closeFee].map(text),
    ).to.deep.equal(['0.3', '0.2', '16', '300', '3.024']);
    // 99992.5 + pnl 16 − fee 3.024 − interest on the repaid 1800 (house rate 0.0005, one day) 0.9
    expect(text(exchange.account(bob, 'USD').balance)).to.equal('100004.576');
    expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal('300');

    const closed = exchange.closeTrade(bob, id);
    expect(closed.status).to.equal('closed');
    expect(
      [
        closed.openQuantity,
        closed.closeQuantity,
        closed.closePrice,
        closed.closePnl,
        closed.pnl,
        closed.closeFee,
        closed.totalFee,
        closed.totalInterest,
      ].map(text),
    ).to.deep.equal(['0', '0.5', '10080', '40', '40', '7.56', '15.06', '2.25']);
    expect(text(exchange.account(bob, 'USD').balance)).to.equal('100022.69');
    expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal('0');
    expect(exchange.tradeLoans(bob, id).every((loan) => loan.status === 'closed' && loan.lenderId === 0)).to.equal(
      true,
    );
    expect(refusal(() => exchange.closeTrade(bob, id))).to.include({ status: 422 });
    expect(totalsText(exchange)).to.deep.equal(totals);
  });

  it('triggers stop loss and take profit from the last price', () => {
    const { exchange, maker, bob, printTrade } = setup();
    exchange.createOrder(maker, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.2',
      price: '10000',
    });
    exchange.createOrder(maker, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '5', price: '9800' });
    const long = exchange.createOrder(bob, {
      orderType: 'limit',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.1',
      price: '10000',
      leverageLevel: 5,
      stopLoss: '9900',
    });
    const longTrade = exchange.orderTrades(bob, long.id)[0];
    expect(text(longTrade?.stopLoss)).to.equal('9900');
    const short = exchange.createOrder(bob, {
      orderType: 'market',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.1',
      leverageLevel: 5,
      orderDirection: 'two_direction',
    });
    const shortTrade = exchange.orderTrades(bob, short.id)[0];
    expect(shortTrade?.side).to.equal('short');
    exchange.updateTrade(bob, shortTrade?.id ?? 0, { takeProfit: '9850' });

    printTrade('9850');
    expect(exchange.trade(bob, longTrade?.id ?? 0).status).to.equal('closed');
    expect(exchange.trade(bob, shortTrade?.id ?? 0).status).to.equal('closed');
    const sources = exchange.orders(bob).map((order) => order.sourceAction);
    expect(sources).to.include.members(['stop_loss', 'take_profit']);
    expect(text(exchange.trade(bob, longTrade?.id ?? 0).closePrice)).to.equal('9800');
  });

  it('netout orders reduce the opposite trade first; two_direction orders open a new one; close-all by side', () => {
    const { exchange, maker, bob } = setup();
    exchange.createOrder(maker, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '5', price: '10000' });
    exchange.createOrder(maker, { orderType: 'limit', productId: BTCUSD, side: 'buy', quantity: '5', price: '9990' });
    const long = exchange.createOrder(bob, {
      orderType: 'market',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.3',
      leverageLevel: 10,
    });
    const netout = exchange.createOrder(bob, {
      orderType: 'market',
      productId: BTCUSD,
      side: 'sell',
      quantity: '0.5',
      leverageLevel: 10,
    });
    const longTrade = exchange.orderTrades(bob, long.id)[0];
    expect(exchange.trade(bob, longTrade?.id ?? 0).status).to.equal('closed');
    const [short] = exchange.orderTrades(bob, netout.id);
    expect(short).to.include({ side: 'short' });
    expect(text(short?.openQuantity)).to.equal('0.2');
    exchange.createOrder(bob, {
      orderType: 'market',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.1',
      leverageLevel: 10,
      orderDirection: 'two_direction',
    });
    expect(exchange.trades(bob, { status: 'open' }).map((trade) => trade.side)).to.deep.equal(['long', 'short']);

    const closed = exchange.closeAllTrades(bob, 'short');
    expect(closed.map((trade) => [trade.side, trade.status])).to.deep.equal([['short', 'closed']]);
    expect(exchange.trades(bob, { status: 'open' }).map((trade) => trade.side)).to.deep.equal(['long']);
    expect(exchange.closeAllTrades(bob).map((trade) => trade.status)).to.deep.equal(['closed']);
    expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal('0');
  });

  it('trading accounts: summaries, leverage update and limits; margin adjustment', () => {
    const { exchange, maker, bob } = setup();
    const accounts = exchange.tradingAccounts(bob);
    expect(
      accounts.map((account) => [account.productId, account.fundingCurrency, account.maxLeverageLevel]),
    ).to.deep.equal([[BTCUSD, 'USD', 25]]);
    const id = accounts[0]?.id ?? 0;
    expect(exchange.updateLeverage(bob, id, 5).leverageLevel).to.equal(5);
    expect(refusal(() => exchange.updateLeverage(bob, id, 3))).to.include({ field: 'leverage_level', code: 'invalid' });
    expect(refusal(() => exchange.tradingAccount(maker + 1000, id))).to.include({ status: 404 });
    expect(exchange.leverageLimitation(bob)).to.deep.equal([25, 10, 5, 4, 2]);

    exchange.createOrder(maker, { orderType: 'limit', productId: BTCUSD, side: 'sell', quantity: '1', price: '10000' });
    const order = exchange.createOrder(bob, {
      orderType: 'market',
      productId: BTCUSD,
      side: 'buy',
      quantity: '0.4',
      leverageLevel: 4,
    });
    const account = exchange.tradingAccount(bob, id);
    expect(
      [
        account.position,
        account.margin,
        account.longSummary.position,
        account.shortSummary.position,
        account.baseOpenPrice,
      ].map(text),
    ).to.deep.equal(['0.4', '1000', '0.4', '0', '10000']);
    expect(text(account.balance)).to.equal('99994');
    const tradeId = exchange.orderTrades(bob, order.id)[0]?.id ?? 0;
    expect(text(exchange.adjustTradeMargin(bob, tradeId, '250').marginUsed)).to.equal('1250');
    expect(text(exchange.account(bob, 'USD').reservedBalance)).to.equal('1250');
    expect(text(exchange.adjustTradeMargin(bob, tradeId, '-250').marginUsed)).to.equal('1000');
    expect(refusal(() => exchange.adjustTradeMargin(bob, tradeId, '-1'))).to.include({ field: 'margin' });
  });
});
