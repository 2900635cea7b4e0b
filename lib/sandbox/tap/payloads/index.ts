/**
 * The `data` of each channel event in one wire profile (quoine-api.md §8.5). Each channel has the
 * fields of its REST counterpart, typed as the channel's own evidence records (the files beside
 * this one write those that differ from REST):
 * - `product_cash_…`: the `GET /products/{id}` object (Liquid: multipliers numbers), products.ts.
 * - `price_ladders_cash_…_{side}`: the first `depth` levels of that side as `[["price","quantity"],…]`.
 * - `executions_cash_…` and `execution_details_cash_…`: executions.ts.
 * - `user_account_{ccy}_orders`: the order as create/edit/cancel answer it, without `executions`
 *   (Liquid: every decimal a number), orders.ts.
 * - `user_account_{ccy}_trades`: the `GET /trades` row (Liquid: every decimal a number), trades.ts.
 * - `user_executions_cash_…`: the `GET /executions/me?with_details=1` row (`my_side`, `order_id`;
 *   strings: no source typed this channel).
 * - `user_account_{ccy}`: the `GET /accounts/{currency}` object, strings in both profiles:
 *   `{id, currency, balance, free_balance, reserved_balance, pnl, margin, maintenance_margin}`
 *   (the names the SDK's AccountUpdate reads; no source typed this channel).
 * Every JSON number is written from the decimal's exact text.
 * @module
 */
import type {
  AccountRecord,
  Exchange,
  ExecutionRecord,
  LevelRecord,
  MyExecutionRecord,
  OrderRecord,
  ProductRecord,
  TradeRecord,
} from '../../exchange/index.js';
import { currencyAccountWire } from '../../wire/serializers/accounts.js';
import { productExchangeRate } from '../../wire/serializers/exchange-rate.js';
import { levelsWire, myExecutionWire } from '../../wire/serializers/market.js';
import { writeJson } from '../../wire/json.js';
import { executionDetailsWire, executionEventWire, type ExecutionOrders } from './executions.js';
import { orderEventWire } from './orders.js';
import { productEventWire } from './products.js';
import { tradeEventWire } from './trades.js';

export type { ExecutionOrders } from './executions.js';

/** Builds payload JSON texts in one wire profile. */
export class TapPayloads {
  constructor(
    private readonly exchange: Exchange,
    private readonly liquid: boolean,
  ) {}

  /** The product object; its `exchange_rate` is read from the exchange now. */
  product(product: ProductRecord): string {
    return writeJson(productEventWire(product, this.liquid, productExchangeRate(this.exchange, product)));
  }

  ladder(levels: readonly LevelRecord[], depth: number): string {
    return writeJson(levelsWire(levels.slice(0, depth)));
  }

  execution(execution: ExecutionRecord): string {
    return writeJson(executionEventWire(execution, this.liquid));
  }

  executionDetails(execution: ExecutionRecord, orders: ExecutionOrders): string {
    return writeJson(executionDetailsWire(execution, orders, this.liquid));
  }

  order(order: OrderRecord): string {
    return writeJson(orderEventWire(order, this.liquid));
  }

  trade(trade: TradeRecord): string {
    return writeJson(tradeEventWire(trade, this.liquid));
  }

  myExecution(execution: MyExecutionRecord): string {
    return writeJson(myExecutionWire(execution, this.liquid, true));
  }

  account(account: AccountRecord): string {
    return writeJson(currencyAccountWire(account));
  }
}
