/** The known values of each enumerated entity field, from lib/constants.ts. */
import {
  CryptoWithdrawalState,
  CurrencyType,
  FiatWithdrawalState,
  LoanBidStatus,
  LoanStatus,
  MarginType,
  OrderStatus,
  OrderType,
  ProductType,
  Side,
  TradeSide,
  TradeStatus,
  TradingType,
  TrailingStopType,
} from '../../lib/constants.js';

/** The values the SDK knows for each enumerated field; responses the SDK's own sandbox and fixtures hold must use only these. */
export const KNOWN_VALUES: Readonly<Record<string, Readonly<Record<string, readonly unknown[]>>>> = {
  Order: {
    orderType: Object.values(OrderType),
    side: Object.values(Side),
    status: Object.values(OrderStatus),
    tradingType: Object.values(TradingType),
    marginType: Object.values(MarginType),
    trailingStopType: Object.values(TrailingStopType),
  },
  Trade: {
    side: Object.values(TradeSide),
    status: Object.values(TradeStatus),
    tradingType: Object.values(TradingType),
    marginType: Object.values(MarginType),
  },
  Execution: { takerSide: Object.values(Side) },
  MyExecution: { takerSide: Object.values(Side), mySide: Object.values(Side) },
  Product: { productType: Object.values(ProductType) },
  Currency: { currencyType: Object.values(CurrencyType) },
  FiatAccount: { currencyType: Object.values(CurrencyType) },
  CryptoAccount: { currencyType: Object.values(CurrencyType) },
  LoanBid: { status: Object.values(LoanBidStatus) },
  Loan: { status: Object.values(LoanStatus) },
  CryptoWithdrawal: { state: Object.values(CryptoWithdrawalState) },
  Withdrawal: { state: Object.values(FiatWithdrawalState) },
};
