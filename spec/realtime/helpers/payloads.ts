/**
 * Channel payloads as JSON text, in both eras' shapes: decimals as strings, and decimals as JSON
 * numbers, including canaries with more digits than a double keeps (JSON.parse would round them).
 */
import { readFileSync } from 'node:fs';

const fixtures = new URL('../../../fixtures/', import.meta.url);

/** A REST product body (Liquid era: id "5", decimals as strings, exchange_rate a number). */
export const productStrings = readFileSync(new URL('liquid/product.json', fixtures), 'utf8');
/** A product with decimals as JSON numbers and a numeric id. */
export const productNumbers =
  '{"id":5,"product_type":"CurrencyPair","code":"CASH","currency_pair_code":"BTCJPY","market_ask":976382.123456789012345,' +
  '"market_bid":976350.00,"last_traded_price":976382.10,"volume_24h":3502.71635215,"multiplier_up":9.0,"disabled":false,' +
  '"timestamp":"1594964590.511937021"}';

/** One side of the book with decimal strings (as documented). */
export const ladderStrings =
  '[["976382.10000","0.01000"],["976390.0","1.5"],["976400.5","0.000000012345678901234567"]]';
/** One side of the book with JSON numbers. */
export const ladderNumbers = '[[976382.123456789012345,0.5],[976390,1.25]]';

/** A public execution, Quoine-era strings. */
export const executionStrings =
  '{"id":1011880,"quantity":"6.118954","price":"409.78","taker_side":"sell","created_at":1457370745}';
/** A public execution, numbers and a fractional timestamp. */
export const executionNumbers =
  '{"id":2914273999,"quantity":0.000000012345678901234567,"price":976382.123456789012345,"taker_side":"buy","created_at":1594964590,"timestamp":"1594964590.511937021"}';

/** An execution with both order ids (quantity string, price number, as one client typed it). */
export const executionDetail =
  '{"id":2914274000,"quantity":"0.0015","price":976382.10,"taker_side":"buy","created_at":1594964591,"timestamp":"1594964591.000797146","buy_order_id":2914273073,"sell_order_id":"2914273001"}';

/** An order as `user_account_jpy_orders` sends it (documented sample: numbers, product_id a string). */
export const orderNumbers =
  '{"id":2914273073,"order_type":"limit","quantity":0.01,"disc_quantity":0.0,"iceberg_total_quantity":0.0,"side":"sell",' +
  '"filled_quantity":0.0,"price":200.0,"created_at":1594964584,"updated_at":1594964584,"status":"live","leverage_level":2,' +
  '"source_exchange":"QUOINE","product_id":"27","product_code":"CASH","funding_currency":"JPY","currency_pair_code":"ETHJPY",' +
  '"order_fee":0.0,"margin_used":0.0,"margin_interest":0.0,"unwound_trade_leverage_level":null}';
/** The same order with decimals as strings and an exactness canary. */
export const orderStrings =
  '{"id":2914273074,"order_type":"limit","quantity":"0.000000012345678901234567","side":"buy","filled_quantity":"0.0",' +
  '"price":"976382.123456789012345","created_at":1594964585,"status":"partially_filled","product_id":5,"funding_currency":"JPY"}';

/** A margin position (REST fixture text: numbers and strings mixed). */
export const tradeMixed = readFileSync(new URL('liquid/trade.json', fixtures), 'utf8');

/** One of your executions. */
export const myExecution =
  '{"id":2914274001,"quantity":"0.01","price":976382.123456789012345,"taker_side":"buy","my_side":"sell","created_at":1594964590,"order_id":2914273073,"client_order_id":"bot-1"}';

/** An account balance update with all fields. */
export const accountFull =
  '{"id":4567,"currency":"JPY","balance":"1234567.12345678901234567","free_balance":1000.5,"reserved_balance":"1233566.62345678901234567","updated_at":1594964590}';
/** A minimal balance update: only a numeric balance. */
export const accountMinimal = '{"balance":0.000000012345678901234567}';
