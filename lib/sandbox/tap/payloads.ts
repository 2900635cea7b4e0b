/**
 * The `data` of each channel event, built with the REST serializers so a realtime payload is the
 * same wire object as the REST one in each profile (quoine-api.md §8.5):
 * - `product_cash_…`: the `GET /products/{id}` object.
 * - `price_ladders_cash_…_{side}`: the first `depth` levels of that side as `[["price","quantity"],…]`.
 * - `executions_cash_…`: the `GET /executions` row plus `timestamp` (the Quoine profile's REST row
 *   has none; the channel's documented payload does): `{id, quantity, price, taker_side, created_at, timestamp}`.
 * - `execution_details_cash_…`: that execution plus `buy_order_id`, `sell_order_id`.
 * - `user_account_{ccy}_orders`: the order as create/edit/cancel answer it (Liquid: `price`,
 *   `average_price`, `order_fee` numbers); no `executions` list.
 * - `user_account_{ccy}_trades`: the `GET /trades` row.
 * - `user_executions_cash_…`: the `GET /executions/me?with_details=1` row (`my_side`, `order_id`).
 * - `user_account_{ccy}`: the `GET /accounts/{currency}` object, strings in both profiles:
 *   `{id, currency, balance, free_balance, reserved_balance, pnl, margin, maintenance_margin}`
 *   (the names the SDK's AccountUpdate reads).
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
} from '../exchange/index.js';
import { currencyAccountWire } from '../server/serializers/accounts.js';
import { executionWire, levelsWire, myExecutionWire, productWire } from '../server/serializers/market.js';
import { productExchangeRate } from '../server/serializers/exchange-rate.js';
import { orderWire } from '../server/serializers/orders.js';
import { tradeWire } from '../server/serializers/trading.js';
import { timestampText } from '../server/serializers/values.js';
import { writeJson, type WireObject } from '../server/wire/json.js';

/** The two order ids of an execution. */
export interface ExecutionOrders {
  readonly buyOrderId: number;
  readonly sellOrderId: number;
}

/** Builds payload JSON texts in one wire profile. */
export class TapPayloads {
  constructor(
    private readonly exchange: Exchange,
    private readonly liquid: boolean,
  ) {}

  /** The product object; its `exchange_rate` is read from the exchange now. */
  product(product: ProductRecord): string {
    return writeJson(productWire(product, this.liquid, productExchangeRate(this.exchange, product)));
  }

  ladder(levels: readonly LevelRecord[], depth: number): string {
    return writeJson(levelsWire(levels.slice(0, depth)));
  }

  execution(execution: ExecutionRecord): string {
    return writeJson(this.#execution(execution));
  }

  executionDetails(execution: ExecutionRecord, orders: ExecutionOrders): string {
    return writeJson({ ...this.#execution(execution), buy_order_id: orders.buyOrderId, sell_order_id: orders.sellOrderId });
  }

  order(order: OrderRecord): string {
    return writeJson(orderWire(order, this.liquid, 'action'));
  }

  trade(trade: TradeRecord): string {
    return writeJson(tradeWire(trade, this.liquid, 'list'));
  }

  myExecution(execution: MyExecutionRecord): string {
    return writeJson(myExecutionWire(execution, this.liquid, true));
  }

  account(account: AccountRecord): string {
    return writeJson(currencyAccountWire(account));
  }

  #execution(execution: ExecutionRecord): WireObject {
    return { ...executionWire(execution, this.liquid), timestamp: timestampText(execution.timestamp) };
  }
}

