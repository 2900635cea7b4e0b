/**
 * Margin: trading accounts, positions and trades.
 * (Conventions of every record: see records.ts.)
 * @module
 */
import type { Decimal } from '../decimal.js';
import type { MarginType, TradingType } from './orders.js';

/**
 * Side of a trade (margin position): `long` opened by a buy, `short` by a sell.
 * @group Exchange records
 */
export type TradeSide = 'long' | 'short';

/**
 * Status of a trade.
 * @group Exchange records
 */
export type TradeStatus = 'open' | 'closed';

/**
 * Totals of one side of a trading account.
 * @group Exchange records
 */
export interface PositionSummaryRecord {
  /** Open quantity of the side's open trades, in the base currency. */
  readonly position: Decimal;
  /** Unrealised pnl of those trades at the last traded price. */
  readonly pnl: Decimal;
  /** Volume-weighted open price of those trades (0 when flat). */
  readonly baseOpenPrice: Decimal;
  /** Margin used by those trades. */
  readonly marginUsed: Decimal;
}

/**
 * A margin trading account per (user, product, funding currency).
 * @group Exchange records
 */
export interface TradingAccountRecord {
  /** Trading account id. */
  readonly id: number;
  /** The owner. */
  readonly traderId: number;
  /** The product. */
  readonly productId: number;
  /** The product's code. */
  readonly productCode: string;
  /** The product's pair code. */
  readonly currencyPairCode: string;
  /** The funding currency (the product's quote currency). */
  readonly fundingCurrency: string;
  /** The account's leverage setting (`updateLeverage`); starts at the highest allowed level. */
  readonly leverageLevel: number;
  /** The highest allowed leverage level. */
  readonly maxLeverageLevel: number;
  /** Leverage actually in use: position notional / equity, rounded down to an integer (0 flat). */
  readonly currentLeverageLevel: number;
  /** Unrealised pnl of the open trades. */
  readonly pnl: Decimal;
  /** balance + pnl. */
  readonly equity: Decimal;
  /** Margin used by the open trades. */
  readonly margin: Decimal;
  /** equity − margin. */
  readonly freeMargin: Decimal;
  /** Net position in base currency (long positive, short negative). */
  readonly position: Decimal;
  /** The funding-currency balance. */
  readonly balance: Decimal;
  /** margin / equity (0 when equity is 0). */
  readonly marginPercent: Decimal;
  /** Open price of the side holding the net position (0 when flat). */
  readonly baseOpenPrice: Decimal;
  /** Totals of the open long trades. */
  readonly longSummary: PositionSummaryRecord;
  /** Totals of the open short trades. */
  readonly shortSummary: PositionSummaryRecord;
  /** Always `active`. */
  readonly status: 'active';
  /** Unix seconds of creation. */
  readonly createdAt: number;
  /** Unix seconds of the last leverage change. */
  readonly updatedAt: number;
}

/**
 * A margin position (`GET /trades`).
 * @group Exchange records
 */
export interface TradeRecord {
  /** Trade id. */
  readonly id: number;
  /** The owner. */
  readonly traderId: number;
  /** The product. */
  readonly productId: number;
  /** The product's code. */
  readonly productCode: string;
  /** The product's pair code. */
  readonly currencyPairCode: string;
  /** The currency funding the margin (the product's quote currency). */
  readonly fundingCurrency: string;
  /** `open` until the whole quantity is closed. */
  readonly status: TradeStatus;
  /** `long` (opened by a buy) or `short` (opened by a sell). */
  readonly side: TradeSide;
  /** Leverage of the opening order. */
  readonly leverageLevel: number;
  /** `cross` or `isolated`, from the opening order. */
  readonly marginType: MarginType;
  /** Trading type of the opening order. */
  readonly tradingType: TradingType;
  /** Quantity ever opened. */
  readonly quantity: Decimal;
  /** Quantity still open. */
  readonly openQuantity: Decimal;
  /** Quantity closed so far. */
  readonly closeQuantity: Decimal;
  /** Volume-weighted opening price. */
  readonly openPrice: Decimal;
  /** While open: the current mark (last traded price); once closed: the average closing price. */
  readonly closePrice: Decimal;
  /** Margin still allocated to the open quantity. */
  readonly marginUsed: Decimal;
  /** 5 % of `marginUsed`. */
  readonly maintenanceMargin: Decimal;
  /** Unrealised pnl of the open quantity at the mark. */
  readonly openPnl: Decimal;
  /** Realised pnl of the closed quantity. */
  readonly closePnl: Decimal;
  /** openPnl + closePnl. */
  readonly pnl: Decimal;
  /** Price at which the trade is closed at market to stop a loss, or null. */
  readonly stopLoss: Decimal | null;
  /** Price at which the trade is closed at market to take profit, or null. */
  readonly takeProfit: Decimal | null;
  /** The price at which the equity of the trade reaches its maintenance margin (null if none). */
  readonly liquidationPrice: Decimal | null;
  /** Fees of the closing fills. */
  readonly closeFee: Decimal;
  /** Fees of the opening and closing fills. */
  readonly totalFee: Decimal;
  /** Interest of the trade's loans: paid so far plus accrued on what is outstanding. */
  readonly totalInterest: Decimal;
  /** Daily interest of the trade's outstanding loans. */
  readonly dailyInterest: Decimal;
  /** sandbox: the order that opened the trade. */
  readonly orderId: number;
  /** Unix seconds of the first opening fill. */
  readonly createdAt: number;
  /** Unix seconds of the last change. */
  readonly updatedAt: number;
  /** Always null (the sandbox has no periodic settlement). */
  readonly lastSettlementAt: number | null;
}
