import type { Decimal } from 'decimal.js';
import { BoolField, DecimalField, IntField, TextField } from '../core/fields.js';
import type { CurrencyType, OrUnknown } from '../constants.js';

const optional = { nullable: true } as const;

/**
 * A currency the exchange knows, with its precisions and limits.
 * @group Entities
 * @hideconstructor
 */
export class Currency {
  /** Currency code, e.g. `BTC`. */
  @TextField('currency') currency!: string;
  /** `fiat` or `crypto`. An unknown value from the wire is kept as sent (see {@link OrUnknown}). */
  @TextField('currency_type', optional) currencyType!: OrUnknown<CurrencyType> | null;
  /** Display name. */
  @TextField('name', optional) name!: string | null;
  /** Symbol, e.g. `₿`. */
  @TextField('symbol', optional) symbol!: string | null;
  /** Decimals kept for balances. */
  @IntField('assets_precision', optional) assetsPrecision!: number | null;
  /** Decimals used when quoting. */
  @IntField('quoting_precision', optional) quotingPrecision!: number | null;
  /** Decimals shown. */
  @IntField('display_precision', optional) displayPrecision!: number | null;
  /** Minimum withdrawal. */
  @DecimalField('minimum_withdrawal', optional) minimumWithdrawal!: Decimal | null;
  /** Withdrawal fee. */
  @DecimalField('withdrawal_fee', optional) withdrawalFee!: Decimal | null;
  /** Minimum fee. */
  @DecimalField('minimum_fee', optional) minimumFee!: Decimal | null;
  /** Minimum order quantity. */
  @DecimalField('minimum_order_quantity', optional) minimumOrderQuantity!: Decimal | null;
  /** Maximum quantity of one taker order. */
  @DecimalField('maximum_order_taker_quantity', optional) maximumOrderTakerQuantity!: Decimal | null;
  /** Minimum loan bid quantity. */
  @DecimalField('minimum_loan_bid_quantity', optional) minimumLoanBidQuantity!: Decimal | null;
  /** Fee discount. */
  @DecimalField('discount_fee', optional) discountFee!: Decimal | null;
  /** Whether deposits are possible. */
  @BoolField('depositable', optional) depositable!: boolean | null;
  /** Whether withdrawals are possible. */
  @BoolField('withdrawable', optional) withdrawable!: boolean | null;
  /** Whether it can be lent. */
  @BoolField('lendable', optional) lendable!: boolean | null;
  /** Whether it can fund positions. */
  @BoolField('position_fundable', optional) positionFundable!: boolean | null;
  /** Whether withdrawals need a memo. */
  @BoolField('has_memo', optional) hasMemo!: boolean | null;
  /** Whether it can be bought by credit card. */
  @BoolField('credit_card_fundable', optional) creditCardFundable!: boolean | null;
  /** For a stable coin, the currency it is pegged to (e.g. `USD` for USDT); `null` otherwise. */
  @TextField('stable_currency', optional) stableCurrency!: string | null;
  /** The currency it is issued on, if any. */
  @TextField('root_currency', optional) rootCurrency!: string | null;
}
