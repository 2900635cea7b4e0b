/**
 * The records the {@link Exchange} returns: snapshots (fresh copies, never live internal objects)
 * whose field names are the camelCase of the wire names of quoine-api.md §7, one to one, so the
 * server's serializer is a mechanical mapping. Money is the exchange's {@link Decimal}; times are
 * Unix seconds as a number that may carry a fractional part (milliseconds); ids are numbers.
 * A few fields have no wire counterpart and are marked "sandbox" (the server may ignore them).
 * @module
 */
export type * from './records/market.js';
export type * from './records/orders.js';
export type * from './records/accounts.js';
export type * from './records/margin.js';
export type * from './records/lending.js';
export type * from './records/funding.js';
export type * from './records/fees.js';
export type * from './records/lists.js';
