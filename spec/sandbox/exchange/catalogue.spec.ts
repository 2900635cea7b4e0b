import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { Exchange, MarketMaker, type CurrencySpec, type ProductSpec } from '../../../lib/sandbox/exchange/index.js';
import { Clock, totalsText } from './helpers.js';

/** The shared catalogue (wire format), camelCased the way the server passes it in. */
function catalogue(): { products: ProductSpec[]; currencies: CurrencySpec[]; leverage: number[] } {
  const read = (name: string): Array<Record<string, unknown>> =>
    JSON.parse(readFileSync(new URL(`../../../fixtures/catalogue/${name}.json`, import.meta.url), 'utf8')) as Array<
      Record<string, unknown>
    >;
  const optionalText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const products = read('products').map((row) => ({
    id: Number(row['id']),
    baseCurrency: String(row['base_currency']),
    quotedCurrency: String(row['quoted_currency']),
    currencyPairCode: String(row['currency_pair_code']),
    productType: optionalText(row['product_type']),
    takerFee: optionalText(row['taker_fee']),
    makerFee: optionalText(row['maker_fee']),
    tickSize: optionalText(row['tick_size']),
    minimumOrderQuantity: optionalText(row['minimum_order_quantity']),
    lastTradedPrice: optionalText(row['last_traded_price']),
    disabled: row['disabled'] === true,
    marginEnabled: row['margin_enabled'] === true,
  }));
  const currencies = read('currencies').map((row) => ({
    currency: String(row['currency']),
    currencyType: row['currency_type'] === 'fiat' ? ('fiat' as const) : ('crypto' as const),
    withdrawalFee: optionalText(row['withdrawal_fee']),
    minimumWithdrawal: optionalText(row['minimum_withdrawal']),
    lendable: row['lendable'] === true,
  }));
  const leverage = (
    JSON.parse(readFileSync(new URL('../../../fixtures/catalogue/leverage_levels.json', import.meta.url), 'utf8')) as {
      quoine: number[];
    }
  ).quoine;
  return { products, currencies, leverage };
}

describe('sandbox exchange: the shared catalogue', () => {
  it('runs every catalogue product: the market maker quotes them all and a user trades BTCJPY', () => {
    const { products, currencies, leverage } = catalogue();
    const clock = new Clock();
    const exchange = new Exchange({ products, currencies, leverageLevels: leverage, now: clock.now, seed: 3 });
    const maker = new MarketMaker(exchange, { seed: 11 });
    const totals = totalsText(exchange);
    for (let step = 0; step < 30; step += 1) {
      clock.advance(1000);
      maker.step();
    }
    for (const product of exchange.products()) {
      const book = exchange.orderBook(product.id);
      expect(book.buyPriceLevels, product.currencyPairCode).to.have.length(5);
      expect(book.sellPriceLevels, product.currencyPairCode).to.have.length(5);
      for (const [price] of [...book.buyPriceLevels, ...book.sellPriceLevels]) {
        expect(price.modulo(product.tickSize).isZero(), `${product.currencyPairCode} ${price.toFixed()}`).to.equal(
          true,
        );
      }
    }
    const user = exchange.createUser({ JPY: '10000000' });
    const order = exchange.createOrder(user, { orderType: 'market', productId: 5, side: 'buy', quantity: '0.05' });
    expect(order.status).to.equal('filled');
    expect(order.orderFee.isPositive()).to.equal(true);
    expect(totalsText(exchange)).to.deep.include({ BTC: totals['BTC'], USD: totals['USD'] });
    expect(exchange.leverageLimitation(user)).to.deep.equal([25, 10, 5, 4, 2]);
  });
});
