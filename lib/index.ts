/**
 * quoine: the TypeScript SDK for the Quoine exchange API v2 (Quoinex, Qryptos, Liquid).
 * @module quoine
 */
import 'reflect-metadata';

export { Quoine, type QuoineOptions } from './client.js';
export { VERSION } from './version.js';
export * from './constants.js';
export * from './core/errors.js';
export { QDecimal, type DecimalInput } from './core/decimal.js';
export { Page, PagedCall } from './core/pagination.js';
export type { PageOptions } from './core/resource.js';
export type { CallOptions } from './core/transport.js';
export type { RateLimit } from './core/rate-limiter.js';

export { Product } from './entities/product.js';
export { OrderBook } from './entities/order-book.js';
export { PriceLevel } from './entities/price-level.js';
export { Execution } from './entities/execution.js';
export { InterestRateLadder } from './entities/interest-rate-ladder.js';
export { Currency } from './entities/currency.js';
export { Fee } from './entities/fee.js';

export { Products, type ProductListOptions, type OrderBookOptions } from './resources/products.js';
export {
  Executions,
  type ExecutionListOptions,
  type ExecutionsSinceOptions,
  type ExecutionsWalkOptions,
} from './resources/executions.js';
export { InterestRates } from './resources/interest-rates.js';
export { Currencies } from './resources/currencies.js';
export { Fees, type FeeListOptions } from './resources/fees.js';
export type { ApiResource } from './core/resource.js';
