import { expect } from 'chai';
import {
  ExchangeError,
  type CreateOrderParams,
  type Exchange,
  type OrderType,
} from '../../../lib/sandbox/exchange/index.js';
import { Prng } from '../../../lib/sandbox/exchange/prng.js';
import { BTCUSD, ETHBTC, makeExchange, totalsText } from './helpers.js';

/**
 * The ledger invariant: a long random sequence of orders, edits, cancels, margin trades, closes and
 * loan bids from several users moves money only between accounts (fees to the fee account, margin
 * flows through the house), so every currency's grand total stays constant; and once everything is
 * cancelled and closed, nothing stays reserved.
 */
describe('sandbox exchange: ledger invariant under a random sequence', () => {
  const LEVERAGES = [2, 4, 5, 10, 25];
  const TYPES: OrderType[] = [
    'limit',
    'limit',
    'limit',
    'market',
    'market_with_range',
    'limit_post_only',
    'stop',
    'trailing_stop',
  ];

  function randomOrder(prng: Prng, exchange: Exchange): CreateOrderParams {
    const productId = prng.chance(3, 4) ? BTCUSD : ETHBTC;
    const reference = productId === BTCUSD ? (exchange.product(BTCUSD).lastTradedPrice?.toNumber() ?? 10000) : 0;
    const side = prng.chance(1, 2) ? 'buy' : 'sell';
    const orderType = TYPES[prng.int(0, TYPES.length - 1)] as OrderType;
    // Prices as exact text: BTCUSD in cents around the last price, ETHBTC in 0.00001 steps.
    const price =
      productId === BTCUSD
        ? (Math.round(reference * 100) + prng.int(-20_000, 20_000)).toString().replace(/(\d\d)$/, '.$1')
        : `0.0${prng.int(2800, 3200)}`;
    const quantity =
      productId === BTCUSD ? `0.${String(prng.int(1, 400)).padStart(3, '0')}` : `${prng.int(1, 20)}.${prng.int(0, 9)}`;
    const params: CreateOrderParams = { orderType, productId, side, quantity };
    const withPrice = orderType === 'market' || orderType === 'trailing_stop' ? params : { ...params, price };
    const trailing =
      orderType === 'trailing_stop'
        ? {
            ...withPrice,
            trailingStopType: 'price' as const,
            trailingStopValue: productId === BTCUSD ? '50' : '0.0005',
          }
        : withPrice;
    if (productId === BTCUSD && orderType !== 'stop' && orderType !== 'trailing_stop' && prng.chance(1, 4)) {
      const directions = ['netout', 'two_direction', 'one_direction'] as const;
      return {
        ...trailing,
        leverageLevel: LEVERAGES[prng.int(0, 4)],
        orderDirection: directions[prng.int(0, 2)],
      };
    }
    return trailing;
  }

  for (const seed of [1, 2, 3]) {
    it(`keeps every currency's grand total constant and releases every reservation (seed ${seed})`, () => {
      const { exchange, clock } = makeExchange();
      const users = Array.from({ length: 6 }, () => exchange.createUser({ USD: '200000', BTC: '20', ETH: '500' }));
      const totals = totalsText(exchange);
      const prng = new Prng(seed);
      const refusals = new Map<string, number>();
      let accepted = 0;
      for (let step = 0; step < 1500; step += 1) {
        clock.advance(prng.int(0, 120_000));
        const user = users[prng.int(0, users.length - 1)] as number;
        const action = prng.int(0, 99);
        try {
          if (action < 60) exchange.createOrder(user, randomOrder(prng, exchange));
          else if (action < 70) {
            const live = exchange.orders(user, { status: 'live' });
            const order = live[prng.int(0, Math.max(0, live.length - 1))];
            if (order !== undefined)
              exchange.editOrder(
                user,
                order.id,
                prng.chance(1, 2)
                  ? { quantity: order.quantity.times('0.5').toFixed() }
                  : { price: order.price.times('1.001').toDecimalPlaces(2).toFixed() },
              );
          } else if (action < 80) {
            const live = exchange
              .orders(user)
              .filter((order) => order.status === 'live' || order.status === 'partially_filled');
            const order = live[prng.int(0, Math.max(0, live.length - 1))];
            if (order !== undefined) exchange.cancelOrder(user, order.id);
          } else if (action < 87) {
            const open = exchange.trades(user, { status: 'open' });
            const trade = open[prng.int(0, Math.max(0, open.length - 1))];
            if (trade !== undefined)
              exchange.closeTrade(
                user,
                trade.id,
                prng.chance(1, 2) ? undefined : trade.openQuantity.times('0.5').toFixed(),
              );
          } else if (action < 90) {
            const open = exchange.trades(user, { status: 'open' });
            const trade = open[0];
            const last = exchange.product(BTCUSD).lastTradedPrice;
            if (trade !== undefined && last !== null)
              exchange.updateTrade(user, trade.id, {
                stopLoss: last.times(trade.side === 'long' ? '0.99' : '1.01').toFixed(),
                takeProfit: null,
              });
          } else if (action < 95) {
            exchange.createLoanBid(user, {
              currency: prng.chance(1, 2) ? 'USD' : 'BTC',
              quantity: String(prng.int(10, 3000)),
              rate: `0.000${prng.int(1, 9)}`,
            });
          } else {
            const bids = exchange.loanBids(user).filter((bid) => bid.status === 'live');
            const bid = bids[0];
            if (bid !== undefined) exchange.closeLoanBid(user, bid.id);
          }
          accepted += 1;
        } catch (error) {
          if (!(error instanceof ExchangeError)) throw error;
          const key = error.field === undefined ? error.message : `${error.field}: ${error.code}`;
          refusals.set(key, (refusals.get(key) ?? 0) + 1);
        }
        if (step % 100 === 0) {
          expect(totalsText(exchange)).to.deep.equal(totals);
          expect(exchange.auditReservations()).to.deep.equal([]);
        }
      }
      expect(accepted).to.be.greaterThan(1000);
      expect(exchange.executions(BTCUSD).length).to.be.greaterThan(100);
      expect(exchange.trades(users[0] as number).length + exchange.trades(users[1] as number).length).to.be.greaterThan(
        0,
      );
      expect(totalsText(exchange)).to.deep.equal(totals);
      for (const user of users) {
        for (const account of exchange.accounts(user))
          expect(account.reservedBalance.isNegative(), `${user} ${account.currency}`).to.equal(false);
      }

      // Wind everything down: no order, no bid, no trade; then nothing may stay reserved.
      for (const user of users) {
        exchange.cancelAllOrders(user);
        for (const bid of exchange.loanBids(user)) if (bid.status === 'live') exchange.closeLoanBid(user, bid.id);
      }
      const whale = exchange.createUser({ USD: '100000000', BTC: '10000' });
      const last = exchange.product(BTCUSD).lastTradedPrice;
      const at = (factor: string): string =>
        last === null ? '10000' : last.times(factor).toDecimalPlaces(2).toFixed();
      exchange.createOrder(whale, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'buy',
        quantity: '1000',
        price: at('0.99'),
      });
      exchange.createOrder(whale, {
        orderType: 'limit',
        productId: BTCUSD,
        side: 'sell',
        quantity: '1000',
        price: at('1.01'),
      });
      for (const user of users) exchange.closeAllTrades(user);
      expect(exchange.auditReservations()).to.deep.equal([]);
      for (const user of users) {
        expect(exchange.trades(user, { status: 'open' })).to.deep.equal([]);
        for (const account of exchange.accounts(user))
          expect(account.reservedBalance.toFixed(), `user ${user} ${account.currency}`).to.equal('0');
      }
      const afterWhale = totalsText(exchange);
      expect(afterWhale['USD']).to.equal(String(BigInt(totals['USD'] ?? '0') + 100_000_000n));
    });
  }
});
