import { TradeSide, TradeStatus, TradingType } from '../constants.js';
import * as input from '../core/coerce.js';
import type { DecimalInput } from '../core/decimal.js';
import { QuoineRequestError } from '../core/errors.js';
import type { PagedCall } from '../core/pagination.js';
import { path } from '../core/path.js';
import { ApiResource, defined, listOf, type PageOptions } from '../core/resource.js';
import type { CallOptions } from '../core/call-options.js';
import { Loan } from '../entities/loan.js';
import { Trade } from '../entities/trade.js';

/**
 * Filters of {@link Trades.list}.
 * @group Parameters
 */
export interface TradeListOptions extends PageOptions {
  /** Funding currency. */
  readonly fundingCurrency?: string;
  /** `open` or `closed`. */
  readonly status?: TradeStatus;
  /** Product id. */
  readonly productId?: number | string;
  /** `long` or `short`. */
  readonly side?: TradeSide;
  /** Trading type. */
  readonly tradingType?: TradingType;
}

/**
 * Changes of {@link Trades.update}.
 * @group Parameters
 */
export interface TradeUpdateParams {
  /** New stop-loss price. */
  readonly stopLoss?: DecimalInput;
  /** New take-profit price. */
  readonly takeProfit?: DecimalInput;
}

/**
 * `client.trades`: your margin positions (trades).
 * @group Resources
 */
export class Trades extends ApiResource {
  /**
   * Your trades, page by page.
   * @example
   * ```ts
   * for await (const t of client.trades.list({ status: 'open' })) console.log(t.id, t.pnl?.toFixed());
   * ```
   */
  list(filters: TradeListOptions = {}, options?: CallOptions): PagedCall<Trade> {
    return this.pages(Trade, filters, () => ({
      path: '/trades',
      query: {
        funding_currency: input.optional(filters.fundingCurrency, (v) => input.currency(v, 'fundingCurrency')),
        status: input.optional(filters.status, (v) => input.oneOf(v, Object.values(TradeStatus), 'status')),
        product_id: input.optional(filters.productId, (v) => input.id(v, 'productId')),
        side: input.optional(filters.side, (v) => input.oneOf(v, Object.values(TradeSide), 'side')),
        trading_type: input.optional(filters.tradingType, (v) =>
          input.oneOf(v, Object.values(TradingType), 'tradingType'),
        ),
      },
      options,
    }));
  }

  /**
   * Closes a trade, or part of it with `closedQuantity`. Never retried after it may have been
   * sent: a repeated partial close would close more.
   * @example
   * ```ts
   * await client.trades.close(57896, { closedQuantity: '0.005' });
   * ```
   */
  async close(
    id: number | string,
    params: { readonly closedQuantity?: DecimalInput } = {},
    options?: CallOptions,
  ): Promise<Trade> {
    input.object(params, 'params');
    const body = defined({
      closed_quantity: input.optional(params.closedQuantity, (v) => input.decimalText(v, 'closedQuantity', 'positive')),
    });
    return this.PUT(Trade, path`/trades/${input.id(id, 'id')}/close`, { body, options });
  }

  /**
   * Closes every open trade, or those of one side.
   * @example
   * ```ts
   * const closed = await client.trades.closeAll({ side: 'short' });
   * ```
   */
  async closeAll(params: { readonly side?: TradeSide } = {}, options?: CallOptions): Promise<Trade[]> {
    input.object(params, 'params');
    const body = defined({
      side: input.optional(params.side, (v) => input.oneOf(v, Object.values(TradeSide), 'side')),
    });
    return this.PUT(listOf(Trade), '/trades/close_all', { body, options });
  }

  /**
   * Sets a trade's stop loss and/or take profit.
   * @example
   * ```ts
   * await client.trades.update(57896, { stopLoss: '300', takeProfit: '600' });
   * ```
   */
  async update(id: number | string, changes: TradeUpdateParams, options?: CallOptions): Promise<Trade> {
    input.object(changes, 'changes');
    const trade = defined({
      stop_loss: input.optional(changes.stopLoss, (v) => input.decimalText(v, 'stopLoss', 'nonNegative')),
      take_profit: input.optional(changes.takeProfit, (v) => input.decimalText(v, 'takeProfit', 'nonNegative')),
    });
    if (Object.keys(trade).length === 0)
      throw new QuoineRequestError('trades.update needs stopLoss, takeProfit or both', 'stopLoss');
    return this.PUT(Trade, path`/trades/${input.id(id, 'id')}`, { body: { trade }, options });
  }

  /**
   * Adds margin to a trade (positive `delta`) or takes some back (negative). The exchange's body
   * for this call was never recorded: the SDK sends `{"trade": {"amount": delta}}`, as the sandbox
   * expects.
   * @example
   * ```ts
   * await client.trades.adjustMargin(57896, { delta: '10' });
   * ```
   */
  async adjustMargin(
    id: number | string,
    params: { readonly delta: DecimalInput },
    options?: CallOptions,
  ): Promise<Trade> {
    input.object(params, 'params');
    const delta = input.decimalText(params.delta, 'delta', 'nonZero');
    return this.PUT(Trade, path`/trades/${input.id(id, 'id')}/adjust_margin`, {
      body: { trade: { amount: delta } },
      options,
    });
  }

  /**
   * The loans funding a trade.
   * @example
   * ```ts
   * const loans = await client.trades.loans(57896);
   * ```
   */
  async loans(id: number | string, options?: CallOptions): Promise<Loan[]> {
    return this.GET(listOf(Loan), path`/trades/${input.id(id, 'id')}/loans`, { options });
  }
}
