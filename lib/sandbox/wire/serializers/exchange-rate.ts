import type { Decimal, Exchange, ProductRecord } from '../../exchange/index.js';
import { decimalText } from './values.js';

/**
 * The `exchange_rate` of a product object: the value of one unit of its quote currency in USD, as
 * text: 1 for USD, else BTCUSD's last price over BTC<quote>'s (the products move, so the rate does
 * too); "0.0" when the catalogue has no such pair (the 2022 docs example printed 0). Used by the
 * REST product routes and the realtime product channel alike.
 */
export function productExchangeRate(exchange: Exchange, product: ProductRecord): string {
  if (product.quotedCurrency === 'USD') return '1.0';
  const products = exchange.products();
  const last = (quote: string): Decimal | null =>
    products.find((p) => p.baseCurrency === 'BTC' && p.quotedCurrency === quote && p.productType !== 'Perpetual')
      ?.lastTradedPrice ?? null;
  const usd = last('USD');
  const local = last(product.quotedCurrency);
  if (usd === null || local === null || local.isZero()) return '0.0';
  return decimalText(usd.dividedBy(local).toSignificantDigits(16));
}
