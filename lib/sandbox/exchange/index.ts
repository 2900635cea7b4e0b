/**
 * The sandbox exchange's public surface: the {@link Exchange}, its records, inputs, events,
 * errors and Decimal, and the seeded {@link MarketMaker}.
 * @module
 */
export { Exchange } from './exchange.js';
export { Decimal, type DecimalInput } from './decimal.js';
export { ExchangeError, ErrorText, type FieldErrorDetail, type MessageErrorDetail } from './errors.js';
export type { ExchangeEventMap, ExchangeEventName, ExchangeListener } from './events.js';
export type * from './inputs.js';
export type * from './records.js';
export { MarketMaker, type MarketMakerOptions } from './market-maker.js';
