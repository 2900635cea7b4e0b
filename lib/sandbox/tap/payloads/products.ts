/**
 * The `product_cash_{pair}_{id}` payload (quoine-api.md §8.5): the REST product of each profile,
 * its `exchange_rate` read from the exchange when sent. In the Liquid profile `multiplier_up` and
 * `multiplier_down` are JSON numbers (the 2021 client that modelled this channel typed them so,
 * with `id` and `market_ask`/`market_bid` strings, as REST has them).
 * @module
 */
import type { ProductRecord } from '../../exchange/index.js';
import { productWire } from '../../wire/serializers/market.js';
import { number } from '../../wire/serializers/values.js';
import type { WireObject } from '../../wire/json.js';

/** A product event's payload; `exchangeRate` as the REST product has it. */
export function productEventWire(product: ProductRecord, liquid: boolean, exchangeRate: string): WireObject {
  const wire = productWire(product, liquid, exchangeRate);
  if (!liquid) return wire;
  wire['multiplier_up'] = number(product.multiplierUp);
  wire['multiplier_down'] = number(product.multiplierDown);
  return wire;
}
