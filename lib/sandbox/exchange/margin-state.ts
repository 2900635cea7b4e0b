/**
 * The exchange's internal margin trade (a position) and trading account, and their snapshots as a
 * {@link TradeRecord} and a {@link TradingAccountRecord}. Open positions mark to the product's last
 * traded price; the rules are in margin.ts.
 * @module
 */
import type { ProductConfig } from './config.js';
import { Decimal, ZERO } from './decimal.js';
import type { Lending } from './lending.js';
import type { MarketData } from './market-data.js';
import type {
  MarginType,
  PositionSummaryRecord,
  TradeRecord,
  TradeSide,
  TradeStatus,
  TradingAccountRecord,
  TradingType,
} from './records.js';

/** Maintenance margin, as a share of the margin used (liquidation itself is not simulated). */
const MAINTENANCE_RATE = new Decimal('0.05');

export interface TradeState {
  readonly id: number;
  readonly userId: number;
  readonly product: ProductConfig;
  readonly fundingCurrency: string;
  readonly side: TradeSide;
  readonly leverageLevel: number;
  readonly marginType: MarginType;
  readonly tradingType: TradingType;
  readonly orderId: number;
  quantity: Decimal;
  openQuantity: Decimal;
  closeQuantity: Decimal;
  /** Volume-weighted open price, rounded half up to 8 decimals. */
  openPrice: Decimal;
  /** Σ quantity × price of the opening fills still open (kept for the VWAP). */
  openNotional: Decimal;
  closeNotional: Decimal;
  closePnl: Decimal;
  marginUsed: Decimal;
  stopLoss: Decimal | null;
  takeProfit: Decimal | null;
  closeFee: Decimal;
  totalFee: Decimal;
  status: TradeStatus;
  readonly createdAtMs: number;
  updatedAtMs: number;
}

export interface TradingAccountState {
  readonly id: number;
  readonly userId: number;
  readonly product: ProductConfig;
  readonly fundingCurrency: string;
  leverageLevel: number;
  readonly createdAtMs: number;
  updatedAtMs: number;
}

/** The price an open trade marks to: the product's last traded price, else the trade's open price. */
export function markPrice(trade: TradeState, market: MarketData): Decimal {
  return market.lastPrice(trade.product) ?? trade.openPrice;
}

/** The unrealised pnl of a trade's open quantity at the mark price. */
export function openPnl(trade: TradeState, market: MarketData): Decimal {
  const mark = markPrice(trade, market);
  const difference = trade.side === 'long' ? mark.minus(trade.openPrice) : trade.openPrice.minus(mark);
  return difference.times(trade.openQuantity);
}

/** A trade's snapshot: its quantities and prices, pnl at the mark price, and its loans' interest. */
export function tradeRecord(trade: TradeState, market: MarketData, lending: Lending): TradeRecord {
  const open = trade.status === 'open';
  const unrealised = open ? openPnl(trade, market) : ZERO;
  const loans = lending.loansOfTrade(trade.id);
  const averageClose = trade.closeQuantity.isZero()
    ? ZERO
    : trade.closeNotional.div(trade.closeQuantity).toDecimalPlaces(8, Decimal.ROUND_HALF_UP);
  return {
    id: trade.id,
    traderId: trade.userId,
    productId: trade.product.id,
    productCode: trade.product.code,
    currencyPairCode: trade.product.currencyPairCode,
    fundingCurrency: trade.fundingCurrency,
    status: trade.status,
    side: trade.side,
    leverageLevel: trade.leverageLevel,
    marginType: trade.marginType,
    tradingType: trade.tradingType,
    quantity: trade.quantity,
    openQuantity: trade.openQuantity,
    closeQuantity: trade.closeQuantity,
    openPrice: trade.openPrice,
    closePrice: open ? markPrice(trade, market) : averageClose,
    marginUsed: trade.marginUsed,
    maintenanceMargin: trade.marginUsed.times(MAINTENANCE_RATE),
    openPnl: unrealised,
    closePnl: trade.closePnl,
    pnl: unrealised.plus(trade.closePnl),
    stopLoss: trade.stopLoss,
    takeProfit: trade.takeProfit,
    liquidationPrice: null,
    closeFee: trade.closeFee,
    totalFee: trade.totalFee,
    totalInterest: loans.reduce((sum, loan) => sum.plus(lending.totalInterest(loan)), ZERO),
    dailyInterest: loans.reduce((sum, loan) => sum.plus(lending.dailyInterest(loan)), ZERO),
    orderId: trade.orderId,
    createdAt: trade.createdAtMs / 1000,
    updatedAt: trade.updatedAtMs / 1000,
    lastSettlementAt: null,
  };
}

/** The position of one side of a trading account: the sum over its open trades. */
export function positionSummary(trades: readonly TradeState[], market: MarketData): PositionSummaryRecord {
  let position = ZERO;
  let notional = ZERO;
  let pnl = ZERO;
  let marginUsed = ZERO;
  for (const trade of trades) {
    position = position.plus(trade.openQuantity);
    notional = notional.plus(trade.openQuantity.times(trade.openPrice));
    pnl = pnl.plus(openPnl(trade, market));
    marginUsed = marginUsed.plus(trade.marginUsed);
  }
  const baseOpenPrice = position.isZero() ? ZERO : notional.div(position).toDecimalPlaces(8, Decimal.ROUND_HALF_UP);
  return { position, pnl, baseOpenPrice, marginUsed };
}

/** What a trading account's snapshot reads from the rest of the exchange. */
export interface TradingAccountView {
  /** The account's open trades on each side, oldest first. */
  readonly long: readonly TradeState[];
  readonly short: readonly TradeState[];
  /** The trader's balance of the funding currency. */
  readonly balance: Decimal;
  /** The highest leverage level the exchange offers. */
  readonly maxLeverageLevel: number;
}

/** A trading account's snapshot: both sides' positions, equity and margin at the mark price. */
export function tradingAccountRecord(
  account: TradingAccountState,
  view: TradingAccountView,
  market: MarketData,
): TradingAccountRecord {
  const long = positionSummary(view.long, market);
  const short = positionSummary(view.short, market);
  const balance = view.balance;
  const pnl = long.pnl.plus(short.pnl);
  const margin = long.marginUsed.plus(short.marginUsed);
  const equity = balance.plus(pnl);
  const position = long.position.minus(short.position);
  const net = position.isNegative() ? short : long;
  const mark = market.lastPrice(account.product) ?? ZERO;
  const exposure = long.position.plus(short.position).times(mark);
  const positiveEquity = equity.isPositive() && !equity.isZero();
  return {
    id: account.id,
    traderId: account.userId,
    productId: account.product.id,
    productCode: account.product.code,
    currencyPairCode: account.product.currencyPairCode,
    fundingCurrency: account.fundingCurrency,
    leverageLevel: account.leverageLevel,
    maxLeverageLevel: view.maxLeverageLevel,
    currentLeverageLevel: positiveEquity ? exposure.div(equity).floor().toNumber() : 0,
    pnl,
    equity,
    margin,
    freeMargin: equity.minus(margin),
    position,
    balance,
    marginPercent: positiveEquity ? margin.div(equity).toDecimalPlaces(8, Decimal.ROUND_HALF_UP) : ZERO,
    baseOpenPrice: position.isZero() ? ZERO : net.baseOpenPrice,
    longSummary: long,
    shortSummary: short,
    status: 'active',
    createdAt: account.createdAtMs / 1000,
    updatedAt: account.updatedAtMs / 1000,
  };
}
